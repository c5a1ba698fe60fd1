import type { Queryable } from '../../db';

// Pseudo-randomness in SQL, so that every row is drawn inside DuckDB at vectorised speed and the same seed
// gives the same portfolio whatever the thread count or batch size.
//
// A draw is a function of (seed, stream, entity id): `gen_u(stream, id)`. Each purpose has its own stream
// number, so draws for different purposes are independent. DuckDB's multi-argument `hash(a, b, c)` XORs the
// argument hashes, which makes hash(s, id, 1) and hash(s, id, 2) differ by a constant (measured: identical
// XOR for every id), so it cannot separate streams. Instead the id is hashed, XORed with a per-stream salt
// and hashed again (two rounds of murmur's finaliser): correlation between streams measured below 0.001 on
// 1M ids, and 100M draws cost about 1 s on 2 threads.

/** Stream numbers: one per purpose. Never renumber one, or every portfolio changes. Must stay below 500. */
export const S = {
  persona: 1, age: 2, birth: 3, gender: 4, city: 5, income: 6, education: 7, eduOther: 8, marital: 9, occupation: 10,
  acquisition: 11, isNew: 12, since: 13, surname: 14, given1: 15, given2: 16, twoChars: 17, emailDomain: 18, emailLocal: 19,
  emailNumber: 20, phonePrefix: 21, phoneNumber: 22, activity: 23, ticket: 24, risk: 25, severe: 26, severeMonth: 27,
  fullPay: 28, favourite: 29, product1: 30, product2: 31, hasSecond: 32, open2: 33, statementDay1: 34, statementDay2: 35,
  autopay: 36, limit1: 37, limit2: 38, churnNoise: 39, churn: 40, churnDate: 41, decline: 42, lull: 43, lullMonth: 44,
  appRate: 45, frozen: 46, qqNumber: 47, os: 48,
  monthCount: 60,
  category: 70, categorySlot: 71, merchant: 72, day: 73, dayRedraw: 74, hour: 75, hourFine: 76, second: 77, amount: 78,
  overseas: 79, country: 80, refund: 81, installment: 82, installmentTerm: 83, channel: 84, card: 85,
  pay: 100, payShare: 101, miss: 102, lateDays: 103, latePaid: 104, paidEarly: 105, initialCarry: 106,
  appCount: 120, appEvent: 121, appDay: 122, appHour: 123, appSecond: 124, appOffer: 125, appOfferPick: 126, appPoints: 127,
  serviceCount: 140, serviceDay: 141, serviceSecond: 142, serviceText: 143, sentiment: 144, resolved: 145, serviceChannel: 146,
  bureauCount: 160, bureauDay: 161, bureauScore: 162, inquiries: 163, debtZero: 164, debt: 165, delinquency: 166,
  consent: 180, consentDay: 181, withdraw: 182, withdrawDay: 183, consentSource: 184, preference: 185, preferenceCount: 186,
  offerBase: 200, offerLift: 201,
} as const;

/** A uniform draw in (0, 1) for `id` (a SQL expression of an integer type) on a stream. */
export const u = (stream: number, id: string): string => `gen_u(${stream}, ${id})`;
/** A standard normal draw (Box–Muller over two streams). */
export const z = (stream: number, id: string): string => `gen_z(${stream}, ${id})`;
/** A slot 0..999 for the slot tables (weighted choice by equality join). */
export const slot = (stream: number, id: string): string => `gen_slot(${stream}, ${id})`;
/** A uniform integer 0..n-1. */
export const pick = (stream: number, id: string, n: number): string => `floor(gen_u(${stream}, ${id}) * ${n})::INTEGER`;

export async function createRandomMacros(tx: Queryable, seed: number): Promise<void> {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 31) throw new Error(`seed ${seed} is not a valid integer`);
  // The top 53 bits of the hash make an exact double; +0.5 keeps the draw strictly inside (0, 1).
  await tx.run(`CREATE OR REPLACE TEMP MACRO gen_u(k, id) AS
    ((hash(xor(hash(id::UBIGINT), hash(${seed}::UBIGINT * 1000 + k::UBIGINT))) >> 11)::DOUBLE + 0.5) / 9007199254740992.0`);
  await tx.run(`CREATE OR REPLACE TEMP MACRO gen_z(k, id) AS
    sqrt(-2 * ln(gen_u(k, id))) * cos(2 * pi() * gen_u(k + 500, id))`);
  await tx.run('CREATE OR REPLACE TEMP MACRO gen_slot(k, id) AS floor(gen_u(k, id) * 1000)::INTEGER');
  await tx.run('CREATE OR REPLACE TEMP MACRO gen_sigmoid(x) AS 1 / (1 + exp(-(x)))');
  await tx.run('CREATE OR REPLACE TEMP MACRO gen_clamp(x, lo, hi) AS least(hi, greatest(lo, x))');
  // Poisson counts for means below 15 by inverse CDF on 1,000 slots per 0.05 of the mean; larger means use
  // the normal approximation, which is close there.
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_poisson AS
    WITH b AS (SELECT lb, lb / 20.0 AS lam FROM range(0, 300) t(lb)),
    pmf AS (SELECT lb, k, exp(-lam + k * ln(greatest(lam, 1e-12)) - lgamma(k + 1)) AS p FROM b, range(0, 50) r(k)),
    cdf AS (SELECT lb, k, sum(p) OVER (PARTITION BY lb ORDER BY k) AS c FROM pmf)
    SELECT lb::INTEGER AS lb, slot::INTEGER AS slot, count(*) FILTER (WHERE c < (slot + 0.5) / 1000)::INTEGER AS n
    FROM cdf, range(0, 1000) s(slot) GROUP BY lb, slot`);
}

/**
 * SQL for a Poisson count with mean `lam`, given an alias `alias` of gen_poisson joined with
 * `poissonJoin(lam, stream, id, alias)`.
 */
export const poissonJoin = (lam: string, stream: number, id: string, alias: string): string =>
  `LEFT JOIN gen_poisson ${alias} ON ${alias}.lb = (CASE WHEN ${lam} < 14.9 THEN round(${lam} * 20) ELSE -1 END)::INTEGER
     AND ${alias}.slot = ${slot(stream, id)}`;
export const poissonValue = (lam: string, stream: number, id: string, alias: string): string =>
  `coalesce(${alias}.n, greatest(0, round(${lam} + sqrt(greatest(${lam}, 0)) * ${z(stream, id)}))::INTEGER)`;
