import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query';
import { repaymentOf } from './sections/statements';

describe('parseSearchQuery', () => {
  it.each([
    ['138****5678', { kind: 'phone_mask', head3: 138, tail4: 5678 }],
    ['+86 138****5678', { kind: 'phone_mask', head3: 138, tail4: 5678 }],
    ['138 **** 5678', { kind: 'phone_mask', head3: 138, tail4: 5678 }],
    ['13812345678', { kind: 'phone_full', digits: '13812345678', tail4: 5678 }],
    ['+86 138-1234-5678', { kind: 'phone_full', digits: '13812345678', tail4: 5678 }],
    ['8613812345678', { kind: 'phone_full', digits: '13812345678', tail4: 5678 }],
    ['C00000421', { kind: 'id', prefix: 'C00000421' }],
    ['123', { kind: 'id', prefix: '123' }],
    ['王小明', { kind: 'name', prefix: '王小明' }],
    ['Li Lei', { kind: 'name', prefix: 'li lei' }],
    ['13*8', { kind: 'invalid' }],
    ['王%', { kind: 'invalid' }],
    ['   ', { kind: 'invalid' }],
  ])('%s', (q, expected) => {
    expect(parseSearchQuery(q)).toEqual(expected);
  });
});

describe('repaymentOf', () => {
  it.each([
    [{ balance: 0, min_due: 0, paid_amount: null }, 'nothing_due'],
    [{ balance: 1000, min_due: 100, paid_amount: 1000 }, 'full'],
    [{ balance: 1000, min_due: 100, paid_amount: 100 }, 'minimum'],
    [{ balance: 1000, min_due: 100, paid_amount: 500 }, 'partial'],
    [{ balance: 1000, min_due: 100, paid_amount: 50 }, 'below_minimum'],
    [{ balance: 1000, min_due: 100, paid_amount: null }, 'unpaid'],
    [{ balance: null, min_due: 100, paid_amount: 100 }, 'unknown'],
  ] as const)('%o → %s', (statement, expected) => {
    expect(repaymentOf(statement)).toBe(expected);
  });
});
