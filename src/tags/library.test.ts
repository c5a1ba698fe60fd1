import { describe, expect, it } from 'vitest';
import { tagDimensions, tagDefinitionSchema } from './definition-schema';
import { builtinTags } from './library';
import { checkDefinition, resolveCatalogue } from './validate';
import { layersOf } from './graph';

describe('built-in tag library', () => {
  const defs = [...builtinTags];

  it('has at least 60 tags over all seven dimensions, codes unique', () => {
    expect(defs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(defs.map((d) => d.dimension))).toEqual(new Set(tagDimensions));
    expect(new Set(defs.map((d) => d.code)).size).toBe(defs.length);
  });

  it('covers what the issue lists', () => {
    const codes = new Set(defs.map((d) => d.code));
    const required = ['age', 'age_band', 'gender', 'city_tier', 'card_tier', 'tenure_months', 'credit_limit', 'utilisation',
      'spend_30d', 'spend_90d', 'spend_365d', 'txn_count_30d', 'txn_count_90d', 'txn_count_365d', 'avg_ticket_365d', 'max_purchase_365d',
      'spend_dining_90d', 'spend_share_airline_hotel_365d', 'spend_share_mother_baby_365d', 'spend_fuel_90d', 'top_category_365d',
      'spend_share_online_365d', 'spend_share_mobile_365d', 'spend_share_qr_365d', 'overseas_spend_365d', 'overseas_txn_count_365d',
      'days_since_last_txn', 'active_months_12m', 'spend_trend_90d', 'installment_count_12m', 'installment_amount_12m',
      'repayment_type', 'min_payment_months_12m', 'worst_overdue_days_12m', 'bureau_score_band', 'complaint_count_90d',
      'cancellation_request_count_90d', 'app_login_count_30d', 'preferred_contact_channel', 'rfm_r_score', 'rfm_f_score',
      'rfm_m_score', 'rfm_segment', 'value_tier', 'lifecycle_stage', 'foodie', 'frequent_traveller', 'online_shopper',
      'young_family', 'overseas_traveller', 'high_value_at_risk'];
    expect(required.filter((c) => !codes.has(c))).toEqual([]);
  });

  it.each(defs.map((d) => [d.code, d] as const))('%s parses, type-checks and follows the naming rule', (_code, def) => {
    expect(tagDefinitionSchema.safeParse(def).success).toBe(true);
    const result = checkDefinition(def, defs);
    expect(result.issues).toEqual([]);
    expect(def.name_zh.length).toBeGreaterThan(0);
    expect(def.description.length).toBeGreaterThan(10);
  });

  it.each(defs.map((d) => [d.code, d] as const))('%s is described in Chinese too, naming its window', (_code, def) => {
    expect(def.description_zh).toMatch(/[\u4e00-\u9fff]{4}/);
    // A windowed tag's Chinese description says which window, as its name does: 近90天, 近12个月.
    const window = /_(\d+)([dm])$/.exec(def.code);
    if (window && def.spec.kind === 'dynamic' && !def.spec.lag) {
      expect(def.description_zh).toContain(`近${window[1]}${window[2] === 'd' ? '天' : '个月'}`);
    }
  });

  it('resolves as a whole, with computed tags in acyclic layers', () => {
    const resolved = resolveCatalogue(defs);
    const graph = new Map(resolved.flatMap((r) => (r.kind === 'computed' ? [[r.def.code, r.reads] as const] : [])));
    const layers = layersOf(graph);
    expect(layers.flat().sort()).toEqual([...graph.keys()].sort());
    expect(layers.length).toBeGreaterThan(2);
  });
});
