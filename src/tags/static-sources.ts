import { accountStatuses, cardTiers, cobrands, contactChannels, genders, incomeBands, educations, maritalStatuses, acquisitionChannels } from '../data';
import type { StaticSource } from './definition-schema';
import type { RelationField } from './sources';

// Per-customer sources of static tags. Personal information (name, phone, e-mail, id hash) is left out on
// purpose: tags describe behaviour and standing, and a tag must never copy PII into the profile.

export interface StaticRelation {
  readonly source: StaticSource;
  /** One row per customer (customers) or several to fold with an aggregate (accounts, preferences). */
  readonly multiRow: boolean;
  readonly sql: string;
  readonly fields: Readonly<Record<string, RelationField>>;
}

export const staticRelations: Readonly<Record<StaticSource, StaticRelation>> = {
  customers: {
    source: 'customers',
    multiRow: false,
    sql: 'customers',
    fields: {
      gender: { type: 'string', values: genders, zh: '性别' },
      birth_date: { type: 'date', zh: '出生日期' },
      city: { type: 'string', zh: '城市' },
      city_tier: { type: 'number', zh: '城市等级' },
      occupation: { type: 'string', zh: '职业' },
      income_band: { type: 'string', values: incomeBands, zh: '收入' },
      education: { type: 'string', values: educations, zh: '学历' },
      marital_status: { type: 'string', values: maritalStatuses, zh: '婚姻' },
      acquisition_channel: { type: 'string', values: acquisitionChannels, zh: '获客渠道' },
      customer_since: { type: 'date', zh: '入户日期' },
    },
  },
  accounts: {
    source: 'accounts',
    multiRow: true,
    sql: `(SELECT a.customer_id, a.account_id, a.product_code, a.credit_limit::DOUBLE AS credit_limit, a.opened_at,
      a.closed_at, a.status, a.statement_day, coalesce(a.autopay, false) AS autopay, p.tier, p.cobrand,
      p.annual_fee::DOUBLE AS annual_fee FROM accounts a LEFT JOIN products p ON p.product_code = a.product_code)`,
    fields: {
      account_id: { type: 'string', zh: '账户' },
      product_code: { type: 'string', zh: '产品' },
      credit_limit: { type: 'number', zh: '额度' },
      opened_at: { type: 'date', zh: '开户日期' },
      closed_at: { type: 'date', zh: '销户日期' },
      status: { type: 'string', values: accountStatuses, zh: '状态' },
      statement_day: { type: 'number', zh: '账单日' },
      autopay: { type: 'boolean', zh: '自动还款' },
      tier: { type: 'string', values: cardTiers, zh: '卡等级' },
      cobrand: { type: 'string', values: cobrands, zh: '联名' },
      annual_fee: { type: 'number', zh: '年费' },
    },
  },
  channel_preferences: {
    source: 'channel_preferences',
    multiRow: true,
    sql: 'channel_preferences',
    fields: {
      channel: { type: 'string', values: contactChannels, zh: '渠道' },
      preference_rank: { type: 'number', zh: '偏好顺序' },
      stated_at: { type: 'date', zh: '表态日期' },
    },
  },
};
