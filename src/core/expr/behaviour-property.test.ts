import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { contractTable, createTableSql } from '../../data';
import { Database } from '../../db';
import type { AggregateName, Expr } from './ast';
import { build } from './build';
import { compileExpression } from './compile';
import { addDays } from './dates';
import { duckdbDialect } from './dialect-duckdb';
import { evaluate, type ExprValue, type SourceRow } from './evaluate';
import { printExpression } from './printer';
import { behaviourSources } from './sources';

// Random transactions and statements around the as-of date (many of them on the exact instants where a
// Shanghai day starts in UTC) and random windows over them: DuckDB's answer must equal the interpreter's.

const asOf = '2025-06-30';
const runs = Number(process.env.EXPR_PROPERTY_RUNS ?? 100);
const categories = behaviourSources.txn.fields.category?.values ?? [];

const instant = fc.tuple(fc.integer({ min: -450, max: 2 }), fc.oneof(fc.integer({ min: 0, max: 86_399 }), fc.constantFrom(57_599, 57_600))).map(
  ([day, second]) => new Date(Date.parse(`${addDays(asOf, day)}T00:00:00Z`) + second * 1000),
);
const txn = fc.record({
  customer: fc.constantFrom('C1', 'C2'),
  ts: instant,
  amount: fc.oneof(fc.integer({ min: -500, max: 5000 }), fc.constantFrom(0.01, 99.99)),
  category: fc.option(fc.constantFrom('dining', 'travel', 'fuel'), { nil: null }),
  is_overseas: fc.option(fc.boolean(), { nil: null }),
  merchant: fc.constantFrom('M1', 'M2', 'M3'),
});
const statement = fc.record({
  account: fc.constantFrom('A1', 'A2', 'A3'),
  day: fc.integer({ min: -450, max: 2 }).map((d) => addDays(asOf, d)),
  overdue_days: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  revolving: fc.option(fc.boolean(), { nil: null }),
});

const txnWhere: fc.Arbitrary<Expr> = fc.letrec<{ cond: Expr }>((tie) => ({
  cond: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'where' },
    fc.constantFrom(...categories.slice(0, 4)).map((c) => build.comparison('=', build.identifier('category'), build.string(c))),
    fc.integer({ min: -100, max: 3000 }).map((n) => build.comparison('>', build.identifier('amount'), build.number(n))),
    fc.constant(build.identifier('is_overseas')),
    fc.tuple(fc.constantFrom<'and' | 'or'>('and', 'or'), tie('cond'), tie('cond')).map(([op, l, r]) => build.logical(op, l, r)),
    tie('cond').map((c) => build.not(c)),
  ),
})).cond;
const window = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constant<'d'>('d')),
  fc.tuple(fc.integer({ min: 1, max: 14 }), fc.constant<'m'>('m')),
).map(([amount, unit]) => ({ amount, unit }));
const txnWindow = fc
  .tuple(fc.constantFrom<AggregateName>('count', 'count_distinct', 'sum', 'avg', 'min', 'max'), fc.option(txnWhere, { nil: undefined }), window)
  .map(([fn, where, w]) =>
    build.aggregate(fn, 'txn', w, { ...(fn === 'count' ? {} : { field: fn === 'count_distinct' ? 'merchant' : 'amount' }), ...(where ? { where } : {}) }),
  );
const statementWindow = fc
  .tuple(fc.constantFrom<AggregateName>('count', 'max', 'sum'), fc.boolean(), window)
  .map(([fn, revolving, w]) =>
    build.aggregate(fn, 'statement', w, { ...(fn === 'count' ? {} : { field: 'overdue_days' }), ...(revolving ? { where: build.identifier('revolving') } : {}) }),
  );

describe('property: behaviour windows agree with the interpreter', () => {
  let db: Database;

  beforeAll(async () => {
    db = await Database.open(':memory:', { connections: 1, threads: 1 });
    for (const name of ['accounts', 'transactions', 'statements']) {
      const spec = contractTable(name);
      if (!spec) throw new Error(`no contract table ${name}`);
      await db.run(createTableSql(spec));
    }
    await db.run("INSERT INTO accounts (account_id, customer_id) VALUES ('A1', 'C1'), ('A2', 'C1'), ('A3', 'C2')");
    await db.run("CREATE TABLE people AS SELECT * FROM (VALUES ('C1'), ('C2'), ('C3')) t(customer_id)");
  });

  afterAll(async () => {
    await db.close();
  });

  it('for random rows and windows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(txn, { maxLength: 25 }),
        fc.array(statement, { maxLength: 8 }),
        fc.array(fc.oneof(txnWindow, statementWindow), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (txns, statements, windows, bound) => {
          await db.run('DELETE FROM transactions');
          await db.run('DELETE FROM statements');
          for (const [i, t] of txns.entries()) {
            await db.run('INSERT INTO transactions (txn_id, customer_id, ts, amount, category, is_overseas, merchant) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
              `T${i}`,
              t.customer,
              t.ts.toISOString().replace('T', ' ').slice(0, 19),
              t.amount,
              t.category,
              t.is_overseas,
              t.merchant,
            ]);
          }
          for (const s of statements) {
            await db.run('INSERT INTO statements (account_id, statement_date, overdue_days, revolving) VALUES ($1, CAST($2 AS DATE), $3, $4)', [s.account, s.day, s.overdue_days, s.revolving]);
          }
          // A bound as-of date makes DuckDB compute the bounds itself: an independent check of the folded ones.
          const context = {
            dialect: duckdbDialect,
            resolveIdentifier: () => 'NULL',
            customerIdSql: 'p.customer_id',
            asOf: bound ? { parameter: '$asof' } : { date: asOf },
          };
          const select = windows.map((w, i) => `${compileExpression(w, context)} AS c${i}`).join(', ');
          const result = await db.all(`SELECT customer_id, ${select} FROM people p ORDER BY customer_id`, bound ? { asof: asOf } : undefined);
          for (const row of result) {
            const customer = row.customer_id as string;
            const accounts = customer === 'C1' ? ['A1', 'A2'] : customer === 'C2' ? ['A3'] : [];
            const rows: Record<string, readonly SourceRow[]> = {
              txn: txns.filter((t) => t.customer === customer),
              statement: statements.filter((s) => accounts.includes(s.account)).map((s) => ({ ...s, statement_date: s.day })),
            };
            windows.forEach((w, i) => {
              const expected: ExprValue = evaluate(w, { values: {}, asOf, rows });
              const actual = row[`c${i}`];
              const same = typeof expected === 'number' && typeof actual === 'number' ? Math.abs(expected - actual) < 1e-6 : expected === actual;
              if (!same) throw new Error(`${printExpression(w)} for ${customer}: interpreter ${String(expected)}, DuckDB ${String(actual)}`);
            });
          }
        },
      ),
      { numRuns: runs },
    );
  });
});
