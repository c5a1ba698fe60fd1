import type { Command } from 'commander';
import { demoPipeline, ensureConsoleBuilt, openStore, runPipeline } from '../../app';
import { progressBar } from '../progress-bar';
import { serveStore } from './serve';

interface DemoOptions {
  db: string;
  customers: number;
  seed: number;
  port: number;
  host: string;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive integer: ${value}`);
  return n;
}

/** `npm start`: the whole product on the embedded default, from an empty folder to a console with data. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Generate the demo portfolio if needed, run every pipeline stage, serve the console / 演示')
    .option('--db <path>', 'the Cardwise database file', './data/cardwise.duckdb')
    .option('--customers <n>', 'customers in a newly generated portfolio', positiveInteger, 50_000)
    .option('--seed <n>', 'generator seed', positiveInteger, 20_261_031)
    .option('--port <port>', 'port to listen on', positiveInteger, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (options: DemoOptions) => {
      const log = (line: string): void => void process.stdout.write(`${line}\n`);
      await ensureConsoleBuilt(log);
      const db = await openStore(options.db);
      try {
        const bar = progressBar();
        try {
          await runPipeline(db, demoPipeline({ customers: options.customers, seed: options.seed }), bar, log);
        } finally {
          bar.stop();
        }
        await serveStore(db, { port: options.port, host: options.host });
      } catch (error) {
        await db.close();
        throw error;
      }
    });
}
