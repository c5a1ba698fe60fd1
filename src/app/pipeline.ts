import type { ProgressListener } from '../core';
import type { Database } from '../db';
import { generatePortfolio, runQuality } from '../data';
import { refreshSegments } from '../segments';
import { refreshProfile } from '../tags';

/**
 * The stages `npm start` runs over the embedded store, in flow order (DESIGN §1). Each is safe to run again:
 * generation only fills an empty store, the others recompute from what is there. A capability joins the
 * demo by adding its stage here.
 */
export interface PipelineStage {
  readonly name: string;
  run(db: Database, onProgress: ProgressListener): Promise<string>;
}

export interface DemoPortfolio {
  readonly customers: number;
  readonly seed: number;
}

async function customerCount(db: Database): Promise<number> {
  return (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM customers'))?.n ?? 0;
}

export function demoPipeline(portfolio: DemoPortfolio): PipelineStage[] {
  return [
    {
      name: 'generate',
      async run(db, onProgress) {
        const existing = await customerCount(db);
        if (existing > 0) return `kept the existing portfolio (${existing.toLocaleString('en-US')} customers)`;
        const result = await generatePortfolio(db, portfolio, onProgress);
        const txns = result.counts.transactions ?? 0;
        return `generated ${portfolio.customers.toLocaleString('en-US')} customers, ${txns.toLocaleString('en-US')} transactions in ${result.seconds.toFixed(1)} s`;
      },
    },
    {
      name: 'quality',
      async run(db) {
        const reports = await runQuality(db);
        return `quality reports for ${reports.length} tables`;
      },
    },
    {
      // Incremental: on a restart over the same data it folds in nothing new and costs little; the tags
      // engine falls back to a full pass itself when definitions changed or there is no earlier state.
      name: 'tags',
      async run(db, onProgress) {
        const result = await refreshProfile(db, { incremental: true, onProgress });
        return `${result.tags} tags for ${result.customers.toLocaleString('en-US')} customers as of ${result.asOf} (${result.mode})`;
      },
    },
    {
      name: 'segments',
      async run(db, onProgress) {
        const result = await refreshSegments(db, { onProgress });
        const failed = result.failed.length > 0 ? `, ${result.failed.length} failed` : '';
        return `${result.snapshots.length} segment snapshots, ${result.personas.clusters.length} personas${failed}`;
      },
    },
  ];
}

export async function runPipeline(
  db: Database,
  stages: readonly PipelineStage[],
  onProgress: ProgressListener,
  log: (line: string) => void,
): Promise<void> {
  for (const stage of stages) {
    const started = Date.now();
    const summary = await stage.run(db, onProgress);
    log(`✓ ${stage.name}: ${summary} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
