import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardwiseError } from '../core';
import { tempStore } from '../test-support/temp-store';
import { ruleCatalog } from './catalog';
import { installFormulaFamilies } from './builtin/install';
import { countRule } from './count';
import { customerSegments } from './customer-segments';
import { createSegment, deleteSegment, findSegment, listSegments, listVersions, updateSegment } from './definition-store';
import { overlapSegments } from './overlap';
import { snapshotMembers, snapshotSegment } from './snapshot-store';
import { writeProfile, type Store } from './test-fixture';
import { checkRule } from './validate';

const columns = {
  customer_id: 'VARCHAR',
  spend_90d: 'DOUBLE',
  card_tier: 'VARCHAR',
  days_since_last_txn: 'DOUBLE',
  txn_count_365d: 'DOUBLE',
  spend_365d: 'DOUBLE',
} as const;

const rows = [
  { customer_id: 'C1', spend_90d: 6000, card_tier: 'gold', days_since_last_txn: 3, txn_count_365d: 40, spend_365d: 30000 },
  { customer_id: 'C2', spend_90d: 1000, card_tier: 'gold', days_since_last_txn: 40, txn_count_365d: 12, spend_365d: 5000 },
  { customer_id: 'C3', spend_90d: 9000, card_tier: 'platinum', days_since_last_txn: 1, txn_count_365d: 90, spend_365d: 80000 },
  { customer_id: 'C4', spend_90d: null, card_tier: 'classic', days_since_last_txn: null, txn_count_365d: 0, spend_365d: 0 },
  { customer_id: 'C5', spend_90d: 5000, card_tier: 'classic', days_since_last_txn: 10, txn_count_365d: 20, spend_365d: 9000 },
];

/** An expression error's details, or a failure if `work` did not throw one. */
async function exprError(work: () => Promise<unknown>): Promise<CardwiseError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof CardwiseError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('rule segments on a hand-made profile', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tempStore();
    await writeProfile(store.db, columns, rows);
  });
  afterAll(() => store.cleanup());

  it.each([
    ['spend_90d >= 5000', 3],
    ["spend_90d >= 5000 and card_tier in ('gold', 'platinum')", 2],
    ['spend_90d < 5000 or spend_90d is null', 2],
    // Unknown is not true: C4 (no spend) is not selected by either side of a comparison.
    ['not (spend_90d >= 5000)', 1],
    ['days_since_last_txn <= 10 and txn_count_365d between 20 and 90 and spend_365d > 8000', 3],
  ])('counts %s', async (rule, expected) => {
    const result = await countRule(store.db, rule);
    expect(result).toMatchObject({ count: expected, total: 5, share: expected / 5, asOf: null });
    expect(result.elapsedMs).toBeGreaterThan(0);
  });

  it.each([
    ['spend90d > 3', 'col 1', 0, 'spend_90d'],
    ['spend_90d >', 'col 12', 11, undefined],
    ["card_tier = 'platnum'", 'col 13', 12, 'platinum'],
    ['spend_90d + 1', 'col 1', 0, undefined],
  ])('refuses %s with the position and reason, and saves nothing', async (rule, where, position, suggestion) => {
    const before = (await listSegments(store.db, { kind: 'rule' })).length;
    const error = await exprError(() => createSegment(store.db, { nameZh: '坏', nameEn: 'Bad', rule }, 'ana'));
    expect(error.code).toBe('expression_invalid');
    expect(error.messages['en-US']).toContain(where);
    expect(error.details).toMatchObject({ position, ...(suggestion ? { suggestion } : {}) });
    expect((await listSegments(store.db, { kind: 'rule' })).length).toBe(before);
    expect((await store.db.one<{ n: number }>("SELECT count(*)::INT AS n FROM segment_versions WHERE definition->>'nameEn' = 'Bad'"))?.n).toBe(0);
    const check = checkRule(rule, await ruleCatalog(store.db), 'en-US');
    expect(check).toMatchObject({ valid: false, problem: { position, message: expect.stringContaining(where) } });
  });

  it('says the rule must be true/false', async () => {
    const error = await exprError(() => countRule(store.db, 'spend_90d * 2'));
    expect(error.messages['en-US']).toMatch(/must give true\/false|boolean/);
  });

  it('gives a customer the segments whose current rule they meet, following edits', async () => {
    const ids = async (customerId: string) => (await customerSegments(store.db, customerId)).filter((s) => s.kind === 'rule').map((s) => s.id);
    const segment = await createSegment(store.db, { nameZh: '金卡', nameEn: 'Gold', rule: "card_tier = 'gold'" }, 'ana');
    expect(await ids('C1')).toContain(segment.id);
    expect(await ids('C3')).not.toContain(segment.id);
    await updateSegment(store.db, segment.id, { nameZh: '白金', nameEn: 'Platinum', rule: "card_tier = 'platinum'" }, 'ana', 1);
    expect(await ids('C1')).not.toContain(segment.id);
    expect(await ids('C3')).toContain(segment.id);
    await deleteSegment(store.db, segment.id, 'ana');
    expect(await ids('C3')).not.toContain(segment.id);
  });

  it('keeps every version, refuses stale edits and built-in changes, hides deleted segments', async () => {
    const created = await createSegment(store.db, { nameZh: '高消费', nameEn: 'Big spenders', rule: 'spend_90d>=5000' }, 'ana');
    expect(created).toMatchObject({ kind: 'rule', version: 1, owner: 'ana', rule: 'spend_90d >= 5000' });
    const edited = await updateSegment(store.db, created.id, { nameZh: '高消费', nameEn: 'Big spenders', rule: 'spend_90d >= 8000' }, 'bob', 1);
    expect(edited).toMatchObject({ version: 2, updatedBy: 'bob', createdBy: 'ana' });
    expect((await listVersions(store.db, created.id)).map((v) => [v.version, v.definition.rule])).toEqual([
      [2, 'spend_90d >= 8000'],
      [1, 'spend_90d >= 5000'],
    ]);
    const stale = await exprError(() => updateSegment(store.db, created.id, { nameZh: 'x', nameEn: 'x', rule: 'true' }, 'ana', 1));
    expect(stale.code).toBe('conflict');
    const bad = await exprError(() => updateSegment(store.db, created.id, { nameZh: 'x', nameEn: 'x', rule: 'spend_90d >' }, 'ana'));
    expect(bad.code).toBe('expression_invalid');
    expect((await findSegment(store.db, created.id))?.version).toBe(2);
    expect((await exprError(() => deleteSegment(store.db, 'seg_rfm_champions', 'ana'))).code).toBe('conflict');
    await deleteSegment(store.db, created.id, 'ana');
    expect(await findSegment(store.db, created.id)).toBeUndefined();
    expect(await listVersions(store.db, created.id)).toHaveLength(2);
  });

  it('measures overlap: intersections, unions and Jaccard per pair', async () => {
    const make = async (rule: string) => (await createSegment(store.db, { nameZh: rule, nameEn: rule, rule }, 'ana')).id;
    const big = await make('spend_90d >= 5000'); // C1 C3 C5
    const gold = await make("card_tier in ('gold', 'platinum')"); // C1 C2 C3
    const cold = await make('days_since_last_txn > 30 or days_since_last_txn is null'); // C2 C4
    const result = await overlapSegments(store.db, [big, gold, cold]);
    expect(result.total).toBe(5);
    expect(result.segments.map((s) => s.count)).toEqual([3, 3, 2]);
    expect(result.pairs).toEqual([
      { a: big, b: gold, intersection: 2, union: 4, jaccard: 0.5 },
      { a: big, b: cold, intersection: 0, union: 5, jaccard: 0 },
      { a: gold, b: cold, intersection: 1, union: 4, jaccard: 0.25 },
    ]);
    expect((await exprError(() => overlapSegments(store.db, [big]))).code).toBe('bad_request');
  });

  it('overlaps up to ten segments, every pair equal to a count of both rules at once, and refuses eleven', async () => {
    const rules = [
      'spend_90d >= 5000', 'spend_90d >= 1000', 'spend_90d < 3000', "card_tier in ('gold', 'platinum')", "card_tier = 'classic'",
      'days_since_last_txn <= 30', 'days_since_last_txn > 30 or days_since_last_txn is null', 'txn_count_365d >= 40',
      'spend_365d < 9000', 'spend_90d >= 2000 and txn_count_365d >= 20',
    ];
    const ids: string[] = [];
    for (const rule of rules) ids.push((await createSegment(store.db, { nameZh: rule, nameEn: rule, rule }, 'ana')).id);
    const result = await overlapSegments(store.db, ids);
    expect(result.pairs).toHaveLength(45);
    for (const [i, rule] of rules.entries()) expect([rule, result.segments[i]?.count]).toEqual([rule, (await countRule(store.db, rule)).count]);
    for (const pair of result.pairs) {
      const [a, b] = [rules[ids.indexOf(pair.a)], rules[ids.indexOf(pair.b)]];
      expect([a, b, pair.intersection]).toEqual([a, b, (await countRule(store.db, `(${a}) and (${b})`)).count]);
    }
    // Not a degenerate case: some pairs overlap in part, some not at all.
    expect(result.pairs.some((pair) => pair.jaccard > 0 && pair.jaccard < 1)).toBe(true);
    expect(result.pairs.some((pair) => pair.intersection === 0)).toBe(true);
    const eleventh = (await createSegment(store.db, { nameZh: 'spend_365d > 0', nameEn: 'spend_365d > 0', rule: 'spend_365d > 0' }, 'ana')).id;
    expect((await exprError(() => overlapSegments(store.db, [...ids, eleventh]))).code).toBe('bad_request');
  });
});

describe('built-in families on crafted profiles', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tempStore();
  });
  afterAll(() => store.cleanup());

  async function familyOf(customerId: string, family: string): Promise<string[]> {
    const segments = await customerSegments(store.db, customerId);
    return segments.flatMap((s) => (s.kind === 'builtin' && s.family === family ? [s.group] : []));
  }

  it('puts each R/F/M combination in exactly one named RFM group', async () => {
    const cases: Array<[r: number | null, f: number | null, m: number | null, group: string]> = [
      [5, 5, 5, 'champions'],
      [4, 5, 4, 'champions'], // FM = round(4.5) = 5
      [4, 4, 4, 'loyal'],
      [3, 5, 5, 'loyal'],
      [5, 2, 3, 'potential_loyalists'],
      [5, 1, 1, 'new'],
      [4, 1, 1, 'promising'],
      [3, 3, 3, 'need_attention'],
      [3, 1, 2, 'about_to_sleep'],
      [2, 4, 3, 'at_risk'],
      [1, 5, 5, 'cant_lose'],
      [2, 1, 2, 'hibernating'],
      [1, 1, 1, 'lost'],
      [null, null, null, 'lost'],
    ];
    await writeProfile(
      store.db,
      { customer_id: 'VARCHAR', rfm_r_score: 'DOUBLE', rfm_f_score: 'DOUBLE', rfm_m_score: 'DOUBLE' },
      cases.map(([r, f, m], i) => ({ customer_id: `R${i}`, rfm_r_score: r, rfm_f_score: f, rfm_m_score: m })),
    );
    for (const [i, [, , , group]] of cases.entries()) expect([i, await familyOf(`R${i}`, 'rfm')]).toEqual([i, [group]]);
  });

  it('covers all 125 score combinations with the README grid, each in exactly one group', async () => {
    // The grid as README.md prints it: rows R = 5…1, columns FM = 1…5.
    const grid: Record<number, readonly string[]> = {
      5: ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
      4: ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'champions'],
      3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
      2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
      1: ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose'],
    };
    const rows = [];
    const expected = new Map<string, string[]>();
    for (let r = 1; r <= 5; r += 1) {
      for (let f = 1; f <= 5; f += 1) {
        for (let m = 1; m <= 5; m += 1) {
          const id = `G${r}${f}${m}`;
          rows.push({ customer_id: id, rfm_r_score: r, rfm_f_score: f, rfm_m_score: m });
          const group = grid[r]?.[Math.round((f + m) / 2) - 1] as string;
          expected.set(group, [...(expected.get(group) ?? []), id]);
        }
      }
    }
    await writeProfile(store.db, { customer_id: 'VARCHAR', rfm_r_score: 'DOUBLE', rfm_f_score: 'DOUBLE', rfm_m_score: 'DOUBLE' }, rows);
    const groups = (await listSegments(store.db, { family: 'rfm' })).flatMap((s) => (s.kind === 'builtin' ? [s] : []));
    expect(groups.map((g) => g.group).sort()).toEqual([...expected.keys()].sort());
    for (const group of groups) {
      const members = await snapshotMembers(store.db, (await snapshotSegment(store.db, group.id)).snapshotId);
      expect([group.group, members]).toEqual([group.group, expected.get(group.group)]);
    }
  });

  it('grades risk A–E from overdue days, minimum-payment months and the bureau score', async () => {
    const cases: Array<[overdue: number | null, minimum: number | null, bureau: number | null, grade: string]> = [
      [0, 0, 800, 'a'],
      [null, null, 760, 'a'],
      [0, 0, null, 'b'], // a thin file is not excellent
      [0, 3, 700, 'b'],
      [10, 0, 700, 'c'],
      [0, 6, 600, 'c'],
      [45, 3, 700, 'd'],
      [60, 0, 800, 'd'],
      [10, 6, 500, 'e'],
      [95, 0, 800, 'e'],
    ];
    await writeProfile(
      store.db,
      { customer_id: 'VARCHAR', worst_overdue_days_12m: 'DOUBLE', min_payment_months_12m: 'DOUBLE', bureau_score: 'DOUBLE' },
      cases.map(([w, m, b], i) => ({ customer_id: `K${i}`, worst_overdue_days_12m: w, min_payment_months_12m: m, bureau_score: b })),
    );
    for (const [i, [, , , grade]] of cases.entries()) expect([i, await familyOf(`K${i}`, 'risk_grade')]).toEqual([i, [grade]]);
  });

  it('installs the formula families once: a second install changes nothing and adds no version', async () => {
    const again = await store.db.transaction((tx) => installFormulaFamilies(tx));
    expect(again).toEqual({ written: 0, unchanged: 27, skipped: [] });
    expect((await listVersions(store.db, 'seg_rfm_champions')).map((v) => v.version)).toEqual([1]);
  });

  it('derives RFM quintiles with ntile when the profile has no score tags', async () => {
    await writeProfile(
      store.db,
      { customer_id: 'VARCHAR', days_since_last_txn: 'DOUBLE', txn_count_365d: 'DOUBLE', spend_365d: 'DOUBLE' },
      Array.from({ length: 10 }, (_, i) => ({ customer_id: `D${i}`, days_since_last_txn: i * 10, txn_count_365d: i, spend_365d: i * 100 })),
    );
    // Most recent two (0 and 10 days) score R = 5; the two most frequent score F = 5.
    expect((await countRule(store.db, 'rfm_r_score = 5')).count).toBe(2);
    expect((await countRule(store.db, 'rfm_f_score = 5 and rfm_r_score = 1')).count).toBe(2);
    expect(await familyOf('D0', 'rfm')).toEqual(['new']);
  });
});
