import { quoteIdent, quoteLiteral, type Queryable } from '../../db';
import { clusterColumns, type TableSpec } from '../contract/define';
import { anyFailureSql, rowChecks, typedSql, type ReadFormats } from './column-checks';
import { derivationsOf } from './derive';
import { rejectReasons, reasonSql } from './reject-reasons';
import type { Stage, TempNames } from './stage';

export interface Validation {
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly rowsUnchanged: number;
  readonly rowsToImport: number;
  /** Rows that passed the row checks but failed a reference, duplicate or conflict check. */
  readonly rowsLateRejected: number;
  readonly rejectEntries: number;
  /** Order-independent digest of the reject entries (see run-import: re-importing the same file). */
  readonly rejectsDigest: string;
}

const q = quoteIdent;

/** The columns of an import's problems table (and of the stage's malformed records). */
export const problemColumns = '_row, field, rule, reason, reason_zh, value';

/**
 * Types every column and lists each row's problems in one pass: `checked` holds the typed row and a list of
 * {field, rule, reason, reason_zh, value} structs, NULL for a good row (the list is only built where a check fails). Raw and typed values get positional aliases
 * (r0, t0 …) so that no contract name is ever spliced unquoted.
 */
function checkedSql(spec: TableSpec, stage: Stage, formats: ReadFormats, names: TempNames): string {
  const present = new Set(stage.columns);
  const inner = spec.columns.map((c, i) => {
    const raw = present.has(c.name) ? `s.${q(c.name)}` : 'NULL::VARCHAR';
    return `${raw} AS r${i}, ${typedSql(c, raw, formats)} AS t${i}`;
  });
  const derived = new Map(derivationsOf(spec.name).map((d, j) => [d.column, { ...d, alias: `d${j}` }]));
  const index = (name: string) => spec.columns.findIndex((c) => c.name === name);
  const joins = [...derived.values()].map(
    (d) => `LEFT JOIN ${q(d.lookupTable)} ${d.alias} ON ${d.alias}.${q(d.lookupKey)} = x.t${index(d.from)}`,
  );
  const outer = spec.columns.map((c, i) => {
    const d = derived.get(c.name);
    return d ? `coalesce(x.t${i}, ${d.alias}.${q(d.lookupValue)}) AS ${q(c.name)}` : `x.t${i} AS ${q(c.name)}`;
  });
  const problems = spec.columns.flatMap((c, i) =>
    rowChecks(c, `x.r${i}`, `x.t${i}`, formats).map(
      (check) =>
        `CASE WHEN ${check.condition} THEN {'field': ${quoteLiteral(c.name)}, 'rule': ${quoteLiteral(check.rule)}, ` +
        `'reason': ${quoteLiteral(check.reason.en)}, 'reason_zh': ${quoteLiteral(check.reason.zh)}, 'value': left(x.r${i}, 200)} END`,
    ),
  );
  const anyFailure = spec.columns.flatMap((c, i) => anyFailureSql(c, `x.r${i}`, `x.t${i}`) ?? []).join(' OR ') || 'false';
  const list =
    problems.length > 0
      ? `CASE WHEN ${anyFailure} THEN list_filter([${problems.join(',\n')}], p -> p IS NOT NULL) END`
      : 'NULL';
  return `CREATE TEMP TABLE ${q(names.checked)} AS
    SELECT x._row, ${outer.join(', ')}, ${list} AS _problems
    FROM (SELECT s._row, ${inner.join(',\n')} FROM ${q(stage.relation)} s) x ${joins.join(' ')}`;
}

/** Rows with no problem so far: the candidates for the key checks. */
function candidates(names: TempNames): string {
  return `SELECT c.* FROM ${q(names.checked)} c WHERE c._problems IS NULL
    AND NOT EXISTS (SELECT 1 FROM ${q(names.problems)} p WHERE p._row = c._row)`;
}

async function referenceChecks(session: Queryable, spec: TableSpec, stage: Stage, names: TempNames): Promise<void> {
  for (const column of spec.columns) {
    if (!column.references || !stage.columns.includes(column.name)) continue;
    const [table, key] = column.references.split('.') as [string, string];
    // A table referencing itself may point at rows arriving in this same file, as long as those are valid.
    const reason = reasonSql(rejectReasons.notFound, { target: quoteLiteral(column.references) });
    const sameFile =
      table === spec.name
        ? `AND NOT EXISTS (SELECT 1 FROM ${q(names.checked)} v WHERE v._problems IS NULL AND v.${q(key)} = c.${q(column.name)})`
        : '';
    await session.run(
      `INSERT INTO ${q(names.problems)} (${problemColumns})
       SELECT c._row, $field, 'reference', ${reason.en}, ${reason.zh}, left(c.${q(column.name)}::VARCHAR, 200) FROM ${q(names.checked)} c
       WHERE c.${q(column.name)} IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${q(table)} x WHERE x.${q(key)} = c.${q(column.name)}) ${sameFile}`,
      { field: column.name },
    );
  }
}

/** Later rows repeating a key of an earlier good row are rejected; the first occurrence wins. */
async function duplicateChecks(session: Queryable, spec: TableSpec, names: TempNames): Promise<void> {
  const keys = spec.key.map((k) => q(k));
  const on = spec.key.map((k) => `c.${q(k)} = d.${q(k)}`).join(' AND ');
  const shown = spec.key.length === 1 ? `c.${keys[0]}::VARCHAR` : `concat_ws('|', ${spec.key.map((k) => `c.${q(k)}::VARCHAR`).join(', ')})`;
  const reason = reasonSql(rejectReasons.duplicateKey, { row: 'd.first_row' });
  await session.run(
    `INSERT INTO ${q(names.problems)} (${problemColumns})
     WITH cand AS (${candidates(names)}),
          dup AS (SELECT ${keys.join(', ')}, min(_row) AS first_row FROM cand GROUP BY ALL HAVING count(*) > 1)
     SELECT c._row, $field, 'duplicate', ${reason.en}, ${reason.zh}, left(${shown}, 200)
     FROM cand c JOIN dup d ON ${on} WHERE c._row <> d.first_row`,
    { field: spec.key.join(',') },
  );
}

/**
 * A good row whose key the table already holds: identical in every column → unchanged (not written again,
 * which is what makes re-importing a file change nothing); different → rejected, never silently overwritten.
 */
async function existingChecks(session: Queryable, spec: TableSpec, names: TempNames): Promise<void> {
  await session.run(`CREATE TEMP TABLE ${q(names.unchanged)} (_row BIGINT)`);
  const any = await session.one(`SELECT 1 AS x FROM ${q(spec.name)} LIMIT 1`);
  if (!any) return;
  const on = spec.key.map((k) => `c.${q(k)} = t.${q(k)}`).join(' AND ');
  const same = spec.columns.map((col) => `c.${q(col.name)} IS NOT DISTINCT FROM t.${q(col.name)}`).join(' AND ');
  const diff = spec.columns.map((col) => `CASE WHEN c.${q(col.name)} IS DISTINCT FROM t.${q(col.name)} THEN ${quoteLiteral(col.name)} END`);
  // The list of differing columns is only built for rows that differ; a re-import compares millions of
  // identical rows. arg_min keeps the closest match should the table hold a key twice.
  await session.run(
    `CREATE TEMP TABLE ${q(names.compared)} AS
     SELECT _row, arg_min(d, len(d)) AS d FROM (
       SELECT c._row, CASE WHEN ${same} THEN []::VARCHAR[] ELSE list_filter([${diff.join(', ')}], x -> x IS NOT NULL) END AS d
       FROM (${candidates(names)}) c JOIN ${q(spec.name)} t ON ${on}) GROUP BY _row`,
  );
  await session.run(`INSERT INTO ${q(names.unchanged)} SELECT _row FROM ${q(names.compared)} WHERE len(d) = 0`);
  const reason = reasonSql(rejectReasons.conflict, { columns: "array_to_string(d, ', ')" });
  await session.run(
    `INSERT INTO ${q(names.problems)} (${problemColumns})
     SELECT _row, $field, 'conflict', ${reason.en}, ${reason.zh}, NULL
     FROM ${q(names.compared)} WHERE len(d) > 0`,
    { field: spec.key.join(',') },
  );
}

export async function validateStage(
  session: Queryable,
  spec: TableSpec,
  stage: Stage,
  formats: ReadFormats,
  names: TempNames,
  step: (done: number) => void,
): Promise<Validation> {
  await session.run(checkedSql(spec, stage, formats, names));
  await stage.release?.();
  step(1);
  await session.run(`CREATE TEMP TABLE ${q(names.problems)} AS
    SELECT _row, p.field AS field, p.rule AS rule, p.reason AS reason, p.reason_zh AS reason_zh, p.value AS value
    FROM (SELECT _row, unnest(_problems) AS p FROM ${q(names.checked)} WHERE _problems IS NOT NULL)`);
  if (stage.malformed) {
    await session.run(`INSERT INTO ${q(names.problems)} (${problemColumns}) SELECT ${problemColumns} FROM ${q(stage.malformed)}`);
  }
  await referenceChecks(session, spec, stage, names);
  step(2);
  await duplicateChecks(session, spec, names);
  await existingChecks(session, spec, names);
  step(3);
  const counts = await session.one<{ entries: number; rejected: number; digest: string; unchanged: number; good: number }>(
    `SELECT (SELECT count(*) FROM ${q(names.problems)}) AS entries,
            (SELECT count(DISTINCT _row) FROM ${q(names.problems)}) AS rejected,
            -- English reason only: digests recorded before reason_zh existed still match a re-import.
            (SELECT coalesce(bit_xor(hash(_row, field, rule, reason, value)), 0)::VARCHAR FROM ${q(names.problems)}) AS digest,
            (SELECT count(*) FROM ${q(names.unchanged)}) AS unchanged,
            (SELECT count(*) FROM ${q(names.checked)} WHERE _problems IS NULL) AS good`,
  );
  const c = counts ?? { entries: 0, rejected: 0, digest: '0', unchanged: 0, good: 0 };
  // Good rows minus those rejected later (reference, duplicate, conflict) minus unchanged ones.
  const lateRejects = await session.one<{ n: number }>(
    `SELECT count(DISTINCT p._row) AS n FROM ${q(names.problems)} p JOIN ${q(names.checked)} c USING (_row) WHERE c._problems IS NULL`,
  );
  return {
    rowsRead: stage.rows,
    rowsRejected: c.rejected,
    rowsUnchanged: c.unchanged,
    rowsToImport: c.good - (lateRejects?.n ?? 0) - c.unchanged,
    rowsLateRejected: lateRejects?.n ?? 0,
    rejectEntries: c.entries,
    rejectsDigest: `${c.entries}:${c.digest}`,
  };
}

/**
 * The INSERT that writes the good rows: checked rows with no problem that are not unchanged. The anti-joins
 * are left out when validation found nothing for them to remove (the common case of a clean new file).
 */
export function insertGoodRowsSql(spec: TableSpec, names: TempNames, outcome: Validation): string {
  const cols = spec.columns.map((c) => q(c.name)).join(', ');
  const late = outcome.rowsLateRejected > 0 ? candidates(names) : `SELECT * FROM ${q(names.checked)} WHERE _problems IS NULL`;
  const unchanged = outcome.rowsUnchanged > 0 ? `WHERE NOT EXISTS (SELECT 1 FROM ${q(names.unchanged)} u WHERE u._row = c._row)` : '';
  const order = clusterColumns(spec).map(q).join(', ');
  return `INSERT INTO ${q(spec.name)} (${cols}) SELECT ${cols} FROM (${late}) c ${unchanged} ORDER BY ${order}`;
}
