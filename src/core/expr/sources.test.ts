import { describe, expect, it } from 'vitest';
import { contractTable, type ColumnType } from '../../data';
import type { ExprType } from './ast';
import { behaviourSources } from './sources';

// sources.ts mirrors the data contract instead of importing it (core sits below data and must stay
// browser-safe); this test is what keeps the two from drifting apart.

const exprTypeOf: Partial<Record<ColumnType, ExprType>> = {
  varchar: 'string',
  integer: 'number',
  double: 'number',
  money: 'number',
  date: 'date',
  timestamp: 'date',
  boolean: 'boolean',
};

describe('behaviour sources match the data contract', () => {
  it.each(Object.values(behaviourSources))('$name → $table', (source) => {
    const table = contractTable(source.table);
    expect(table, source.table).toBeDefined();
    const column = (name: string) => table?.columns.find((c) => c.name === name);
    expect(column(source.time.column)?.type).toBe(source.time.kind);
    if ('column' in source.customer) expect(column(source.customer.column)).toBeDefined();
    else expect(column(source.customer.viaAccounts.key)?.references).toBe('accounts.account_id');
    for (const [name, field] of Object.entries(source.fields)) {
      const spec = column(name);
      expect(spec, `${source.table}.${name}`).toBeDefined();
      expect([name, field.type]).toEqual([name, exprTypeOf[spec?.type ?? 'json']]);
      expect([name, field.money ?? false]).toEqual([name, spec?.type === 'money']);
      expect([name, field.values]).toEqual([name, spec?.values]);
      expect([name, spec?.pii]).toEqual([name, false]);
    }
  });
});
