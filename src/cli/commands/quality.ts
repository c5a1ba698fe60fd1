import type { Command } from 'commander';
import { openStore } from '../../app';
import { renderDetail, renderSummary, runQuality } from '../../data';

export function registerQuality(program: Command): void {
  program
    .command('quality')
    .description('Measure data quality of the contract tables and store the reports / 数据质量报告')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--table <name>', 'one table, shown column by column')
    .option('--as-of <date>', 'day freshness is measured against (default: today, Asia/Shanghai)')
    .option('--json', 'print the reports as JSON')
    .action(async (o: { db: string; table?: string; asOf?: string; json?: boolean }) => {
      const db = await openStore(o.db);
      try {
        const reports = await runQuality(db, { table: o.table, asOf: o.asOf });
        if (o.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
        else if (o.table && reports[0]) process.stdout.write(`${renderDetail(reports[0])}\n`);
        else process.stdout.write(`${renderSummary(reports)}\n`);
      } finally {
        await db.close();
      }
    });
}
