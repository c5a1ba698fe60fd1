import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('../../web', import.meta.url));

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the console with Vite when web/dist is missing or older than its sources (or the shared schemas it
 * imports), so a fresh clone's `npm start` serves it without a separate build step.
 */
export async function ensureConsoleBuilt(log: (line: string) => void): Promise<void> {
  const index = join(webDir, 'dist', 'index.html');
  const sources = Math.max(newestChange(join(webDir, 'src')), newestChange(fileURLToPath(new URL('..', import.meta.url))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log('building the console (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}
