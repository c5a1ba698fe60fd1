import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { fail, isCardwiseError } from '../../core';
import {
  catalogueSummary,
  computeOnDemandTag,
  explainTag,
  getRetention,
  listSnapshots,
  previewTag,
  profileAsOf,
  refreshProfile,
  saveTag,
  setRetention,
  tagDetail,
  tagDimensions,
  type TagDimension,
  type ValidationIssue,
} from '../../tags';
import { appendAudit } from '../../security';
import { progressBar } from '../progress-bar';
import { cliActor, withStore } from '../store';
import { onDemandRunLine } from './tags-render';

const out = (line = ''): void => void process.stdout.write(`${line}\n`);

function readDefinition(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    return fail('file_unreadable', `无法读取 ${file}`, `cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Prints each validation problem with where it is, then lets main.ts print the summary and exit 1. */
async function reportingIssues<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const issues = isCardwiseError(error) ? (error.details as { issues?: ValidationIssue[] } | undefined)?.issues : undefined;
    for (const i of issues ?? []) out(`  ${i.field}${i.column === undefined ? '' : ` (line ${i.line}, col ${i.column})`}: ${i.message}`);
    throw error;
  }
}

const pct = (v: number | null) => (v === null ? '   –  ' : `${(v * 100).toFixed(1).padStart(5)}%`);

export function registerTags(program: Command): void {
  const tags = program.command('tags').description('Tag catalogue, refresh and history / 标签');
  tags
    .command('list')
    .description('List the catalogue with coverage')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--dimension <d>', `one of ${tagDimensions.join(', ')}`)
    .action(async (o: { db: string; dimension?: TagDimension }) =>
      withStore(o.db, async (db) => {
        const { asOf, tags: rows } = await catalogueSummary(db, o.dimension);
        out(`as of ${asOf ?? '(no snapshot yet)'}: ${rows.length} tags`);
        for (const t of rows) {
          const onDemand = t.refresh === 'on_demand' ? '  [on demand / 按需]' : '';
          out(`${t.code.padEnd(34)} ${t.dimension.padEnd(10)} ${t.kind.padEnd(9)} ${t.type.padEnd(8)} ${pct(t.coverage)}  ${t.name_en} / ${t.name_zh}${onDemand}`);
        }
      }),
    );
  tags
    .command('show <code>')
    .description('A tag: definition, trend across snapshots and drift')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .action(async (code: string, o: { db: string }) => withStore(o.db, async (db) => out(JSON.stringify(await tagDetail(db, code), null, 2))));
  tags
    .command('add')
    .description('Validate and save a custom tag from a JSON file (nothing is saved on error)')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--file <file>', 'the definition (JSON)')
    .option('--update', 'replace an existing custom tag (a new version)')
    .action(async (o: { db: string; file: string; update?: boolean }) =>
      withStore(o.db, async (db) => {
        const saved = await reportingIssues(() => saveTag(db, readDefinition(o.file), cliActor(), o.update ? 'update' : 'create'));
        // A refresh leaves an on-demand tag as it was: it is computed when asked.
        const next = saved.refresh === 'on_demand' ? `tags compute ${saved.code}` : 'tags refresh';
        out(`saved ${saved.code} version ${saved.version}; run \`cardwise ${next}\` to compute it`);
      }),
    );
  tags
    .command('preview')
    .description("A definition's distribution over the current data, without saving")
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--file <file>', 'the definition (JSON)')
    .action(async (o: { db: string; file: string }) =>
      withStore(o.db, async (db) => out(JSON.stringify(await reportingIssues(() => previewTag(db, readDefinition(o.file))), null, 2))),
    );
  tags
    .command('refresh')
    .description('Compute every tag into the profile table (and keep a snapshot)')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--incremental', 'move kept states forward by the days since the last refresh')
    .option('--no-snapshot', 'do not keep a snapshot of the new profile')
    .action(async (o: { db: string; incremental?: boolean; snapshot: boolean }) =>
      withStore(o.db, async (db) => {
        const bar = progressBar();
        try {
          const r = await refreshProfile(db, { incremental: Boolean(o.incremental), snapshot: o.snapshot, onProgress: bar });
          bar.stop();
          out(`${r.mode} refresh as of ${r.asOf}: ${r.customers.toLocaleString('en-US')} customers × ${r.tags} tags in ${(r.ms / 1000).toFixed(1)} s`);
          out(`  profile SELECT ${(r.profileMs / 1000).toFixed(1)} s`);
          for (const d of r.dayIndexes) {
            out(`  day index ${d.relation.padEnd(15)} ${(d.ms / 1000).toFixed(1)} s  ${d.mode}${d.reason ? ` (${d.reason})` : ''}, ${d.rows.toLocaleString('en-US')} rows`);
          }
          for (const p of r.passes) {
            const moved = p.movedFrom ? `, moved rows from the ${p.movedFrom}` : '';
            out(`  pass ${p.id.padEnd(20)} ${String(p.tags).padStart(3)} tags ${String(p.states).padStart(4)} aggregates ${(p.ms / 1000).toFixed(1)} s  ${p.mode}${p.reason ? ` (${p.reason})` : ''}${moved}`);
          }
          if (r.snapshotId) out(`  snapshot ${r.snapshotId}`);
          // Memberships and their entry/exit events follow the profile only when segments are refreshed too.
          process.stderr.write('segments not refreshed: run `cardwise segments refresh`, or both as one recorded job: `cardwise jobs run profile-refresh`\n');
        } finally {
          bar.stop();
        }
      }),
    );
  tags
    .command('compute <code>')
    .description('Compute an on-demand tag now; every refresh keeps its values until the next computation')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .action(async (code: string, o: { db: string }) =>
      withStore(o.db, async (db) => {
        const bar = progressBar();
        try {
          const run = await computeOnDemandTag(db, code, { by: cliActor(), onProgress: bar });
          bar.stop();
          await appendAudit(db, { actor: cliActor(), action: 'tag.compute', target: code, details: { asOf: run.asOf, customers: run.customers } });
          out(onDemandRunLine(code, run));
        } finally {
          bar.stop();
        }
      }),
    );
  tags
    .command('history')
    .description('Snapshots, or one tag’s trend and drift; --keep sets the retention')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--tag <code>', 'show this tag’s trend and drift')
    .option('--keep <n>', 'keep at most this many snapshots', (v) => Number(v))
    .option('--max-age-days <n>', 'and drop those older than this many days before the newest', (v) => Number(v))
    .action(async (o: { db: string; tag?: string; keep?: number; maxAgeDays?: number }) =>
      withStore(o.db, async (db) => {
        if (o.keep !== undefined || o.maxAgeDays !== undefined) {
          const current = await getRetention(db);
          // What is not given stays as it was: `--keep` alone does not drop a maximum age set earlier.
          const maxAgeDays = o.maxAgeDays ?? current.maxAgeDays;
          const retention = { keep: o.keep ?? current.keep, ...(maxAgeDays !== undefined ? { maxAgeDays } : {}) };
          const dropped = await setRetention(db, retention);
          await appendAudit(db, { actor: cliActor(), action: 'tag.retention', target: null, details: { ...retention, dropped } });
          out(`retention: keep ${retention.keep}${retention.maxAgeDays ? `, at most ${retention.maxAgeDays} days` : ''}; dropped ${dropped.length} snapshot(s)`);
        }
        if (!o.tag) {
          for (const s of await listSnapshots(db)) out(`${s.snapshotId}  as of ${s.asOf}  ${s.customers.toLocaleString('en-US')} customers  (${s.createdAt})`);
          return;
        }
        const detail = await tagDetail(db, o.tag);
        for (const p of detail.trend) out(`${p.asOf}  coverage ${pct(p.coverage)}  mean ${p.mean === null ? '–' : p.mean.toFixed(3)}`);
        if (detail.drift) out(`PSI ${detail.drift.from.asOf} → ${detail.drift.to.asOf}: ${detail.drift.psi.toFixed(4)} (${detail.drift.band})`);
      }),
    );
  tags
    .command('as-of')
    .description('The profile as it was on a date: the latest snapshot on or before it, as JSON (audited)')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--date <yyyy-mm-dd>', 'the date')
    .option('--customer <id...>', 'these customers (default: the first --limit)')
    .option('--limit <n>', 'how many customers without --customer', (v) => Number(v), 100)
    .action(async (o: { db: string; date: string; customer?: string[]; limit: number }) =>
      withStore(o.db, async (db) => {
        const result = await profileAsOf(db, o.date, o.customer ? { customerIds: o.customer } : { limit: o.limit });
        await appendAudit(db, {
          actor: cliActor(), action: 'profile.as_of', target: result.snapshot.snapshotId,
          details: { date: o.date, asOf: result.snapshot.asOf, rows: result.rows.length },
        });
        out(JSON.stringify(result, null, 2));
      }),
    );
  tags
    .command('explain <code>')
    .description("How one customer's tag value was computed")
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--customer <id>', 'customer id')
    .action(async (code: string, o: { db: string; customer: string }) =>
      withStore(o.db, async (db) => out(JSON.stringify(await explainTag(db, code, o.customer), null, 2))),
    );
}
