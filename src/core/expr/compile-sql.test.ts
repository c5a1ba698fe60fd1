import { describe, expect, it } from 'vitest';
import { compileExpression, type CompileContext } from './compile';
import { defaultBehaviourSql } from './compile-behaviour';
import type { Dialect } from './dialect';
import { clickhouseDialect } from './dialect-clickhouse';
import { duckdbDialect } from './dialect-duckdb';
import { postgresDialect } from './dialect-postgres';
import { build } from './build';
import { parseExpression } from './parser';

// Exact SQL per dialect, kysely style: a change to any dialect's output shows up here as a diff to review.

function context(dialect: Dialect, overrides: Partial<CompileContext> = {}): CompileContext {
  return {
    dialect,
    resolveIdentifier: (name) => `p.${dialect.quoteIdent(name)}`,
    customerIdSql: `p.${dialect.quoteIdent('customer_id')}`,
    asOf: { date: '2025-06-30' },
    ...overrides,
  };
}

const sql = (text: string, dialect: Dialect, overrides: Partial<CompileContext> = {}) =>
  compileExpression(parseExpression(text), context(dialect, overrides));

// [expression, DuckDB, PostgreSQL, ClickHouse]
const cases: ReadonlyArray<readonly [string, string, string, string]> = [
  [
    `spend_90d >= 5000 and card_tier = 'gold'`,
    `((p."spend_90d" >= 5000) AND (p."card_tier" = 'gold'))`,
    `((p."spend_90d" >= 5000) AND (p."card_tier" = 'gold'))`,
    `((p.\`spend_90d\` >= 5000) AND (p.\`card_tier\` = 'gold'))`,
  ],
  [
    'spend_90d / txn_count_30d > 100',
    '((p."spend_90d" / NULLIF(p."txn_count_30d", 0)) > 100)',
    '((CAST(p."spend_90d" AS DOUBLE PRECISION) / NULLIF(p."txn_count_30d", 0)) > 100)',
    '((p.`spend_90d` / nullIf(p.`txn_count_30d`, 0)) > 100)',
  ],
  [
    'spend_90d % 7 = 1',
    '((p."spend_90d" % 7e0) = 1)',
    '(CAST(mod(CAST(p."spend_90d" AS NUMERIC), CAST(CAST(7 AS DOUBLE PRECISION) AS NUMERIC)) AS DOUBLE PRECISION) = 1)',
    '((p.`spend_90d` % toFloat64(7)) = 1)',
  ],
  [
    `if(is_revolver, 'revolver', 'transactor')`,
    `CASE WHEN p."is_revolver" THEN 'revolver' ELSE 'transactor' END`,
    `CASE WHEN p."is_revolver" THEN 'revolver' ELSE 'transactor' END`,
    `if(p.\`is_revolver\`, 'revolver', 'transactor')`,
  ],
  [
    `city || '市'`,
    `(p."city" || '市')`,
    `(p."city" || '市')`,
    `concat(p.\`city\`, '市')`,
  ],
  [
    'is_revolver = true or is_revolver is null',
    '((p."is_revolver" = TRUE) OR (p."is_revolver" IS NULL))',
    '((p."is_revolver" = TRUE) OR (p."is_revolver" IS NULL))',
    '((p.`is_revolver` = true) OR (p.`is_revolver` IS NULL))',
  ],
  [
    'days_between(last_txn_date, as_of()) > 30',
    `(CAST(date_diff('day', p."last_txn_date", DATE '2025-06-30') AS DOUBLE) > 30)`,
    `(CAST((DATE '2025-06-30' - p."last_txn_date") AS DOUBLE PRECISION) > 30)`,
    `(toFloat64(dateDiff('day', p.\`last_txn_date\`, toDate('2025-06-30'))) > 30)`,
  ],
  [
    'age(birth_date) between 25 and 35',
    `(CAST(date_sub('year', p."birth_date", DATE '2025-06-30') AS DOUBLE) BETWEEN 25 AND 35)`,
    `(CAST(EXTRACT(YEAR FROM age(DATE '2025-06-30', p."birth_date")) AS DOUBLE PRECISION) BETWEEN 25 AND 35)`,
    `(toFloat64(age('year', p.\`birth_date\`, toDate('2025-06-30'))) BETWEEN 25 AND 35)`,
  ],
  [
    'round(spend_90d * 1.1, 2)',
    'round((p."spend_90d" * 1.1e0), 2)',
    'CAST(round(CAST((p."spend_90d" * CAST(1.1 AS DOUBLE PRECISION)) AS NUMERIC), 2) AS DOUBLE PRECISION)',
    '(sign((p.`spend_90d` * toFloat64(1.1))) * floor(abs((p.`spend_90d` * toFloat64(1.1))) * 1e2 + 0.5) / 1e2)',
  ],
  [
    'ln(spend_90d) + sqrt(spend_30d)',
    '(CASE WHEN p."spend_90d" > 0 THEN ln(p."spend_90d") END + CASE WHEN p."spend_30d" >= 0 THEN sqrt(p."spend_30d") END)',
    '(CASE WHEN p."spend_90d" > 0 THEN ln(p."spend_90d") END + CASE WHEN p."spend_30d" >= 0 THEN sqrt(p."spend_30d") END)',
    '(if(p.`spend_90d` > 0, log(p.`spend_90d`), NULL) + if(p.`spend_30d` >= 0, sqrt(p.`spend_30d`), NULL))',
  ],
  [
    `length(city) > 2 and contains(city, '海') and ends_with(lower(city), 'i')`,
    `((CAST(length(p."city") AS DOUBLE) > 2) AND contains(p."city", '海') AND ends_with(lower(p."city"), 'i'))`,
    `((CAST(char_length(p."city") AS DOUBLE PRECISION) > 2) AND (strpos(p."city", '海') > 0) AND (right(lower(p."city"), char_length('i')) = 'i'))`,
    `((toFloat64(lengthUTF8(p.\`city\`)) > 2) AND (position(p.\`city\`, '海') > 0) AND endsWith(lowerUTF8(p.\`city\`), 'i'))`,
  ],
  [
    'year(birth_date) = 1990 and month(birth_date) not in (1, 2)',
    '((CAST(year(p."birth_date") AS DOUBLE) = 1990) AND (CAST(month(p."birth_date") AS DOUBLE) NOT IN (1, 2)))',
    '((CAST(EXTRACT(YEAR FROM p."birth_date") AS DOUBLE PRECISION) = 1990) AND (CAST(EXTRACT(MONTH FROM p."birth_date") AS DOUBLE PRECISION) NOT IN (1, 2)))',
    '((toFloat64(toYear(p.`birth_date`)) = 1990) AND (toFloat64(toMonth(p.`birth_date`)) NOT IN (1, 2)))',
  ],
  [
    `city = 'O''Brien\\path'`,
    `(p."city" = 'O''Brien\\path')`,
    `(p."city" = E'O\\'Brien\\\\path')`,
    `(p.\`city\` = 'O\\'Brien\\\\path')`,
  ],
  [
    'not (spend_90d > 1) and -spend_30d < -5',
    '((NOT (p."spend_90d" > 1)) AND ((- p."spend_30d") < -5))',
    '((NOT (p."spend_90d" > 1)) AND ((- p."spend_30d") < -5))',
    '((NOT (p.`spend_90d` > 1)) AND ((- p.`spend_30d`) < -5))',
  ],
  [
    'coalesce(spend_90d, 0) + greatest(spend_30d, 1)',
    '(coalesce(p."spend_90d", 0e0) + greatest(p."spend_30d", 1e0))',
    '(coalesce(p."spend_90d", CAST(0 AS DOUBLE PRECISION)) + greatest(p."spend_30d", CAST(1 AS DOUBLE PRECISION)))',
    '(coalesce(p.`spend_90d`, toFloat64(0)) + greatest(p.`spend_30d`, toFloat64(1)))',
  ],
  [
    `count(txn where category = 'travel' and is_overseas, 90d) >= 3`,
    `((SELECT count(*) FROM "transactions" AS "txn" WHERE "txn"."customer_id" = p."customer_id" AND "txn"."ts" >= TIMESTAMP '2025-04-01 16:00:00' AND "txn"."ts" < TIMESTAMP '2025-06-30 16:00:00' AND (("txn"."category" = 'travel') AND "txn"."is_overseas")) >= 3)`,
    `((SELECT count(*) FROM "transactions" AS "txn" WHERE "txn"."customer_id" = p."customer_id" AND "txn"."ts" >= TIMESTAMP '2025-04-01 16:00:00' AND "txn"."ts" < TIMESTAMP '2025-06-30 16:00:00' AND (("txn"."category" = 'travel') AND "txn"."is_overseas")) >= 3)`,
    `((SELECT count() FROM \`transactions\` AS \`txn\` WHERE \`txn\`.\`customer_id\` = p.\`customer_id\` AND \`txn\`.\`ts\` >= toDateTime('2025-04-01 16:00:00', 'UTC') AND \`txn\`.\`ts\` < toDateTime('2025-06-30 16:00:00', 'UTC') AND ((\`txn\`.\`category\` = 'travel') AND \`txn\`.\`is_overseas\`)) >= 3)`,
  ],
  [
    `sum(txn.amount where category = 'dining', 30d)`,
    `(SELECT coalesce(CAST(sum("txn"."amount") AS DOUBLE), 0) FROM "transactions" AS "txn" WHERE "txn"."customer_id" = p."customer_id" AND "txn"."ts" >= TIMESTAMP '2025-05-31 16:00:00' AND "txn"."ts" < TIMESTAMP '2025-06-30 16:00:00' AND ("txn"."category" = 'dining'))`,
    `(SELECT coalesce(CAST(sum("txn"."amount") AS DOUBLE PRECISION), 0) FROM "transactions" AS "txn" WHERE "txn"."customer_id" = p."customer_id" AND "txn"."ts" >= TIMESTAMP '2025-05-31 16:00:00' AND "txn"."ts" < TIMESTAMP '2025-06-30 16:00:00' AND ("txn"."category" = 'dining'))`,
    `(SELECT toFloat64(sum(\`txn\`.\`amount\`)) FROM \`transactions\` AS \`txn\` WHERE \`txn\`.\`customer_id\` = p.\`customer_id\` AND \`txn\`.\`ts\` >= toDateTime('2025-05-31 16:00:00', 'UTC') AND \`txn\`.\`ts\` < toDateTime('2025-06-30 16:00:00', 'UTC') AND (\`txn\`.\`category\` = 'dining'))`,
  ],
  [
    'max(statement.overdue_days, 12m)',
    `(SELECT CAST(max("statement"."overdue_days") AS DOUBLE) FROM "statements" AS "statement" JOIN "accounts" AS "statement_account" ON "statement_account"."account_id" = "statement"."account_id" WHERE "statement_account"."customer_id" = p."customer_id" AND "statement"."statement_date" >= DATE '2024-07-01' AND "statement"."statement_date" < DATE '2025-07-01')`,
    `(SELECT CAST(max("statement"."overdue_days") AS DOUBLE PRECISION) FROM "statements" AS "statement" JOIN "accounts" AS "statement_account" ON "statement_account"."account_id" = "statement"."account_id" WHERE "statement_account"."customer_id" = p."customer_id" AND "statement"."statement_date" >= DATE '2024-07-01' AND "statement"."statement_date" < DATE '2025-07-01')`,
    `(SELECT toFloat64(maxOrNull(\`statement\`.\`overdue_days\`)) FROM \`statements\` AS \`statement\` JOIN \`accounts\` AS \`statement_account\` ON \`statement_account\`.\`account_id\` = \`statement\`.\`account_id\` WHERE \`statement_account\`.\`customer_id\` = p.\`customer_id\` AND \`statement\`.\`statement_date\` >= toDate('2024-07-01') AND \`statement\`.\`statement_date\` < toDate('2025-07-01'))`,
  ],
  [
    `avg(interaction.sentiment where category = 'complaint', 180d)`,
    `(SELECT CAST(avg("interaction"."sentiment") AS DOUBLE) FROM "service_interactions" AS "interaction" WHERE "interaction"."customer_id" = p."customer_id" AND "interaction"."ts" >= TIMESTAMP '2025-01-01 16:00:00' AND "interaction"."ts" < TIMESTAMP '2025-06-30 16:00:00' AND ("interaction"."category" = 'complaint'))`,
    `(SELECT CAST(avg("interaction"."sentiment") AS DOUBLE PRECISION) FROM "service_interactions" AS "interaction" WHERE "interaction"."customer_id" = p."customer_id" AND "interaction"."ts" >= TIMESTAMP '2025-01-01 16:00:00' AND "interaction"."ts" < TIMESTAMP '2025-06-30 16:00:00' AND ("interaction"."category" = 'complaint'))`,
    `(SELECT avgOrNull(\`interaction\`.\`sentiment\`) FROM \`service_interactions\` AS \`interaction\` WHERE \`interaction\`.\`customer_id\` = p.\`customer_id\` AND \`interaction\`.\`ts\` >= toDateTime('2025-01-01 16:00:00', 'UTC') AND \`interaction\`.\`ts\` < toDateTime('2025-06-30 16:00:00', 'UTC') AND (\`interaction\`.\`category\` = 'complaint'))`,
  ],
  [
    'count_distinct(event.event, 7d)',
    `(SELECT count(DISTINCT "event"."event") FROM "app_events" AS "event" WHERE "event"."customer_id" = p."customer_id" AND "event"."ts" >= TIMESTAMP '2025-06-23 16:00:00' AND "event"."ts" < TIMESTAMP '2025-06-30 16:00:00')`,
    `(SELECT count(DISTINCT "event"."event") FROM "app_events" AS "event" WHERE "event"."customer_id" = p."customer_id" AND "event"."ts" >= TIMESTAMP '2025-06-23 16:00:00' AND "event"."ts" < TIMESTAMP '2025-06-30 16:00:00')`,
    `(SELECT uniqExact(\`event\`.\`event\`) FROM \`app_events\` AS \`event\` WHERE \`event\`.\`customer_id\` = p.\`customer_id\` AND \`event\`.\`ts\` >= toDateTime('2025-06-23 16:00:00', 'UTC') AND \`event\`.\`ts\` < toDateTime('2025-06-30 16:00:00', 'UTC'))`,
  ],
];

describe('compiled SQL per dialect', () => {
  it.each(cases)('%s', (text, duckdb, postgres, clickhouse) => {
    expect(sql(text, duckdbDialect)).toBe(duckdb);
    expect(sql(text, postgresDialect)).toBe(postgres);
    expect(sql(text, clickhouseDialect)).toBe(clickhouse);
  });

  it('reads the as-of date from a bound parameter when given one', () => {
    const text = 'count(txn, 90d) > 0 and sum(statement.fees, 12m) > 0 and age(birth_date) > 30';
    expect(sql(text, duckdbDialect, { asOf: { parameter: '$asof' } })).toBe(
      '(((SELECT count(*) FROM "transactions" AS "txn" WHERE "txn"."customer_id" = p."customer_id" AND "txn"."ts" >= (CAST((CAST($asof AS DATE) - 89) AS TIMESTAMP) - INTERVAL 8 HOUR) AND "txn"."ts" < (CAST((CAST($asof AS DATE) + 1) AS TIMESTAMP) - INTERVAL 8 HOUR)) > 0) AND ((SELECT coalesce(CAST(sum("statement"."fees") AS DOUBLE), 0) FROM "statements" AS "statement" JOIN "accounts" AS "statement_account" ON "statement_account"."account_id" = "statement"."account_id" WHERE "statement_account"."customer_id" = p."customer_id" AND "statement"."statement_date" >= CAST((CAST($asof AS DATE) + 1) - INTERVAL 12 MONTH AS DATE) AND "statement"."statement_date" < (CAST($asof AS DATE) + 1)) > 0) AND (CAST(date_sub(\'year\', p."birth_date", CAST($asof AS DATE)) AS DOUBLE) > 30))',
    );
    expect(sql('count(txn, 90d)', postgresDialect, { asOf: { parameter: '$1' } })).toBe(
      `(SELECT count(*) FROM "transactions" AS "txn" WHERE "txn"."customer_id" = p."customer_id" AND "txn"."ts" >= (CAST((CAST($1 AS DATE) - 89) AS TIMESTAMP) - INTERVAL '8 hours') AND "txn"."ts" < (CAST((CAST($1 AS DATE) + 1) AS TIMESTAMP) - INTERVAL '8 hours'))`,
    );
    expect(sql('count(txn, 3m)', clickhouseDialect, { asOf: { parameter: '{asof:Date}' } })).toBe(
      "(SELECT count() FROM `transactions` AS `txn` WHERE `txn`.`customer_id` = p.`customer_id` AND `txn`.`ts` >= (toDateTime(addMonths(addDays(toDate({asof:Date}), 1), -3), 'UTC') - toIntervalHour(8)) AND `txn`.`ts` < (toDateTime(addDays(toDate({asof:Date}), 1), 'UTC') - toIntervalHour(8)))",
    );
  });

  it('counts days in another zone when told to', () => {
    expect(sql('count(txn, 1d)', duckdbDialect, { utcOffsetHours: 0 })).toBe(
      `(SELECT count(*) FROM "transactions" AS "txn" WHERE "txn"."customer_id" = p."customer_id" AND "txn"."ts" >= TIMESTAMP '2025-06-30 00:00:00' AND "txn"."ts" < TIMESTAMP '2025-07-01 00:00:00')`,
    );
  });

  it('hands windows to a caller hook, which can reuse the parts or the default', () => {
    const seen: string[] = [];
    const out = sql("sum(txn.amount where category = 'dining', 90d) > spend_30d", duckdbDialect, {
      behaviour: (window) => {
        seen.push(`${window.node.fn}|${window.alias}|${window.where ?? ''}|${window.start}|${window.end}`);
        return window.node.window.amount === 90 ? 'r."dining_90d"' : defaultBehaviourSql(window);
      },
    });
    expect(out).toBe('(r."dining_90d" > p."spend_30d")');
    expect(seen).toEqual([
      `sum|"txn"|("txn"."category" = 'dining')|TIMESTAMP '2025-04-01 16:00:00'|TIMESTAMP '2025-06-30 16:00:00'`,
    ]);
  });
});

describe('compiled SQL is safe', () => {
  it('escapes text literals for each engine', () => {
    const ast = build.comparison('=', build.identifier('city'), build.string("x'); DROP TABLE t; --\\"));
    expect(compileExpression(ast, context(duckdbDialect))).toBe(`(p."city" = 'x''); DROP TABLE t; --\\')`);
    expect(compileExpression(ast, context(postgresDialect))).toBe(`(p."city" = E'x\\'); DROP TABLE t; --\\\\')`);
    expect(compileExpression(ast, context(clickhouseDialect))).toBe("(p.`city` = 'x\\'); DROP TABLE t; --\\\\')");
  });

  it('refuses numbers that are not finite and never writes -0 or a double minus', () => {
    expect(() => compileExpression(build.number(Number.NaN), context(duckdbDialect))).toThrow(/cannot be written as SQL/);
    expect(() => duckdbDialect.literal(Number.POSITIVE_INFINITY)).toThrow(/cannot be written as SQL/);
    expect(duckdbDialect.literal(-0)).toBe('0');
    expect(compileExpression(build.negate(build.number(-5)), context(duckdbDialect))).toBe('(- -5e0)');
  });

  it('writes literals through one dialect function', () => {
    expect([duckdbDialect, postgresDialect, clickhouseDialect].map((d) => [d.literal("a'b"), d.literal(true), d.literal(null), d.literal(2.5)])).toEqual([
      ["'a''b'", 'TRUE', 'NULL', '2.5e0'],
      ["'a''b'", 'TRUE', 'NULL', '2.5'],
      ["'a\\'b'", 'true', 'NULL', '2.5'],
    ]);
  });

  it('refuses a malformed as-of date or parameter, and windows where no customer is in scope', () => {
    expect(() => sql('count(txn, 1d)', duckdbDialect, { asOf: { date: '2025-13-01' } })).toThrow(/not YYYY-MM-DD/);
    expect(() => sql('count(txn, 1d)', duckdbDialect, { asOf: { parameter: '$asof; DROP' } })).toThrow(/not a placeholder/);
    expect(() => sql('count(txn, 1d) > 0', duckdbDialect, { customerIdSql: undefined })).toThrow(/col 1: behaviour windows are not available here/);
    expect(() => sql('as_of() > birth_date', duckdbDialect, { asOf: undefined })).toThrow(/col 1: no as-of date here/);
  });
});
