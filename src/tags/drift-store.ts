import { fail } from '../core';
import { quoteIdent, type Database } from '../db';
import { findTag } from './definition-store';
import { binOrder, driftBand, missingBin as missing, psi, type DriftBand } from './drift';
import { listSnapshots, type SnapshotInfo } from './history-store';
import { bandSql } from './snapshot-stats';
import { bucketLabels } from './plan/planner';

export interface DriftReport {
  readonly tag: string;
  readonly from: SnapshotInfo;
  readonly to: SnapshotInfo;
  readonly psi: number;
  readonly band: DriftBand;
  readonly bins: Array<{ readonly label: string; readonly expected: number; readonly actual: number }>;
}


/**
 * PSI of one tag between two snapshots (default: the two newest). Bins: the tag's buckets, else the deciles
 * of the baseline snapshot, else its values; customers without a value form a bin of their own, because a
 * tag that stops being filled has drifted too.
 */
export async function tagDrift(db: Database, code: string, fromId?: string, toId?: string): Promise<DriftReport> {
  const { definition: def } = await findTag(db, code);
  const snapshots = await listSnapshots(db);
  const pick = (id: string | undefined, fallback: SnapshotInfo | undefined) =>
    (id ? snapshots.find((s) => s.snapshotId === id) : fallback) ?? fail('not_found', '找不到快照', `snapshot ${id ?? '(none)'} not found`);
  const to = pick(toId, snapshots[snapshots.length - 1]);
  const from = pick(fromId, snapshots.filter((s) => s.asOf < to.asOf || (s.asOf === to.asOf && s.createdAt < to.createdAt)).pop());
  const column = quoteIdent(code);
  let binSql: string;
  let labels: (key: string) => string = (k) => k;
  if (def.type === 'number') {
    let buckets = def.buckets;
    if (!buckets) {
      const q = await db.one<{ q: number[] | null }>(`SELECT quantile_cont(${column}, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) AS q FROM ${quoteIdent(from.table)}`);
      const edges = [...new Set((q?.q ?? []).map(Number))].sort((a, b) => a - b);
      buckets = edges.length ? { edges } : undefined;
    }
    binSql = buckets ? `${bandSql(column, buckets)}::VARCHAR` : `CASE WHEN ${column} IS NULL THEN NULL ELSE '0' END`;
    const names = buckets ? bucketLabels(buckets) : ['(all)'];
    labels = (k) => names[Number(k)] ?? k;
  } else {
    binSql = `${column}::VARCHAR`;
  }
  const counts = async (table: string) => {
    const rows = await db.all<{ b: string | null; n: number }>(`SELECT ${binSql} AS b, count(*) AS n FROM ${quoteIdent(table)} GROUP BY 1`);
    return new Map(rows.map((r) => [r.b ?? missing, r.n]));
  };
  const [expected, actual] = [await counts(from.table), await counts(to.table)];
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].sort(binOrder(def.type === 'number' ? undefined : def.values));
  const e = keys.map((k) => expected.get(k) ?? 0);
  const a = keys.map((k) => actual.get(k) ?? 0);
  const value = psi(e, a);
  return {
    tag: code,
    from,
    to,
    psi: value,
    band: driftBand(value),
    bins: keys.map((k, i) => ({ label: k === missing ? missing : labels(k), expected: e[i] as number, actual: a[i] as number })),
  };
}
