import type { QualityReport } from './schema';

// Plain-text rendering of quality reports for the terminal: aligned columns, percentages with one decimal,
// counts with thousands separators. The console draws the same reports from JSON.

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const int = (n: number) => n.toLocaleString('en-US');

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function freshnessText(report: QualityReport): string {
  const f = report.freshness;
  if (!f) return '—';
  if (f.latest === null) return 'no data';
  return `${f.latest} (${int(f.lagDays ?? 0)} d)`;
}

/** One line per table: rows, score and the four dimensions, plus freshness. */
export function renderSummary(reports: readonly QualityReport[]): string {
  const asOf = reports[0]?.asOf;
  // An empty table has nothing to score: dashes, not a misleading 100.
  const rows = reports.map((r) => [
    r.table,
    int(r.rows),
    ...(r.rows === 0
      ? ['—', '—', '—', '—', '—']
      : [
          r.score.toFixed(1),
          pct(r.dimensions.completeness),
          pct(r.dimensions.validity),
          pct(r.dimensions.uniqueness),
          pct(r.dimensions.integrity),
        ]),
    freshnessText(r),
  ]);
  const header = ['table', 'rows', 'score', 'complete', 'valid', 'unique', 'integrity', `latest (lag to ${asOf ?? 'as-of'})`];
  return table(header, rows, new Set([1, 2, 3, 4, 5, 6]));
}

/** One table in detail: per column completeness and validity, key duplicates, orphans, freshness. */
export function renderDetail(report: QualityReport): string {
  const validity = new Map(report.validity.map((v) => [v.column, v]));
  const columns = report.completeness.map((c) => {
    const v = validity.get(c.column);
    return [
      c.column,
      c.required ? 'yes' : '',
      pct(c.share),
      int(c.nonNull),
      v && v.checked > 0 ? pct(v.share) : '—',
      v && v.checked > 0 ? int(v.checked - v.valid) : '',
    ];
  });
  const lines = [
    `${report.table}: ${int(report.rows)} rows, score ${report.score.toFixed(1)} (as of ${report.asOf})`,
    '',
    table(['column', 'required', 'complete', 'non-null', 'valid', 'invalid'], columns, new Set([2, 3, 4, 5])),
    '',
    `uniqueness (${report.uniqueness.key.join(', ')}): ${int(report.uniqueness.duplicateRows)} duplicate rows, ${pct(report.uniqueness.share)} unique`,
  ];
  for (const r of report.integrity) {
    lines.push(`integrity ${r.column} → ${r.references}: ${int(r.orphans)} orphans of ${int(r.checked)} (${pct(r.share)} resolved)`);
  }
  if (report.freshness) {
    const f = report.freshness;
    lines.push(
      f.latest === null
        ? `freshness ${f.column}: no data`
        : `freshness ${f.column}: latest ${f.latest}, ${int(f.lagDays ?? 0)} days before ${report.asOf}`,
    );
  }
  return lines.join('\n');
}
