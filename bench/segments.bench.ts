// Segment counts (issue 7: 5 conditions over 1M profiles, p95 ≤ 20 ms in-process and ≤ 50 ms through the HTTP
// API), beside baselines measured in the same run: SELECT count(*) FROM profile (in-process) and GET /healthz
// (HTTP transport). Also, once each: a behaviour-window rule, a 10-segment overlap, personas, snapshot-all.
//
// The profile: when the bench portfolio cache holds a portfolio of the target size, the real tag refresh builds
// it; otherwise a profile with every library tag as a column is synthesised in SQL (hash-based, deterministic),
// so this bench never waits for a 100M-transaction generation it does not need.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/app';
import { quoteIdent, quoteLiteral, type Database } from '../src/db';
import { computePersonas, countRule, loadProfileInfo, overlapSegments, prepareRule, compileRule, ruleCatalog, snapshotAllSegments } from '../src/segments';
import { createUserAccount } from '../src/security';
import { buildServer } from '../src/server';
import { builtinTags, profileColumnTypesOf, refreshProfile } from '../src/tags';
import { cachedPortfolioFile, portfolioCopy, portfolioSizes } from './support/portfolio-cache';

export const name = 'segments';

const say = (line: string) => process.stdout.write(`${line}\n`);
const rule = "spend_90d >= 5000 and card_tier in ('gold', 'platinum') and days_since_last_txn <= 30 and utilisation < 0.8 and age between 25 and 45";
const windowRule = "count(txn where category = 'travel' and is_overseas, 90d) >= 1";
const targets = { inProcess: 20, http: 50 };
const samples = 300;
const asOf = '2026-10-31';

interface Timing {
  readonly p50: number;
  readonly p95: number;
}

async function time(work: () => Promise<unknown>, n = samples, warmUp = 20): Promise<Timing> {
  for (let i = 0; i < warmUp; i += 1) await work();
  const ms: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)] as number;
  return { p50: at(50), p95: at(95) };
}

const show = (t: Timing) => `p50 ${t.p50.toFixed(2)} ms  p95 ${t.p95.toFixed(2)} ms`;
const verdict = (t: Timing, target: number) => `target p95 ≤ ${target} ms: ${t.p95 <= target ? 'met' : 'NOT MET'}`;

// Hash-based values per column (deterministic); the five columns the rule reads get realistic shapes.
function columnSql(code: string, type: string, values: readonly string[] | undefined, salt: number): string {
  const u = `(hash(i, ${salt}) % 1000000) / 1000000.0`;
  const shaped: Record<string, string> = {
    spend_90d: `CASE WHEN ${u} < 0.08 THEN NULL ELSE round(exp(7.5 + 1.3 * (${u} * 2 - 1) * 1.7), 2) END`,
    days_since_last_txn: `CASE WHEN ${u} < 0.05 THEN NULL ELSE floor(pow(${u}, 3) * 400) END`,
    utilisation: `round(pow(${u}, 1.5) * 1.1, 3)`,
    age: `floor(20 + ${u} * 50)`,
  };
  if (shaped[code]) return shaped[code];
  if (type === 'enum' && values?.length) return `[${values.map(quoteLiteral).join(', ')}][1 + CAST(hash(i, ${salt}) % ${values.length} AS BIGINT)]`;
  if (type === 'boolean') return `${u} < 0.3`;
  if (type === 'date') return `DATE '${asOf}' - CAST(hash(i, ${salt}) % 3000 AS INTEGER)`;
  if (type === 'string') return `'x' || (hash(i, ${salt}) % 20)`;
  if (code.includes('share')) return `round(pow(${u}, 2), 4)`;
  if (code.startsWith('rfm_')) return `1 + CAST(hash(i, ${salt}) % 5 AS BIGINT)`;
  return `round(exp(4 + 3 * ${u}) - 55, 2)`;
}

export async function synthesiseProfile(db: Database, customers: number): Promise<void> {
  // Stored as a refresh stores them: whole-number tags as INTEGER, other numbers as DOUBLE.
  const types = profileColumnTypesOf(builtinTags);
  const columns = builtinTags.map((t, salt) => `(${columnSql(t.code, t.type, t.values, salt + 1)})${t.type === 'number' ? `::${types.get(t.code)}` : ''} AS ${quoteIdent(t.code)}`);
  await db.run(
    `CREATE OR REPLACE TABLE profile AS SELECT printf('C%08d', i) AS customer_id, ${columns.join(', ')}, DATE '${asOf}' AS as_of
     FROM range(1, ${customers + 1}) t(i) ORDER BY customer_id`,
  );
  // What a refresh records; the count path reads the as-of from here.
  await db.run(`INSERT OR REPLACE INTO tag_profile_state VALUES ('profile', $1::DATE, 'full', now()::TIMESTAMP, 0, $2, '[]')`, [asOf, customers]);
}

async function buildProfile(scale: 'full' | 'small'): Promise<{ db: Database; source: string; cleanup: () => void }> {
  const customers = scale === 'full' ? 1_000_000 : 100_000;
  const size = portfolioSizes[scale];
  if (size.customers === customers && existsSync(cachedPortfolioFile(scale))) {
    const copy = await portfolioCopy(scale, 'segments-bench');
    const db = await openStore(copy.path);
    const started = Date.now();
    const r = await refreshProfile(db, { snapshot: false });
    return { db, source: `real tag refresh of the cached portfolio (${r.tags} tags, ${((Date.now() - started) / 1000).toFixed(0)} s)`, cleanup: copy.cleanup };
  }
  const dir = mkdtempSync(join(tmpdir(), 'cardwise-bench-segments-'));
  const db = await openStore(join(dir, 'bench.duckdb'));
  const started = Date.now();
  await synthesiseProfile(db, customers);
  return {
    db,
    source: `synthesised in SQL (${builtinTags.length} library tags as columns, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function login(base: string, db: Database): Promise<string> {
  const password = 'bench password 123';
  await createUserAccount(db, { actor: 'bench', role: null }, { username: 'bench-analyst', displayName: 'bench', role: 'analyst', password, mustChangePassword: false });
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-analyst', password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

async function once<T>(label: string, work: () => Promise<T>, describe: (result: T) => string): Promise<void> {
  const started = performance.now();
  try {
    const result = await work();
    say(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s  ${describe(result)}`);
  } catch (error) {
    say(`${label}: failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function run(options: { scale: 'full' | 'small' }): Promise<void> {
  const { db, source, cleanup } = await buildProfile(options.scale);
  const app = await buildServer({ db, webRoot: null, cookieSecure: false });
  try {
    const total = (await db.one<{ n: number }>('SELECT count(*) AS n FROM profile'))?.n ?? 0;
    say(`profile: ${total.toLocaleString('en-US')} customers, ${source}`);
    say(`rule (5 conditions): ${rule}`);
    const compiled = await db.withConnection(async (s) => compileRule(prepareRule(rule, await ruleCatalog(s)), await loadProfileInfo(s)));
    const countSql = `SELECT count(*) AS n FROM ${compiled.from} WHERE ${compiled.where}`;
    const selected = (await countRule(db, rule)).count;
    say(`selects ${selected.toLocaleString('en-US')} (${((selected / total) * 100).toFixed(1)} %)`);

    const baseline = await time(() => db.one('SELECT count(*) AS n FROM profile'));
    const sqlOnly = await time(() => db.one(countSql));
    const inProcess = await time(() => countRule(db, rule));
    say(`baseline SELECT count(*) FROM profile:      ${show(baseline)}`);
    say(`compiled count SQL alone:                   ${show(sqlOnly)}  (${(sqlOnly.p95 / baseline.p95).toFixed(1)}× baseline p95)`);
    say(`countRule in-process (check+compile+count): ${show(inProcess)}  ${verdict(inProcess, targets.inProcess)}`);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const cookie = await login(base, db);
    const post = async () => {
      const r = await fetch(`${base}/api/segments/count`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ rule }) });
      if (r.status !== 200) throw new Error(`count: HTTP ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
    };
    const healthz = await time(async () => (await fetch(`${base}/healthz`)).arrayBuffer());
    const http = await time(post);
    say(`baseline GET /healthz:                      ${show(healthz)}`);
    say(`POST /api/segments/count:                   ${show(http)}  ${verdict(http, targets.http)}`);

    await once('behaviour-window rule (correlated subquery), once', () => countRule(db, windowRule), (r) => `${r.count} customers${source.startsWith('synth') ? ' (a synthesised profile has no transactions)' : ''}`);
    const ten = ['rfm_champions', 'rfm_loyal', 'rfm_at_risk', 'value_tier_top', 'value_tier_high', 'lifecycle_active', 'lifecycle_dormant', 'risk_grade_a', 'risk_grade_e', 'rfm_lost'];
    await once('overlap of 10 built-in segments (one scan)', () => overlapSegments(db, ten.map((t) => `seg_${t}`)), (r) => `${r.pairs.length} pairs`);
    await once('personas (k-means, k = 8)', () => computePersonas(db), (r) => r.clusters.map((c) => `${c.code} ${c.size}`).join(', '));
    await once('snapshot of every segment', () => snapshotAllSegments(db), (r) => `${r.snapshots.length} snapshots, ${r.failed.length} failed`);
  } finally {
    await app.close();
    await db.close();
    cleanup();
  }
}
