// The 360° view API for random customers (issue 7: p95 ≤ 50 ms at 1M customers / ~100M transactions), through
// the real HTTP server on loopback, beside two baselines measured in the same run: GET /healthz (the
// transport and a SELECT 1) and GET /api/auth/me (the same plus the session check every API call pays).
// The target applies to the summary (GET /api/customers/:id, what the page shows first); each section
// endpoint, the whole page (summary and every section requested at once, as the console may), masked-phone
// search and a later timeline page are printed beside it. The summary reads the day the customer entered
// each segment, so the bench first snapshots every segment once (as a pipeline run does), which records every
// member of each built-in family as entering. Requests of a series run one after another, as
// one agent works. CPU per request (server and client share this process) is printed too: on a machine
// shared with other work, wall-clock percentiles move with the neighbours, CPU time much less.
import type { AddressInfo } from 'node:net';
import { openStore } from '../src/app';
import type { Database } from '../src/db';
import { createUserAccount } from '../src/security';
import { buildServer } from '../src/server';
import { snapshotAllSegments } from '../src/segments';
import { refreshProfile } from '../src/tags';
import { portfolioCopy, type BenchScale } from './support/portfolio-cache';

export const name = 'profiles';

const viewTargetMs = 50;
const samples = 200;
const password = 'bench password 123';

const say = (line: string) => process.stdout.write(`${line}\n`);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Process CPU (user + system, every thread) per request. */
  readonly cpu: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function get(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
}

/** Times each item (one URL, or several fetched at once) one after another. */
async function timeRequests(items: ReadonlyArray<string | readonly string[]>, headers: Record<string, string>): Promise<Timing> {
  const ms: number[] = [];
  const cpuStart = cpuMs();
  for (const item of items) {
    const started = performance.now();
    await Promise.all((typeof item === 'string' ? [item] : item).map((url) => get(url, headers)));
    ms.push(performance.now() - started);
  }
  const cpu = (cpuMs() - cpuStart) / items.length;
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1] ?? NaN, cpu };
}

const show = (t: Timing) =>
  `p50 ${t.p50.toFixed(1).padStart(5)} ms  p95 ${t.p95.toFixed(1).padStart(5)} ms  max ${t.max.toFixed(1).padStart(5)} ms  cpu ${t.cpu.toFixed(1).padStart(4)} ms/req`;
const sections = ['interactions', 'messages', 'consents', 'bureau', 'tags', 'transactions?page=2&pageSize=20'] as const;

async function ensureTags(db: Database): Promise<void> {
  const has = await db.one<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'profile'");
  if (has?.n) return;
  const started = Date.now();
  try {
    const result = await refreshProfile(db);
    say(`tags refresh (so the view has its tags section): ${result.tags} tags in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // The view still answers (its tags section says why it is missing); the figure then excludes tags.
    say(`tags refresh failed, view measured without tags: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function ensureSegmentHistory(db: Database): Promise<void> {
  const has = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM segment_snapshots');
  if (!has?.n) {
    const started = Date.now();
    const result = await snapshotAllSegments(db);
    say(`segment snapshots (so the summary has entry days to read): ${result.snapshots.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const events = await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM segment_events');
  say(`segment entry and exit events: ${Number(events?.n ?? 0).toLocaleString('en-US')}`);
}

async function login(base: string, db: Database, username: string, role: 'analyst' | 'agent'): Promise<string> {
  await createUserAccount(db, { actor: 'bench', role: null }, { username, displayName: username, role, password, mustChangePassword: false });
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

export async function run(options: { scale: BenchScale }): Promise<void> {
  const copy = await portfolioCopy(options.scale, 'profiles-bench');
  const db = await openStore(copy.path);
  const app = await buildServer({ db, webRoot: null, cookieSecure: false });
  try {
    const counts = await db.one<{ customers: number; transactions: number }>(
      'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM transactions) AS transactions',
    );
    say(`portfolio: ${counts?.customers.toLocaleString('en-US')} customers, ${counts?.transactions.toLocaleString('en-US')} transactions`);
    await ensureTags(db);
    await ensureSegmentHistory(db);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const analyst = { cookie: await login(base, db, 'bench-analyst', 'analyst') };
    const agent = { cookie: await login(base, db, 'bench-agent', 'agent') };
    const picked = await db.all<{ customer_id: string; phone: string }>(
      `SELECT customer_id, phone FROM customers USING SAMPLE reservoir(${samples} ROWS) REPEATABLE (7)`,
    );
    const ids = picked.map((r) => r.customer_id);
    const view = (id: string) => `${base}/api/customers/${encodeURIComponent(id)}`;
    // Warm-up on other customers: first-touch costs (page cache, prepared plans) are not what an agent sees.
    const warm = await db.all<{ customer_id: string }>(`SELECT customer_id FROM customers USING SAMPLE reservoir(20 ROWS) REPEATABLE (8)`);
    await timeRequests(warm.map((r) => [view(r.customer_id), ...sections.map((section) => `${view(r.customer_id)}/${section}`)]), analyst);
    await timeRequests([`${base}/api/customers?q=138****0000`], analyst);

    const healthz = await timeRequests(Array(samples).fill(`${base}/healthz`), {});
    const me = await timeRequests(Array(samples).fill(`${base}/api/auth/me`), analyst);
    const views = await timeRequests(ids.map(view), analyst);
    const unmasked = await timeRequests(ids.slice(0, 50).map((id) => `${view(id)}?unmask=true&reason=bench%20check`), agent);
    const perSection = [];
    for (const section of sections) perSection.push({ section, t: await timeRequests(ids.map((id) => `${view(id)}/${section}`), analyst) });
    const page = await timeRequests(ids.map((id) => [view(id), ...sections.map((section) => `${view(id)}/${section}`)]), analyst);
    const masks = picked.map((r) => {
      const d = r.phone.replace(/\D/g, '').replace(/^86(?=\d{11}$)/, '');
      return `${base}/api/customers?q=${encodeURIComponent(`${d.slice(0, 3)}****${d.slice(7)}`)}`;
    });
    const search = await timeRequests(masks, analyst);

    say(`baseline GET /healthz:                     ${show(healthz)}`);
    say(`baseline GET /api/auth/me (session check): ${show(me)}`);
    say(`360° summary GET /api/customers/:id:        ${show(views)}`);
    say(
      `  target p95 ≤ ${viewTargetMs} ms: ${views.p95 <= viewTargetMs ? 'met' : 'NOT MET'}  ` +
        `(p95 ${(views.p95 / healthz.p95).toFixed(1)}× healthz, ${(views.p95 / me.p95).toFixed(1)}× auth/me; ` +
        `cpu ${(views.cpu / me.cpu).toFixed(1)}× auth/me)`,
    );
    say(`  unmasked by an agent (audited, 50):      ${show(unmasked)}`);
    for (const { section, t } of perSection) say(`  section ${section.split('?')[0]?.padEnd(33)}${show(t)}`);
    say(`whole page (summary + ${sections.length} sections at once):  ${show(page)}`);
    say(`search GET /api/customers?q=138****5678:   ${show(search)}`);
  } finally {
    await app.close();
    await db.close();
    copy.cleanup();
  }
}
