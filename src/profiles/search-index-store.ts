import { oneAtATime, type Database, type Queryable } from '../db';

// The search keys are a copy derived from `customers`, so they must never answer from an older portfolio.
// Customers only ever grow through the importer (a changed row is rejected as a conflict, never updated),
// so a row count that differs from the one the keys were built from means new customers: rebuild. The one
// change a count cannot see is a portfolio replaced by one of the same size (the generator's --replace),
// which happens in another process or before the server starts: so the first search in each process also
// compares a fingerprint of every id, phone and name (one scan), and later searches compare counts only.

interface State {
  readonly customers: number;
  readonly fingerprint: string;
}

const fingerprintSql = `SELECT count(*)::BIGINT AS customers,
  coalesce(bit_xor(hash(customer_id, phone, name)), 0)::VARCHAR AS fingerprint FROM customers`;

async function storedState(db: Queryable | Database): Promise<State | undefined> {
  return db.one<State>("SELECT customers, fingerprint FROM customer_search_state WHERE name = 'customers'");
}

/** Rebuilds both key tables from `customers` in one transaction; returns the number of customers keyed. */
export async function rebuildSearchKeys(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const current = (await tx.one<State>(fingerprintSql)) as State;
    // Digits only, with the +86 / 86 country code dropped from a 13-digit number, as parseSearchQuery does.
    await tx.run(`CREATE OR REPLACE TABLE customer_phone_keys AS
      WITH d AS (
        SELECT customer_id, regexp_replace(phone, '[^0-9]', '', 'g') AS raw FROM customers WHERE phone IS NOT NULL
      ), n AS (
        SELECT customer_id, CASE WHEN length(raw) = 13 AND starts_with(raw, '86') THEN raw[3:] ELSE raw END AS digits FROM d
      )
      SELECT CASE WHEN length(digits) >= 4 THEN right(digits, 4)::SMALLINT END AS phone_tail4,
        CASE WHEN regexp_full_match(digits, '1[0-9]{10}') THEN digits[1:3]::SMALLINT END AS phone_head3,
        digits AS phone_digits, customer_id
      FROM n WHERE length(digits) > 0
      ORDER BY phone_tail4, phone_head3, customer_id`);
    await tx.run(`CREATE OR REPLACE TABLE customer_name_keys AS
      SELECT lower(trim(name)) AS name_key, customer_id FROM customers
      WHERE name IS NOT NULL AND trim(name) <> '' ORDER BY name_key, customer_id`);
    await tx.run(`INSERT OR REPLACE INTO customer_search_state VALUES ('customers', $1, $2, now()::TIMESTAMP)`, [
      current.customers,
      current.fingerprint,
    ]);
    return current.customers;
  });
}

// One check at a time per database: two searches that both see a new count must not rebuild together
// (DuckDB would refuse the second CREATE OR REPLACE as a write-write conflict).
const verified = new WeakSet<Database>();

async function checkAndRebuild(db: Database): Promise<void> {
  const full = !verified.has(db);
  const stored = await storedState(db);
  const current = full
    ? await db.one<State>(fingerprintSql)
    : await db.one<State>("SELECT count(*)::BIGINT AS customers, '' AS fingerprint FROM customers");
  const stale = !stored || !current || stored.customers !== current.customers || (full && stored.fingerprint !== current.fingerprint);
  if (stale) await rebuildSearchKeys(db);
  verified.add(db);
}

/** Makes sure the keys describe the customers table as it is now (see the note at the top of this file). */
export function ensureSearchKeys(db: Database): Promise<void> {
  return oneAtATime(db, 'search keys', () => checkAndRebuild(db));
}
