import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spendCategories, type SpendCategory } from '../contract/enums';

/** One row of mcc-categories.csv: an inclusive range of MCCs and the spend category it maps to. */
export interface MccRange {
  readonly from: number;
  readonly to: number;
  readonly category: SpendCategory;
  readonly description: string;
}

export const mccFile = fileURLToPath(new URL('./mcc-categories.csv', import.meta.url));

export function loadMccRanges(): MccRange[] {
  const lines = readFileSync(mccFile, 'utf8').trim().split('\n').slice(1);
  return lines.map((line, index) => {
    const [from, to, category, ...rest] = line.split(',');
    if (!spendCategories.includes(category as SpendCategory)) {
      throw new Error(`${mccFile} row ${index + 2}: unknown category '${category}'`);
    }
    return { from: Number(from), to: Number(to), category: category as SpendCategory, description: rest.join(',') };
  });
}

/**
 * The category of one MCC. Ranges may nest (5541 fuel inside 5500–5599 automotive): the narrowest range
 * that contains the code wins, so a specific code always beats the block around it.
 */
export function categoryOfMcc(mcc: string | number, ranges: readonly MccRange[] = loadMccRanges()): SpendCategory {
  const code = Number(mcc);
  let best: MccRange | undefined;
  for (const range of ranges) {
    if (code >= range.from && code <= range.to && (!best || range.to - range.from < best.to - best.from)) best = range;
  }
  return best?.category ?? 'other';
}
