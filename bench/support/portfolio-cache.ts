// A generated portfolio shared by benchmarks: generated once per scale into .tmp/bench-cache/ and reused by
// every later run (generating 1M customers and ~100M transactions takes many minutes on two cores). Each
// bench gets its own copy of the cached file, because benches write (users, profiles, search keys) and
// DuckDB lets one process open a file at a time.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits for another process generating the same file, then takes the lock: a file created exclusively,
 * holding the owner's pid, so that a lock left by a process that died (killed, out of memory) is taken over.
 */
async function lock(path: string): Promise<() => void> {
  for (let waited = 0; ; waited += 5) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch {
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (!Number.isInteger(owner) || owner <= 0 || !alive(owner)) {
        rmSync(path, { force: true });
        continue;
      }
      if (waited % 60 === 0) say(`waiting for process ${owner}, generating the bench portfolio (${path})…`);
      await sleep(5000);
    }
  }
}

/**
 * The generator's source, hashed: a cached portfolio made by an earlier generator (another spend mix, other
 * signals) is not reused for figures about the current one.
 */
function generatorFingerprint(): string {
  const dir = resolve(import.meta.dirname, '..', '..', 'src', 'data', 'generator');
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) {
    hash.update(name).update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex').slice(0, 10);
}

/** Where the cached portfolio for a scale lives (whether or not it has been generated yet). */
export function cachedPortfolioFile(scale: BenchScale): string {
  const size = portfolioSizes[scale];
  return join(cacheDir, `portfolio-${size.customers}-s${size.seed}-m${size.months}-g${generatorFingerprint()}.duckdb`);
}

/** Path of the cached portfolio for a scale, generated first if no complete one exists. */
export async function cachedPortfolio(scale: BenchScale): Promise<string> {
  const size = portfolioSizes[scale];
  mkdirSync(cacheDir, { recursive: true });
  const file = cachedPortfolioFile(scale);
  if (existsSync(file)) return file;
  const release = await lock(`${file}.lock`);
  try {
    if (existsSync(file)) return file;
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    rmSync(`${partial}.wal`, { force: true });
    say(`generating the ${scale} bench portfolio once (${size.customers.toLocaleString('en-US')} customers) into ${file}`);
    const started = Date.now();
    // A bounded memory limit: DuckDB spills to disk instead of taking most of a machine shared with others
    // (its default, 80% of RAM, got a full-scale generation killed by the kernel's OOM killer).
    const db = await openStore(partial, { memoryLimit: process.env.CARDWISE_BENCH_MEMORY ?? '6GB' });
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
  // Flushed before any timing starts: otherwise the kernel writes the 3–5 GB copy back while the first
  // figures are measured (one incremental refresh took 19 s during that write-back and 12 s after a sync).
  for (const file of [path, `${path}.wal`].filter((f) => existsSync(f))) {
    const fd = openSync(file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return { path, cleanup: () => ['', '.wal'].forEach((suffix) => rmSync(`${path}${suffix}`, { force: true })) };
}
