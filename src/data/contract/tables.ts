import { column, table, type TableSpec } from './define';
import * as e from './enums';

const id = (name: string, description: string, references?: string) =>
  column(name, 'varchar', description, { required: true, ...(references ? { references } : {}) });

export const customers = table({
  name: 'customers',
  description: 'One row per cardholder.',
  key: ['customer_id'],
  freshness: 'customer_since',
  columns: [
    id('customer_id', 'Stable customer identifier'),
    column('name', 'varchar', 'Full name', { pii: true }),
    column('gender', 'varchar', 'M or F', { values: e.genders }),
    column('birth_date', 'date', 'Date of birth', { min: '1900-01-01', max: '2015-12-31' }),
    column('phone', 'varchar', 'Mobile number', { pii: true, pattern: '\\+?[0-9 -]{6,20}' }),
    column('email', 'varchar', 'E-mail address', { pii: true, pattern: '[^@\\s]+@[^@\\s]+\\.[^@\\s]+' }),
    column('id_hash', 'varchar', 'Hash of the national id number, never the number itself'),
    column('city', 'varchar', 'City of residence'),
    column('city_tier', 'integer', 'City tier, 1 (Beijing, Shanghai …) to 5', { min: 1, max: 5 }),
    column('occupation', 'varchar', 'Occupation'),
    column('income_band', 'varchar', 'Monthly income band (CNY)', { values: e.incomeBands }),
    column('education', 'varchar', 'Highest education', { values: e.educations }),
    column('marital_status', 'varchar', 'Marital status', { values: e.maritalStatuses }),
    column('acquisition_channel', 'varchar', 'How the customer was won', { values: e.acquisitionChannels }),
    column('customer_since', 'date', 'First day as a customer', { required: true, min: '1950-01-01', notFuture: true }),
  ],
});

export const products = table({
  name: 'products',
  description: 'Card products on offer.',
  key: ['product_code'],
  columns: [
    id('product_code', 'Product code'),
    column('name_zh', 'varchar', 'Name in Chinese', { required: true }),
    column('name_en', 'varchar', 'Name in English', { required: true }),
    column('tier', 'varchar', 'Card tier', { required: true, values: e.cardTiers }),
    column('cobrand', 'varchar', 'Co-brand partner type', { values: e.cobrands }),
    column('annual_fee', 'money', 'Annual fee (CNY)', { min: 0 }),
  ],
});

export const accounts = table({
  name: 'accounts',
  description: 'Card accounts; a customer may hold several.',
  key: ['account_id'],
  freshness: 'opened_at',
  columns: [
    id('account_id', 'Account identifier'),
    id('customer_id', 'Owner', 'customers.customer_id'),
    id('product_code', 'Card product', 'products.product_code'),
    column('credit_limit', 'money', 'Credit limit (CNY)', { required: true, min: 0 }),
    column('opened_at', 'date', 'Opening date', { required: true, min: '1950-01-01', notFuture: true }),
    column('closed_at', 'date', 'Closing date, empty while open', { min: '1950-01-01', notFuture: true }),
    column('status', 'varchar', 'Account status', { required: true, values: e.accountStatuses }),
    column('statement_day', 'integer', 'Day of month the statement is cut', { min: 1, max: 28 }),
    column('autopay', 'boolean', 'Automatic repayment set up'),
  ],
});

export const transactions = table({
  name: 'transactions',
  description: 'Card transactions; refunds have negative amounts.',
  key: ['txn_id'],
  freshness: 'ts',
  columns: [
    id('txn_id', 'Transaction identifier'),
    id('account_id', 'Card account', 'accounts.account_id'),
    id('customer_id', 'Cardholder', 'customers.customer_id'),
    column('ts', 'timestamp', 'When it happened (UTC)', { required: true, min: '1990-01-01', notFuture: true }),
    column('amount', 'money', 'Amount in CNY; negative for a refund', { required: true, min: -10_000_000, max: 10_000_000 }),
    column('currency', 'varchar', 'Original currency (ISO 4217)', { pattern: '[A-Z]{3}' }),
    column('mcc', 'varchar', 'Merchant category code (ISO 18245)', { pattern: '[0-9]{4}' }),
    column('category', 'varchar', 'Spend category, derived from the MCC when absent', { values: e.spendCategories }),
    column('merchant', 'varchar', 'Merchant name'),
    column('channel', 'varchar', 'Where the card was used', { values: e.txnChannels }),
    column('is_overseas', 'boolean', 'Spent outside mainland China'),
    column('country', 'varchar', 'Country (ISO 3166 alpha-2)', { pattern: '[A-Z]{2}' }),
    column('installment_months', 'integer', 'Instalment term, 0 when paid in full', { min: 0, max: 60 }),
  ],
});

export const statements = table({
  name: 'statements',
  description: 'Monthly statements and their repayment.',
  key: ['account_id', 'period'],
  freshness: 'statement_date',
  columns: [
    id('account_id', 'Card account', 'accounts.account_id'),
    column('period', 'varchar', 'Statement month YYYY-MM', { required: true, pattern: '[0-9]{4}-(0[1-9]|1[0-2])' }),
    column('statement_date', 'date', 'Statement date', { required: true, min: '1990-01-01', notFuture: true }),
    column('due_date', 'date', 'Payment due date', { required: true, min: '1990-01-01' }),
    column('balance', 'money', 'Statement balance (CNY)', { required: true }),
    column('min_due', 'money', 'Minimum payment due (CNY)', { required: true, min: 0 }),
    column('paid_amount', 'money', 'Amount repaid against this statement (CNY)', { min: 0 }),
    column('paid_at', 'date', 'Date of the repayment', { notFuture: true }),
    column('overdue_days', 'integer', 'Days past due at the worst point', { min: 0, max: 3650 }),
    column('interest', 'money', 'Interest charged (CNY)', { min: 0 }),
    column('fees', 'money', 'Fees charged (CNY)', { min: 0 }),
    column('revolving', 'boolean', 'Carried a balance into the next period'),
  ],
});

export const appEvents = table({
  name: 'app_events',
  description: 'Behaviour in the mobile banking app.',
  key: ['customer_id', 'ts', 'event'],
  freshness: 'ts',
  columns: [
    id('customer_id', 'Cardholder', 'customers.customer_id'),
    column('ts', 'timestamp', 'When (UTC)', { required: true, min: '2000-01-01', notFuture: true }),
    column('event', 'varchar', 'Event name, e.g. login, view_offer, view_bill, redeem_points', { required: true }),
    column('properties', 'json', 'Event properties'),
  ],
});

export const serviceInteractions = table({
  name: 'service_interactions',
  description: 'Contacts with customer service.',
  key: ['interaction_id'],
  freshness: 'ts',
  columns: [
    id('interaction_id', 'Interaction identifier'),
    id('customer_id', 'Cardholder', 'customers.customer_id'),
    column('ts', 'timestamp', 'When (UTC)', { required: true, min: '2000-01-01', notFuture: true }),
    column('channel', 'varchar', 'Where the customer reached us', { values: e.interactionChannels }),
    column('category', 'varchar', 'What it was about', { required: true, values: e.interactionCategories }),
    column('sentiment', 'double', 'From -1 (angry) to 1 (pleased)', { min: -1, max: 1 }),
    column('resolved', 'boolean', 'Resolved at first contact'),
    column('text', 'varchar', 'What the customer said', { pii: true }),
  ],
});

export const bureau = table({
  name: 'bureau',
  description: 'External credit bureau data.',
  key: ['customer_id', 'as_of'],
  freshness: 'as_of',
  columns: [
    id('customer_id', 'Cardholder', 'customers.customer_id'),
    column('as_of', 'date', 'Date of the bureau pull', { required: true, min: '2000-01-01', notFuture: true }),
    column('score', 'integer', 'Bureau score, 300 to 900', { min: 300, max: 900 }),
    column('inquiries_6m', 'integer', 'Credit inquiries in the last 6 months', { min: 0, max: 200 }),
    column('external_debt', 'money', 'Debt held elsewhere (CNY)', { min: 0 }),
    column('delinquencies', 'integer', 'Delinquent accounts elsewhere', { min: 0, max: 100 }),
  ],
});

export const consents = table({
  name: 'consents',
  description: 'The consent ledger: each change of consent per channel and purpose.',
  key: ['customer_id', 'channel', 'purpose', 'updated_at'],
  freshness: 'updated_at',
  columns: [
    id('customer_id', 'Cardholder', 'customers.customer_id'),
    column('channel', 'varchar', 'Contact channel', { required: true, values: e.contactChannels }),
    column('purpose', 'varchar', 'Purpose of contact', { required: true, values: e.consentPurposes }),
    column('status', 'varchar', 'granted or withdrawn', { required: true, values: e.consentStatuses }),
    column('updated_at', 'timestamp', 'When it changed (UTC)', { required: true, min: '2000-01-01', notFuture: true }),
    column('source', 'varchar', 'Where the change came from (app, branch, call, import …)'),
  ],
});

export const channelPreferences = table({
  name: 'channel_preferences',
  description: 'Channels the customer said they prefer, 1 = most preferred.',
  key: ['customer_id', 'channel'],
  columns: [
    id('customer_id', 'Cardholder', 'customers.customer_id'),
    column('channel', 'varchar', 'Contact channel', { required: true, values: e.contactChannels }),
    column('preference_rank', 'integer', '1 = most preferred', { required: true, min: 1, max: 6 }),
    column('stated_at', 'date', 'When the customer said so', { notFuture: true }),
  ],
});

export const messages = table({
  name: 'messages',
  description: 'Every marketing or service message, with its status timeline.',
  key: ['message_id'],
  freshness: 'queued_at',
  columns: [
    id('message_id', 'Message identifier'),
    id('customer_id', 'Cardholder', 'customers.customer_id'),
    column('campaign_id', 'varchar', 'Campaign that sent it'),
    column('journey_id', 'varchar', 'Journey that sent it'),
    column('offer_id', 'varchar', 'Offer it carried'),
    column('channel', 'varchar', 'Channel', { required: true, values: e.contactChannels }),
    column('variant', 'varchar', 'A/B variant'),
    column('is_control', 'boolean', 'Held out as control: recorded, never sent', { required: true }),
    column('status', 'varchar', 'Latest status', { required: true, values: e.messageStatuses }),
    column('queued_at', 'timestamp', 'Queued (UTC)', { required: true }),
    column('sent_at', 'timestamp', 'Sent (UTC)'),
    column('delivered_at', 'timestamp', 'Delivered (UTC)'),
    column('failed_at', 'timestamp', 'Failed (UTC)'),
    column('opened_at', 'timestamp', 'Opened (UTC)'),
    column('clicked_at', 'timestamp', 'Clicked (UTC)'),
    column('converted_at', 'timestamp', 'Converted (UTC)'),
  ],
});

/** In dependency order: a table comes after every table it references. */
export const contractTables: readonly TableSpec[] = [
  customers,
  products,
  accounts,
  transactions,
  statements,
  appEvents,
  serviceInteractions,
  bureau,
  consents,
  channelPreferences,
  messages,
];

export function contractTable(name: string): TableSpec | undefined {
  return contractTables.find((t) => t.name === name);
}
