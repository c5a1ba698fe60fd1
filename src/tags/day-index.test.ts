import { describe, expect, it } from 'vitest';
import { fromDayIndex, type DayIndex } from './day-index';
import { txnRaw } from './sources';

// When moved rows may come from the day-ordered copy: only for days it holds and columns it keeps. (That the
// copy mirrors the stored rows, and that refreshes reading it equal full ones, is incremental.test.ts.)
describe('reading moved rows from the day-ordered copy', () => {
  const index: DayIndex = {
    relation: txnRaw,
    spec: txnRaw.dayIndex as NonNullable<typeof txnRaw.dayIndex>,
    from: '2026-01-01',
    through: '2026-06-30',
  };

  it('reads the copy for days it holds, on its day column', () => {
    const sql = fromDayIndex(
      index,
      [
        { from: '2026-06-30', until: '2026-07-01' },
        { from: '2026-01-01', until: '2026-01-03' },
      ],
      ['customer_id', 'day', '"amount"', '"category"'],
    );
    expect(sql).toContain('FROM "tag_days_txn"');
    expect(sql).toContain(
      "(day >= DATE '2026-06-30' AND day < DATE '2026-07-01') OR (day >= DATE '2026-01-01' AND day < DATE '2026-01-03')",
    );
  });

  it('reads the stored table for a day before or after the copy, an open range or a column it does not keep', () => {
    const columns = ['customer_id', 'day', '"amount"'];
    expect(fromDayIndex(index, [{ from: '2025-12-31', until: '2026-01-02' }], columns)).toBeUndefined();
    expect(fromDayIndex(index, [{ from: '2026-06-30', until: '2026-07-02' }], columns)).toBeUndefined();
    expect(fromDayIndex(index, [{ until: '2026-03-01' }], columns)).toBeUndefined();
    expect(
      fromDayIndex(index, [{ from: '2026-03-01', until: '2026-03-02' }], [...columns, '"merchant"']),
    ).toBeUndefined();
    expect(fromDayIndex(undefined, [{ from: '2026-03-01', until: '2026-03-02' }], columns)).toBeUndefined();
  });
});
