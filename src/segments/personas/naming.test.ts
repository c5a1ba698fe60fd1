import { describe, expect, it } from 'vitest';
import { nameClusters } from './naming';

describe('persona names', () => {
  it('names each cluster after its strongest trait, each name once, strongest claim first', () => {
    const names = nameClusters([
      { share_dining: 1.8, share_entertainment: 0.8 },
      { share_online_shopping: 2.1, log_spend: -1.4 },
      { share_online_shopping: 0.9, log_spend: -0.2 },
      { share_travel: 1.3, log_spend: 1.1 },
      { log_spend: 1.6, share_travel: 0.9 },
      { revolving_ratio: 2.0 },
      { share_mother_baby: 1.5, share_education: 1.0 },
      { share_dining: 0.1 },
      { log_spend: -0.9 },
      { share_dining: 0.2, log_spend: 0.1 },
    ]);
    expect(names.map((n) => n.code)).toEqual([
      'foodie',
      'online_shopper',
      'online_shopper_high',
      'business_traveller',
      'premium',
      'revolver',
      'family',
      'everyday',
      'light',
      'everyday_2',
    ]);
    expect(names[2]).toEqual({ code: 'online_shopper_high', zh: '网购达人（高消费）', en: 'Online shopper (higher spend)' });
    expect(names[9]).toMatchObject({ zh: '日常消费 2', en: 'Everyday spender 2' });
  });
});
