// A generated portfolio shared by benchmarks: generated once per scale into .tmp/bench-cache/ and reused by
// every later run (generating 1M customers and ~100M transactions takes many minutes on two cores). Each
// bench gets its own copy of the cached file, because benches write (users, profiles, search keys) and
// DuckDB lets one process open a file at a time.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore } from '../../src/app';
import { generatePortfolio } from '../../src/data';

export type BenchScale = 'full' | 'small';

/** The target scale (1M customers, ~100M transactions over 18 months) and a quicker one. */
export const portfolioSizes: Record<BenchScale, { customers: number; seed: number; months: number }> = {
  full: { customers: 1_000_000, seed: 42, months: 18 },
  small: { customers: 50_000, seed: 42, months: 18 },
};

const cacheDir = resolve(import.meta.dirname, '..', '..', '.tmp', 'bench-cache');

const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for another process generating the same file (a lock file made with O_EXCL), then takes the lock. */
async function lock(path: string): Promise<() => void> {
  for (let waited = 0; ; waited += 5) {
    try {
      closeSync(openSync(path, 'wx'));
      return () => rmSync(path, { force: true });
    } catch {
      if (waited % 60 === 0) say(`waiting for another process generating the bench portfolio (${path})…`);
      await sleep(5000);
    }
  }
}

/** Path of the cached portfolio for a scale, generated first if no complete one exists. */
export async function cachedPortfolio(scale: BenchScale): Promise<string> {
  const size = portfolioSizes[scale];
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `portfolio-${size.customers}-s${size.seed}-m${size.months}.duckdb`);
  if (existsSync(file)) return file;
  const release = await lock(`${file}.lock`);
  try {
    if (existsSync(file)) return file;
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    rmSync(`${partial}.wal`, { force: true });
    say(`generating the ${scale} bench portfolio once (${size.customers.toLocaleString('en-US')} customers) into ${file}`);
    const started = Date.now();
    const db = await openStore(partial);
    try {
      await generatePortfolio(db, size);
      await db.run('CHECKPOINT');
    } finally {
      await db.close();
    }
    // Renamed only when complete, so an interrupted run never leaves a half portfolio to be reused.
    if (existsSync(`${partial}.wal`)) renameSync(`${partial}.wal`, `${file}.wal`);
    renameSync(partial, file);
    say(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s, ${(statSync(file).size / 1e9).toFixed(2)} GB`);
    return file;
  } finally {
    release();
  }
}

/** A private copy of the cached portfolio for one bench run; `cleanup` deletes it. */
export async function portfolioCopy(scale: BenchScale, label: string): Promise<{ path: string; cleanup: () => void }> {
  const source = await cachedPortfolio(scale);
  const path = join(cacheDir, `${label}-${process.pid}.duckdb`);
  copyFileSync(source, path);
  if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${path}.wal`);
  return { path, cleanup: () => ['', '.wal'].forEach((suffix) => rmSync(`${path}${suffix}`, { force: true })) };
}
