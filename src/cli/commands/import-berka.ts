import type { Command } from 'commander';
import { openStore } from '../../app';
import { checkBerkaDir, importBerka } from '../../data';
import { lazyProgressBar } from './import';

const int = (n: number) => n.toLocaleString('en-US');

export function registerImportBerka(program: Command): void {
  program
    .command('import-berka')
    .description("Import the PKDD'99 Berka bank dataset (a folder of .asc files) into the contract / 导入 Berka 数据集")
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--as-of <date>', 'day the import quality reports measure freshness against (default: today)')
    .argument('<dir>', 'folder holding account.asc, client.asc, disp.asc, card.asc, district.asc, loan.asc, trans.asc')
    .action(async (dir: string, o: { db: string; asOf?: string }) => {
      checkBerkaDir(dir);
      const db = await openStore(o.db);
      const bar = lazyProgressBar();
      try {
        const result = await importBerka(db, dir, { progress: bar, ...(o.asOf ? { asOf: o.asOf } : {}) });
        bar.stop();
        for (const t of result.tables) {
          const r = t.result;
          const skipped = t.skipped > 0 ? `, skipped ${int(t.skipped)} (money in, not spend)` : '';
          const again = r.alreadyImported ? ` — already imported as ${r.id}` : '';
          process.stdout.write(
            `${t.table} (${t.file}, ${int(t.sourceRows)} rows${skipped}): imported: ${int(r.rowsImported)}, ` +
              `unchanged: ${int(r.rowsUnchanged)}, rejected: ${int(r.rowsRejected)}${again}\n`,
          );
        }
      } finally {
        bar.stop();
        await db.close();
      }
    });
}
