/**
 * What validation reads: a relation with `_row` (the row number people see) and one text column per
 * contract column the source provides. Files, the Berka importer and tests all produce one.
 */
export interface Stage {
  readonly relation: string;
  /** Contract columns present in `relation`; the others are read as NULL. */
  readonly columns: readonly string[];
  /** Rows read from the source, including malformed ones. */
  readonly rows: number;
  /** Temp table of records the reader could not parse, shaped like the problems table; absent when none. */
  readonly malformed?: string | undefined;
  /** File columns no contract column reads, shown to people so a misspelt header does not go unnoticed. */
  readonly ignoredColumns: readonly string[];
  /** Frees the staged text once validation has typed it (a 10M-row file holds gigabytes of it). */
  readonly release?: (() => Promise<void>) | undefined;
}

/** Names of one import's temporary tables: per import, so a failed cleanup never collides with the next. */
export interface TempNames {
  readonly raw: string;
  readonly stage: string;
  readonly csvErrors: string;
  readonly csvScans: string;
  readonly sniffErrors: string;
  readonly sniffScans: string;
  readonly malformed: string;
  readonly gaps: string;
  readonly checked: string;
  readonly problems: string;
  readonly unchanged: string;
  readonly compared: string;
}

export function tempNames(importId: string): TempNames {
  const base = `cw_${importId}`;
  return {
    raw: `${base}_raw`,
    stage: `${base}_stage`,
    csvErrors: `${base}_csv_errors`,
    csvScans: `${base}_csv_scans`,
    sniffErrors: `${base}_sniff_errors`,
    sniffScans: `${base}_sniff_scans`,
    malformed: `${base}_malformed`,
    gaps: `${base}_gaps`,
    checked: `${base}_checked`,
    problems: `${base}_problems`,
    unchanged: `${base}_unchanged`,
    compared: `${base}_compared`,
  };
}

export const viewNames: ReadonlySet<keyof TempNames> = new Set(['stage']);
