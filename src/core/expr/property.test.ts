import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db';
import type { Expr } from './ast';
import { build, withoutSpans } from './build';
import { checkExpression } from './check';
import { compileExpression } from './compile';
import { duckdbDialect } from './dialect-duckdb';
import { evaluate, type ExprValue } from './evaluate';
import { parseExpression } from './parser';
import { printExpression } from './printer';
import { propertyCatalog, propertyColumns, propertyRow, typedExpressions, type PropertyRow } from './property-arbitraries';

// The reference interpreter is the specification; DuckDB running the compiled SQL must agree with it on
// random well-typed expressions over random rows (nulls included). Runs are bounded: the machine is shared.

const asOf = '2025-06-30';
// Bounded by default (the machine is shared); EXPR_PROPERTY_RUNS=2000 for a deeper search.
const runs = Number(process.env.EXPR_PROPERTY_RUNS ?? 150);
const columns = Object.keys(propertyColumns) as Array<keyof typeof propertyColumns>;
const sqlType = { number: 'DOUBLE', boolean: 'BOOLEAN', string: 'VARCHAR', date: 'DATE' } as const;

const wellTyped = (maxDepth: number) =>
  typedExpressions(maxDepth).filter((ast) => {
    try {
      checkExpression(ast, propertyCatalog);
      return true;
    } catch {
      return false;
    }
  });

const rows = fc.array(fc.nat(), { minLength: 1, maxLength: 20 }).chain((ids) => fc.tuple(...ids.map((_, i) => propertyRow(i))));

/** Equal as SQL values: doubles within a relative 1e-9 (libm and V8 may differ in the last bit of ln). */
function same(expected: ExprValue, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual));
  }
  return expected === actual;
}

describe('property: compiled DuckDB SQL agrees with the reference interpreter', () => {
  let db: Database;

  beforeAll(async () => {
    db = await Database.open(':memory:', { connections: 1, threads: 1 });
    const defs = columns.map((c) => `${c} ${sqlType[propertyColumns[c]]}`).join(', ');
    await db.run(`CREATE TABLE t (id INTEGER, ${defs})`);
  });

  afterAll(async () => {
    await db.close();
  });

  async function load(batch: readonly PropertyRow[]): Promise<void> {
    await db.run('DELETE FROM t');
    const width = columns.length + 1;
    const tuples = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
    const params = batch.flatMap((row) => [row.id, ...columns.map((c) => row[c])]);
    await db.run(`INSERT INTO t VALUES ${tuples.join(', ')}`, params);
  }

  it('on every row, for every expression', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(wellTyped(3), { minLength: 1, maxLength: 8 }), rows, async (exprs, batch) => {
        await load(batch);
        const context = { dialect: duckdbDialect, resolveIdentifier: (name: string) => `t.${duckdbDialect.quoteIdent(name)}`, asOf: { date: asOf } };
        const select = exprs.map((ast, i) => `${compileExpression(ast, context)} AS c${i}`).join(', ');
        const result = await db.all(`SELECT id, ${select} FROM t ORDER BY id`);
        for (const row of batch) {
          const actual = result[row.id] as Record<string, unknown>;
          exprs.forEach((ast, i) => {
            const expected = evaluate(ast, { values: row, asOf });
            if (!same(expected, actual[`c${i}`])) {
              throw new Error(`${printExpression(ast)}\nrow ${JSON.stringify(row)}\ninterpreter ${JSON.stringify(expected)}, DuckDB ${JSON.stringify(actual[`c${i}`])}\n${compileExpression(ast, context)}`);
            }
          });
        }
      }),
      { numRuns: runs },
    );
  });

  it('on hand-picked edge cases', async () => {
    const row: PropertyRow = { id: 0, n1: -2.5, n2: 0, b1: null, s1: "it's", s2: '上海', d1: '2000-02-29', d2: '2025-02-28' };
    await load([row]);
    const texts = [
      'round(n1)', 'round(n1, -1)', 'n1 % n2', 'n1 / n2', '7 % -3', '-7.5 % 2', 'ln(n2)', 'sqrt(n1)', 'b1 and false', 'b1 or true', 'not b1',
      'n1 in (1, -2.5)', 'b1 = true', 's1 < s2', "s1 || '!'", 'length(s2)', 'age(d1)', 'days_between(d1, d2)', 'year(d1) * month(d2)',
      'if(b1, 1, 2)', 'least(n1, n2, 3)', "coalesce(null, s1)", 'n1 between n2 and 3', 'n1 not between -3 and n2',
    ];
    const context = { dialect: duckdbDialect, resolveIdentifier: (name: string) => `t.${duckdbDialect.quoteIdent(name)}`, asOf: { date: asOf } };
    const asts: Expr[] = texts.map((t) => parseExpression(t));
    const result = (await db.all(`SELECT ${asts.map((a, i) => `${compileExpression(a, context)} AS c${i}`).join(', ')} FROM t`))[0] as Record<string, unknown>;
    const pinned: ExprValue[] = [
      -3, 0, null, null, 1, -1.5, null, null, false, true, null, true, null, true, "it's!", 2, 25, 9131, 4000, 2, -2.5, "it's", false, false,
    ];
    asts.forEach((ast, i) => {
      const expected = evaluate(ast, { values: row, asOf });
      expect([texts[i], same(pinned[i] as ExprValue, expected), same(expected, result[`c${i}`])]).toEqual([texts[i], true, true]);
    });
  });
});

describe('property: printing then parsing gives the same tree', () => {
  const windows = fc
    .tuple(
      fc.constantFrom('count', 'sum', 'max') as fc.Arbitrary<'count' | 'sum' | 'max'>,
      typedExpressions(2),
      fc.oneof(fc.tuple(fc.integer({ min: 1, max: 3660 }), fc.constant<'d'>('d')), fc.tuple(fc.integer({ min: 1, max: 120 }), fc.constant<'m'>('m'))),
    )
    .map(([fn, where, [amount, unit]]) =>
      build.comparison('>', build.aggregate(fn, 'txn', { amount, unit }, { ...(fn === 'count' ? {} : { field: 'amount' }), where }), build.number(0)),
    );

  it('for random expressions, windows included', () => {
    fc.assert(
      fc.property(fc.oneof(typedExpressions(4), windows), (ast) => {
        const text = printExpression(ast);
        expect(withoutSpans(parseExpression(text))).toEqual(withoutSpans(ast));
        expect(printExpression(parseExpression(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
