import { newId } from '../../core';
import type { QualityReport } from './schema';

/** Raw counts measured by SQL, before shares and the score are derived from them. */
export interface QualityCounts {
  readonly rows: number;
  readonly completeness: ReadonlyArray<{ column: string; required: boolean; nonNull: number }>;
  readonly validity: ReadonlyArray<{ column: string; checked: number; valid: number }>;
  readonly uniqueness: { key: readonly string[]; duplicateRows: number };
  readonly integrity: ReadonlyArray<{ column: string; references: string; checked: number; orphans: number }>;
  readonly freshness: { column: string; latest: string | null; lagDays: number | null } | null;
}

export interface ReportMeta {
  readonly scope: QualityReport['scope'];
  readonly table: string;
  readonly importId: string | null;
  readonly asOf: string;
}

/** A share that is 1 when there was nothing to measure, so an empty table is not "bad", only empty. */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 1 : values.reduce((a, b) => a + b, 0) / values.length);

function reportId(): string {
  return newId('qlt');
}

/**
 * Shares per column and per dimension, and the score: the plain mean of the four dimension scores, ×100.
 * Freshness is reported but not scored: how fresh a table should be depends on the table and the day.
 */
export function buildReport(counts: QualityCounts, meta: ReportMeta, createdAt = new Date()): QualityReport {
  const completeness = counts.completeness.map((c) => ({ ...c, share: shareOf(c.nonNull, counts.rows) }));
  const validity = counts.validity.map((v) => ({ ...v, share: shareOf(v.valid, v.checked) }));
  const uniqueness = {
    key: [...counts.uniqueness.key],
    rows: counts.rows,
    duplicateRows: counts.uniqueness.duplicateRows,
    share: shareOf(counts.rows - counts.uniqueness.duplicateRows, counts.rows),
  };
  const integrity = counts.integrity.map((r) => ({ ...r, share: shareOf(r.checked - r.orphans, r.checked) }));
  const dimensions = {
    completeness: mean(completeness.map((c) => c.share)),
    // Columns with no values to check (an optional column nobody fills) say nothing about validity.
    validity: mean(validity.filter((v) => v.checked > 0).map((v) => v.share)),
    uniqueness: uniqueness.share,
    integrity: mean(integrity.filter((r) => r.checked > 0).map((r) => r.share)),
  };
  const score = Math.round(mean(Object.values(dimensions)) * 1000) / 10;
  return {
    id: reportId(),
    scope: meta.scope,
    table: meta.table,
    importId: meta.importId,
    asOf: meta.asOf,
    createdAt: createdAt.toISOString(),
    rows: counts.rows,
    score,
    dimensions,
    completeness,
    validity,
    uniqueness,
    integrity,
    freshness: counts.freshness,
  };
}
