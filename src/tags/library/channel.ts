import { contactChannels, txnChannels } from '../../data';
import { libraryTags } from './define';

const channelShare = (channel: 'online' | 'mobile' | 'qr', zh: string, label: string) => ({
  code: `spend_share_${channel}_365d`,
  zh: `${zh}消费占比（近365天）`,
  en: `${label} share of spend, 365d`,
  type: 'number' as const,
  spec: { kind: 'dynamic' as const, source: 'txn' as const, aggregate: 'share' as const, field: 'amount', filter: `channel = '${channel}'`, window: '365d' },
  description: `Net spend through the ${channel} channel over all net spend in 365 days.`,
  descriptionZh: `近365天${zh}渠道净消费占全部净消费的比例。`,
  buckets: { edges: [0.1, 0.25, 0.5, 0.75] },
});

export const channelTags = libraryTags('channel', [
  channelShare('online', '线上', 'Online'),
  channelShare('mobile', '移动支付', 'Mobile'),
  channelShare('qr', '扫码', 'QR-code'),
  {
    code: 'preferred_txn_channel_365d',
    zh: '常用支付渠道（近365天）',
    en: 'Preferred payment channel, 365d',
    type: 'enum',
    values: txnChannels,
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'top', field: 'channel', by: 'count', filter: 'not is_refund', window: '365d' },
    description: 'The channel with the most purchases in 365 days.',
    descriptionZh: '近365天消费笔数最多的支付渠道。',
  },
  {
    code: 'preferred_contact_channel',
    zh: '偏好联系渠道',
    en: 'Preferred contact channel',
    type: 'enum',
    values: contactChannels,
    spec: { kind: 'static', source: 'channel_preferences', expression: 'channel', aggregate: 'first', orderBy: 'preference_rank' },
    description: 'The contact channel the customer ranked first.',
    descriptionZh: '客户排序第一的偏好联系渠道。',
  },
  {
    code: 'app_login_count_30d',
    zh: 'App登录次数（近30天）',
    en: 'App logins, 30d',
    type: 'number',
    spec: { kind: 'dynamic', source: 'event', aggregate: 'count', filter: "event = 'login'", window: '30d' },
    description: 'Logins to the mobile app in 30 days.',
    descriptionZh: '近30天手机 App 登录次数。',
    buckets: { edges: [1, 4, 10, 30] },
  },
  {
    code: 'days_since_last_login',
    zh: '距上次登录天数',
    en: 'Days since last app login',
    type: 'number',
    unit: 'days',
    spec: { kind: 'dynamic', source: 'event', aggregate: 'days_since', filter: "event = 'login'" },
    description: 'Days from the latest app login to the as-of date; empty if never.',
    descriptionZh: '最近一次 App 登录距数据截止日的天数；从未登录则为空。',
  },
  {
    code: 'digital_active',
    zh: '数字渠道活跃',
    en: 'Digitally active',
    type: 'boolean',
    spec: { kind: 'computed', expression: 'app_login_count_30d > 0 or coalesce(spend_share_mobile_365d, 0) >= 0.3' },
    description: 'Logged in to the app in 30 days, or pays by mobile for at least 30 % of spend.',
    descriptionZh: '近30天登录过 App，或近365天移动支付消费占比不低于30%。',
  },
]);
