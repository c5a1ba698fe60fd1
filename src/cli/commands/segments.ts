import type { Command } from 'commander';
import { createWriteStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { isCardwiseError, type ExprErrorDetails } from '../../core';
import { appendAudit } from '../../security';
import {
  builtinFamilies,
  computePersonas,
  countRule,
  createSegment,
  exportSegment,
  latestPersonaRun,
  listSegments,
  overlapSegments,
  refreshSegments,
  snapshotAllSegments,
  snapshotSegment,
  type BuiltinFamily,
} from '../../segments';
import { progressBar } from '../progress-bar';
import { cliActor, withStore } from '../store';

const out = (line: string): boolean => process.stdout.write(`${line}\n`);

/** Runs long work with progress bars on stderr, removed when the work ends. */
async function withProgress<T>(work: (onProgress: ReturnType<typeof progressBar>) => Promise<T>): Promise<T> {
  const bar = progressBar();
  try {
    return await work(bar);
  } finally {
    bar.stop();
  }
}

/** Shows where a rule went wrong, under the rule itself, before the error's one-line message. */
function pointAtProblem(rule: string, error: unknown): void {
  if (!isCardwiseError(error) || error.code !== 'expression_invalid') return;
  const details = error.details as Partial<ExprErrorDetails> | undefined;
  if (details?.line === undefined || details.column === undefined) return;
  const line = rule.split('\n')[details.line - 1] ?? '';
  const width = Math.max(1, (details.end ?? 0) - (details.position ?? 0));
  process.stderr.write(`  ${line}\n  ${' '.repeat(details.column - 1)}${'^'.repeat(Math.min(width, Math.max(1, line.length - details.column + 1)))}\n`);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

function parseFamily(value: string): BuiltinFamily {
  const family = builtinFamilies.find((f) => f === value);
  if (!family) throw new Error(`unknown family ${value}: one of ${builtinFamilies.join(', ')}`);
  return family;
}

export function registerSegments(program: Command): void {
  const segments = program.command('segments').description('Segments: rules over customer tags, counts, snapshots, export / 客户分群');

  segments
    .command('count')
    .description('Count the customers a rule selects in the current profile (nothing is saved)')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--rule <expression>', `e.g. "spend_90d >= 5000 and card_tier = 'gold'"`)
    .option('--json', 'print the result as JSON')
    .action(async (o: { db: string; rule: string; json?: boolean }) =>
      withStore(o.db, async (db) => {
        try {
          const result = await countRule(db, o.rule);
          if (o.json) out(JSON.stringify(result));
          else out(`${result.count}\t(${percent(result.share)} of ${result.total.toLocaleString('en-US')}, as of ${result.asOf ?? '-'}, ${result.elapsedMs} ms)`);
        } catch (error) {
          pointAtProblem(o.rule, error);
          throw error;
        }
      }),
    );

  segments
    .command('list')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--family <family>', `only one built-in family: ${builtinFamilies.join(', ')}`, parseFamily)
    .option('--json', 'print the segments as JSON')
    .action(async (o: { db: string; family?: BuiltinFamily; json?: boolean }) =>
      withStore(o.db, async (db) => {
        const items = await listSegments(db, o.family ? { family: o.family } : {});
        if (o.json) out(JSON.stringify(items, null, 2));
        else for (const s of items) out(`${s.id}\t${s.kind === 'builtin' ? s.family : 'rule'}\tv${s.version}\t${s.nameEn} / ${s.nameZh}\t${s.rule.length > 80 ? `${s.rule.slice(0, 77)}...` : s.rule}`);
      }),
    );

  segments
    .command('create')
    .description('Create a rule segment from a JSON file: {"nameZh", "nameEn", "description", "descriptionZh", "rule", "owner"}')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--file <path>', 'the segment definition (JSON)')
    .action(async (o: { db: string; file: string }) => {
      const input: unknown = JSON.parse(readFileSync(o.file, 'utf8'));
      await withStore(o.db, async (db) => {
        try {
          const segment = await createSegment(db, input, cliActor());
          await appendAudit(db, { actor: cliActor(), action: 'segment.create', target: segment.id, details: { rule: segment.rule } });
          out(`created ${segment.id}\t${segment.nameEn}\t${segment.rule}`);
        } catch (error) {
          const rule = (input as { rule?: unknown } | null)?.rule;
          if (typeof rule === 'string') pointAtProblem(rule, error);
          throw error;
        }
      });
    });

  segments
    .command('snapshot')
    .description('Snapshot membership now and record entry and exit events (one segment, or --all)')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--id <segment>', 'the segment id (seg_…)')
    .option('--all', 'every segment')
    .action(async (o: { db: string; id?: string; all?: boolean }) =>
      withStore(o.db, async (db) => {
        if (!o.id && !o.all) throw new Error('say which segment: --id seg_… or --all');
        const taken = o.id ? [await snapshotSegment(db, o.id)] : (await withProgress((onProgress) => snapshotAllSegments(db, { onProgress }))).snapshots;
        for (const s of taken) out(`${s.segmentId}\t${s.snapshotId}\tsize ${s.size}\t+${s.entered}\t-${s.exited}`);
      }),
    );

  segments
    .command('export')
    .description('Write the current members to CSV, personal fields masked; the export is audited')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--id <segment>', 'the segment id (seg_…)')
    .requiredOption('--out <file>', 'the CSV file to write')
    .action(async (o: { db: string; id: string; out: string }) =>
      withStore(o.db, async (db) => {
        const file = await exportSegment(db, o.id, null, async (details) => {
          await appendAudit(db, { actor: cliActor(), action: 'export', target: o.id, details: { ...details, format: 'csv', file: o.out } });
        });
        await pipeline(file.stream, createWriteStream(o.out));
        out(`wrote ${file.rows} customers to ${o.out} (masked)`);
      }),
    );

  segments
    .command('overlap')
    .description('Pairwise overlap of 2 to 10 segments')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--ids <ids>', 'comma-separated segment ids')
    .action(async (o: { db: string; ids: string }) =>
      withStore(o.db, async (db) => {
        const result = await overlapSegments(db, o.ids.split(',').map((s) => s.trim()).filter(Boolean));
        for (const s of result.segments) out(`${s.id}\t${s.count}\t${s.nameEn}`);
        for (const p of result.pairs) out(`${p.a} ∩ ${p.b}\t${p.intersection}\tJaccard ${p.jaccard.toFixed(3)}`);
      }),
    );

  segments
    .command('personas')
    .description('Show behaviour personas; --refresh re-clusters the current profile first')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--refresh', 're-cluster now')
    .option('--k <n>', 'number of clusters (default 8)', (v) => Number.parseInt(v, 10))
    .option('--seed <n>', 'random seed (default 20261)', (v) => Number.parseInt(v, 10))
    .action(async (o: { db: string; refresh?: boolean; k?: number; seed?: number }) =>
      withStore(o.db, async (db) => {
        const run = o.refresh
          ? await withProgress((onProgress) => computePersonas(db, { ...(o.k ? { k: o.k } : {}), ...(o.seed ? { seed: o.seed } : {}), onProgress }))
          : await latestPersonaRun(db);
        if (!run) throw new Error('no personas yet: run `cardwise segments personas --refresh`');
        out(`run ${run.runId}: ${run.customers.toLocaleString('en-US')} customers, k = ${run.k}, as of ${run.asOf ?? '-'}`);
        for (const c of run.clusters) {
          out(`${c.code}\t${c.size}\t${percent(c.share)}\t${c.nameZh} / ${c.nameEn}\t${c.profile.topCategories.join(', ')}`);
        }
      }),
    );

  segments
    .command('refresh')
    .description('After a tag refresh: update built-in families, re-cluster personas, snapshot every segment')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .action(async (o: { db: string }) =>
      withStore(o.db, async (db) => {
        const result = await withProgress((onProgress) => refreshSegments(db, { onProgress }));
        out(`personas: ${result.personas.clusters.map((c) => `${c.code} ${c.size}`).join(', ')}`);
        out(`snapshots: ${result.snapshots.length}, failed: ${result.failed.length}`);
        for (const f of result.failed) out(`  ${f.segmentId}: ${f.error}`);
      }),
    );
}
