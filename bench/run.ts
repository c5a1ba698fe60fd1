// `npm run bench [-- NAME …] [-- --full]`: runs every bench/*.bench.ts (or the named ones). Each prints its
// figures beside a baseline measured in the same run. --full runs the target scale (1M customers,
// ~100M transactions), which takes minutes; the default is a smaller scale that shows the same ratios.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface BenchModule {
  name: string;
  run(options: { scale: 'full' | 'small' }): Promise<void>;
}

const args = process.argv.slice(2);
const scale = args.includes('--full') ? 'full' : 'small';
const wanted = args.filter((a) => !a.startsWith('--'));
const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();

for (const file of files) {
  const module = (await import(new URL(file, import.meta.url).href)) as BenchModule;
  if (wanted.length > 0 && !wanted.includes(module.name)) continue;
  process.stdout.write(`\n== ${module.name} (${scale}) ==\n`);
  await module.run({ scale });
}
