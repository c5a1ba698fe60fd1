import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const webDist = join(repoRoot, 'web', 'dist');
const viteConfig = join(repoRoot, 'web', 'vite.config.ts');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

/**
 * The browser tests drive the built console, as production serves it. `npm test` builds it first; a run of
 * the e2e project alone rebuilds it when the console's sources are newer than the build, so a test never
 * passes or fails against yesterday's bundle.
 */
export async function ensureConsoleBuilt(): Promise<void> {
  const index = join(webDist, 'index.html');
  const sources = [join(repoRoot, 'web', 'src'), join(repoRoot, 'web', 'index.html'), viteConfig];
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  const { build } = await import('vite');
  await build({ configFile: viteConfig, logLevel: 'warn' });
}
