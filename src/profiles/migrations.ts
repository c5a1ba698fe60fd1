import type { Migration } from '../db';

// Search keys derived from `customers` (see search-index-store.ts): phone digits split into the first three
// and last four of a mainland number, and a lower-cased name, each in a table sorted by its key so that a
// lookup reads one row group instead of scanning every phone number with string functions.
export const profileMigrations: Migration[] = [
  {
    id: 'profiles/001_customer_search',
    up: [
      `CREATE TABLE customer_phone_keys (phone_tail4 SMALLINT, phone_head3 SMALLINT, phone_digits VARCHAR,
        customer_id VARCHAR NOT NULL)`,
      'CREATE TABLE customer_name_keys (name_key VARCHAR NOT NULL, customer_id VARCHAR NOT NULL)',
      `CREATE TABLE customer_search_state (name VARCHAR PRIMARY KEY, customers BIGINT NOT NULL, fingerprint VARCHAR NOT NULL,
        built_at TIMESTAMP NOT NULL)`,
    ],
  },
];
