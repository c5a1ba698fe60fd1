import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import { addDays, isCardwiseError } from '../core';
import { generatePortfolio } from '../data';
import { tableExists, type Database } from '../db';
import { profileDifferences } from '../test-support/profile-diff';
import { tagDetail } from './catalogue-view';
import type { TagDefinitionInput } from './definition-schema';
import { deleteTag, saveTag } from './definition-store';
import { onDemandRuns } from './kept-values';
import { computeOnDemandTag } from './on-demand';
import { previewTag } from './preview';
import { refreshProfile } from './refresh';

// An on-demand tag is computed when someone asks and its values are kept through later refreshes. Its ground
// truth is a daily twin with the same spec: computed on the same day, the two columns must be equal; after
// more days, the twin moves and the on-demand tag keeps the day it was computed on.

const twin: TagDefinitionInput = {
  code: 'dining_twin_90d',
  name_zh: '餐饮消费（近90天，每日）',
  name_en: 'Dining spend, 90d (daily)',
  dimension: 'behaviour',
  type: 'number',
  spec: {
    kind: 'dynamic',
    source: 'txn',
    aggregate: 'sum',
    field: 'amount',
    filter: "category = 'dining'",
    window: '90d',
  },
  description: 'Dining spend in 90 days, computed by every refresh.',
};
const onDemand: TagDefinitionInput = {
  ...twin,
  code: 'dining_od_90d',
  name_zh: '餐饮消费（近90天，按需）',
  name_en: 'Dining spend, 90d (on demand)',
  refresh: 'on_demand',
  description: 'Dining spend in 90 days, computed when asked.',
};
// A daily tag reading the on-demand one: it reads the kept values.
const reader: TagDefinitionInput = {
  ...twin,
  code: 'dining_od_doubled',
  name_zh: '按需餐饮消费两倍',
  name_en: 'On-demand dining spend doubled',
  spec: { kind: 'computed', expression: 'dining_od_90d * 2' },
  description: 'Twice the on-demand dining spend.',
};

describe('on-demand tags', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  const shanghaiDay = 'CAST(ts + INTERVAL 8 HOUR AS DATE)';
  let asOf = '';
  let cut = '';

  const column = async (code: string) =>
    new Map(
      (
        await db.all<{ customer_id: string; v: number | null }>(
          `SELECT customer_id, "${code}" AS v FROM profile`,
        )
      ).map((r) => [r.customer_id, r.v]),
    );

  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await generatePortfolio(db, { customers: 400, seed: 5, months: 14 });
    asOf = (await db.one<{ d: string }>(`SELECT max(${shanghaiDay}) AS d FROM transactions`))?.d ?? '';
    cut = addDays(asOf, -20);
    await db.run(`CREATE TABLE held AS SELECT * FROM transactions WHERE ${shanghaiDay} > $1::DATE`, [cut]);
    await db.run(`DELETE FROM transactions WHERE ${shanghaiDay} > $1::DATE`, [cut]);
    for (const def of [twin, onDemand, reader]) await saveTag(db, def, 'ana', 'create');
  }, 600_000);
  afterAll(async () => store.cleanup());

  it('is computed by its own preview, and read as empty by a preview that names it before any refresh, which creates nothing', async () => {
    const own = await previewTag(db, onDemand);
    expect(own.coverage).toBeGreaterThan(0.5);
    const draft = await previewTag(db, {
      ...reader,
      code: 'dining_od_tripled',
      spec: { kind: 'computed', expression: 'dining_od_90d * 3' },
    });
    expect(draft.coverage).toBe(0);
    expect(await tableExists(db, 'tag_values_dining_od_90d')).toBe(false);
  }, 600_000);

  it('is not computed by a refresh, then computed when asked, equal to a daily tag of the same spec', async () => {
    await refreshProfile(db, { snapshot: false });
    const before = await column('dining_od_90d');
    expect(before.size).toBe(400);
    expect([...before.values()].every((v) => v === null)).toBe(true);
    expect((await tagDetail(db, 'dining_od_90d')).onDemand).toBeNull();

    const run = await computeOnDemandTag(db, 'dining_od_90d', { by: 'ana' });
    const expected = await column('dining_twin_90d');
    const withValue = [...expected.values()].filter((v) => v !== null).length;
    expect(withValue).toBeGreaterThan(300);
    expect(run).toMatchObject({ version: 1, asOf: cut, computedBy: 'ana', customers: withValue });
    // The profile shows the values at once, equal to the twin's customer by customer.
    expect(await column('dining_od_90d')).toEqual(expected);
    expect((await tagDetail(db, 'dining_od_90d')).onDemand).toMatchObject({
      asOf: cut,
      customers: withValue,
    });
  }, 600_000);

  it('keeps the day it was computed on through full and incremental refreshes alike, and tags reading it follow', async () => {
    const computedOn = await column('dining_twin_90d');
    await db.run('INSERT INTO transactions SELECT * FROM held');
    const incremental = await refreshProfile(db, { incremental: true, snapshot: false });
    expect(incremental.asOf).toBe(asOf);
    const moved = await column('dining_twin_90d');
    expect(moved).not.toEqual(computedOn);
    expect(await column('dining_od_90d')).toEqual(computedOn);
    const doubled = await column('dining_od_doubled');
    for (const [customer, v] of computedOn) expect(doubled.get(customer)).toBe(v === null ? null : v * 2);

    await db.run('CREATE OR REPLACE TABLE profile_incremental AS SELECT * FROM profile');
    await refreshProfile(db, { snapshot: false });
    const diff = await profileDifferences(db, 'profile', 'profile_incremental');
    expect(diff.compared).toBe(400);
    expect(diff.columns).toEqual([]);

    // Computed again: now as of the new day.
    const again = await computeOnDemandTag(db, 'dining_od_90d', { by: 'bo' });
    expect(again).toMatchObject({ asOf, computedBy: 'bo' });
    expect(await column('dining_od_90d')).toEqual(moved);

    // A backfill to the earlier day must not see values computed on the later one: they read as empty.
    await refreshProfile(db, { asOf: cut, snapshot: false });
    expect([...(await column('dining_od_90d')).values()].every((v) => v === null)).toBe(true);
    await refreshProfile(db, { snapshot: false });
    expect(await column('dining_od_90d')).toEqual(moved);
  }, 600_000);

  it('outlives edits of its words, not of what it computes', async () => {
    await saveTag(
      db,
      { ...onDemand, description: 'Dining spend in 90 days, computed when the marketing team asks.' },
      'ana',
      'update',
    );
    expect((await onDemandRuns(db)).get('dining_od_90d')).toMatchObject({ version: 1, asOf });
    expect(await tableExists(db, 'tag_values_dining_od_90d')).toBe(true);

    await saveTag(
      db,
      { ...onDemand, spec: { ...onDemand.spec, filter: "category = 'dining' and amount > 0" } },
      'ana',
      'update',
    );
    expect((await onDemandRuns(db)).has('dining_od_90d')).toBe(false);
    expect(await tableExists(db, 'tag_values_dining_od_90d')).toBe(false);
    await refreshProfile(db, { snapshot: false });
    expect([...(await column('dining_od_90d')).values()].every((v) => v === null)).toBe(true);
    const run = await computeOnDemandTag(db, 'dining_od_90d', { by: 'ana' });
    expect(run.version).toBe(3);
  }, 600_000);

  it('keeps nothing when what the tag computes is edited while it is computed', async () => {
    const before = (await onDemandRuns(db)).get('dining_od_90d');
    expect(before).toBeDefined();
    const edit = { ...onDemand, spec: { ...onDemand.spec, filter: "category = 'dining' and amount > 10" } };
    const refused = await computeOnDemandTag(db, 'dining_od_90d', {
      by: 'ana',
      beforeSwap: async () => void (await saveTag(db, edit, 'bo', 'update')),
    }).catch((e: unknown) => e);
    expect(isCardwiseError(refused) && refused.code).toBe('conflict');
    // The edit discarded the old values; the computation under the old definition kept none.
    expect((await onDemandRuns(db)).has('dining_od_90d')).toBe(false);
    expect(await tableExists(db, 'tag_values_dining_od_90d')).toBe(false);
    // A words-only edit meanwhile does not stop it: the values are the same definition's.
    const run = await computeOnDemandTag(db, 'dining_od_90d', {
      by: 'ana',
      beforeSwap: async () =>
        void (await saveTag(
          db,
          { ...edit, name_en: 'Dining spend over ¥10, 90d (on demand)' },
          'bo',
          'update',
        )),
    });
    expect(run.version).toBe(5);
  }, 600_000);

  it('refuses to compute a daily tag or an unknown one, and its kept values go with the tag', async () => {
    const daily = await computeOnDemandTag(db, 'dining_twin_90d', { by: 'ana' }).catch((e: unknown) => e);
    expect(isCardwiseError(daily) && daily.code).toBe('conflict');
    const unknown = await computeOnDemandTag(db, 'no_such_tag', { by: 'ana' }).catch((e: unknown) => e);
    expect(isCardwiseError(unknown) && unknown.code).toBe('not_found');

    await deleteTag(db, 'dining_od_doubled');
    await deleteTag(db, 'dining_od_90d');
    expect(await tableExists(db, 'tag_values_dining_od_90d')).toBe(false);
    expect((await onDemandRuns(db)).size).toBe(0);
  });
});
