import { describe, expect, it } from 'vitest';
import { catalogOf } from '../core';
import { compileRule } from './compile';
import { prepareRule } from './validate';

// A rule compiles in the dialect of the engine its profile lives in, which the store reports: no caller
// names a dialect, so a profile on another engine needs no change here or in the routes.
describe('compiling a rule for the profile’s engine', () => {
  const catalog = catalogOf({ spend_90d: { type: 'number' }, txn_count_90d: { type: 'number' } });
  const rule = prepareRule('spend_90d / txn_count_90d > 100', catalog);
  const on = (engine: 'duckdb' | 'postgres') =>
    compileRule(rule, {
      columns: new Set(['customer_id', 'spend_90d', 'txn_count_90d']),
      asOf: '2026-10-31',
      engine,
    }).where;

  it('writes DuckDB for a DuckDB store and PostgreSQL for a PostgreSQL one', () => {
    expect(on('duckdb')).not.toContain('DOUBLE PRECISION');
    // PostgreSQL truncates integer division, so its dialect divides in double precision.
    expect(on('postgres')).toContain('CAST(p."spend_90d" AS DOUBLE PRECISION)');
  });
});
