import { describe, expect, it } from 'vitest';
import type { TagDefinitionInput } from '../definition-schema';
import { tagDefinitionSchema } from '../definition-schema';
import { builtinTags } from '../library';
import { resolveCatalogue } from '../validate';
import { wholeNumberTags } from './integral';

const base = { dimension: 'behaviour', description: 'test' } as const;
const tag = (code: string, spec: TagDefinitionInput['spec'], type: TagDefinitionInput['type'] = 'number') =>
  tagDefinitionSchema.parse({ ...base, code, name_zh: code, name_en: code, type, spec });

function whole(extra: ReturnType<typeof tag>[]): Set<string> {
  return wholeNumberTags(resolveCatalogue([...builtinTags, ...extra]));
}

describe('whole-number tags (stored as INTEGER)', () => {
  it('takes counts, days since, active months, ages and quantile scores, and no money', () => {
    const got = whole([]);
    for (const code of ['txn_count_90d', 'days_since_last_txn', 'active_months_12m', 'age', 'tenure_months', 'open_card_count', 'rfm_r_score'])
      expect(got.has(code), code).toBe(true);
    for (const code of ['spend_90d', 'spend_share_dining_365d', 'avg_ticket_365d', 'utilisation', 'credit_limit', 'contribution_365d', 'age_band'])
      expect(got.has(code), code).toBe(false);
  });

  it('follows computed tags through what they read, and refuses quotients, decimals and rounding to places', () => {
    const got = whole([
      tag('t_plus', { kind: 'computed', expression: 'txn_count_90d + 2 * txn_count_30d' }),
      tag('t_chain', { kind: 'computed', expression: 'if(t_plus > 3, t_plus, 0)' }),
      tag('t_half', { kind: 'computed', expression: 'txn_count_90d / 2' }),
      tag('t_floor_half', { kind: 'computed', expression: 'floor(txn_count_90d / 2)' }),
      tag('t_floor_money', { kind: 'computed', expression: 'floor(spend_90d / 2)' }),
      tag('t_decimal', { kind: 'computed', expression: 'txn_count_90d + 0.5' }),
      tag('t_round2', { kind: 'computed', expression: 'round(txn_count_90d, 2)' }),
    ]);
    expect(['t_plus', 't_chain', 't_floor_half'].filter((c) => got.has(c))).toEqual(['t_plus', 't_chain', 't_floor_half']);
    expect(['t_half', 't_floor_money', 't_decimal', 't_round2'].filter((c) => got.has(c))).toEqual([]);
  });
});
