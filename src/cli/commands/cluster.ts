import type { Command } from 'commander';
import { openStore } from '../../app';
import { clusterTable } from '../../data';

export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description(
      'Re-sort rows loaded since the last clustering by customer, for fast per-customer reads / 按客户整理新加载的数据',
    )
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--table <name>', 'the contract table', 'transactions')
    .option('--full', 're-sort the whole table, not only the rows loaded since the last clustering')
    .action(async (o: { db: string; table: string; full?: boolean }) => {
      const db = await openStore(o.db);
      try {
        const r = await clusterTable(db, o.table, { full: Boolean(o.full) });
        const what =
          r.rows === 0
            ? 'nothing loaded since the last clustering'
            : `${r.rows.toLocaleString('en-US')} rows in customer order`;
        process.stdout.write(
          `${r.table}: ${r.mode} clustering, ${what} through ${r.through ?? '-'} in ${(r.ms / 1000).toFixed(1)} s\n`,
        );
      } finally {
        await db.close();
      }
    });
}
