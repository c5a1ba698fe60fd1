import type { Command } from 'commander';
import { openStore } from '../../app';
import { fail } from '../../core';
import { generatePortfolio } from '../../data';
import { progressBar } from '../progress-bar';

interface GenerateCommandOptions {
  db: string;
  customers: number;
  seed: number;
  months: number;
  asOf?: string;
  replace?: boolean;
  threads?: number;
  memoryLimit: string;
}

function integer(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    fail('bad_request', `不是非负整数：${value}`, `not a non-negative integer: ${value}`);
  }
  return n;
}

/** `cardwise generate`: the deterministic demo bank portfolio, with its planted truth. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Generate the deterministic demo bank portfolio / 生成演示用信用卡客户数据')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--customers <n>', 'number of customers', integer, 50_000)
    .option('--seed <n>', 'seed: the same seed gives the same portfolio', integer, 1)
    .option('--months <n>', 'months of history ending at the as-of date', integer, 18)
    .option('--as-of <date>', 'the portfolio as-of date, YYYY-MM-DD (default 2026-10-31)')
    .option('--replace', 'empty the contract tables of a database that already holds customers first')
    .option('--threads <n>', 'DuckDB threads (default: all cores)', integer)
    // DuckDB's own default is 80% of RAM; the generator streams, so a bound keeps the machine usable.
    .option('--memory-limit <size>', 'DuckDB memory limit', '8GB')
    .action(async (o: GenerateCommandOptions) => {
      const db = await openStore(o.db, { memoryLimit: o.memoryLimit, ...(o.threads ? { threads: o.threads } : {}) });
      const bar = progressBar();
      try {
        const result = await generatePortfolio(
          db,
          { customers: o.customers, seed: o.seed, months: o.months, asOf: o.asOf, replace: o.replace ?? false },
          bar,
        );
        bar.stop();
        const out = (line: string): boolean => process.stdout.write(`${line}\n`);
        out(`generated in ${result.seconds.toFixed(1)} s (seed ${result.params.seed}, ${result.params.start} … ${result.params.asOf})`);
        for (const [table, rows] of Object.entries(result.counts)) out(`  ${table.padEnd(22)} ${rows.toLocaleString('en-US').padStart(14)}`);
      } finally {
        bar.stop();
        await db.close();
      }
    });
}
