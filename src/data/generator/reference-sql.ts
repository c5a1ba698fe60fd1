import { fail } from '../../core';
import type { Queryable } from '../../db';
import { buildCalendar } from './calendar';
import { merchants } from './merchants';
import type { GenerateParams } from './params';
import { cities, emailDomains, givenFemale, givenMale, surnames } from './people';
import { personaCodes, personaMixRows, personas, type PersonaCode } from './personas';
import { spendCategories, type SpendCategory } from '../contract/enums';
import { products } from './products';
import { offerAffinity } from './offers';

// The small tables every plan joins: personas, products, merchants, people, calendar. They come from the
// TypeScript constants as one bound JSON parameter each, so no constant is ever spliced into SQL text.

type Json = string | number | boolean | null;

/** A temp table from rows; `columns` is the DuckDB struct type, e.g. 'a INTEGER, b VARCHAR'. */
export async function loadRows(tx: Queryable, name: string, columns: string, rows: readonly Record<string, Json>[]): Promise<void> {
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT unnest(CAST($1 AS JSON)::STRUCT(${columns})[], recursive := true)`,
    [JSON.stringify(rows)],
  );
}

/**
 * A slot table: for each group, 1,000 slots shared out in proportion to the weights, so that a weighted
 * choice is one equality join on key = group number × 1000 + slot. Weights are scaled to integers so the
 * shares are exact. `source` has columns gk (group number), idx (order within the group), weight and any
 * payload columns. One integer key matters: with two join keys DuckDB once joined on the slot alone first
 * (a 17M-row intermediate for 2M transactions).
 */
export async function buildSlots(tx: Queryable, name: string, source: string): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${name} AS
    WITH w AS (SELECT * EXCLUDE (weight), round(weight * 1000)::BIGINT AS iw FROM ${source} WHERE weight > 0),
    c AS (SELECT *, sum(iw) OVER (PARTITION BY gk ORDER BY idx ROWS UNBOUNDED PRECEDING) AS hi,
                 sum(iw) OVER (PARTITION BY gk) AS tot FROM w),
    b AS (SELECT *, hi - iw AS lo FROM c)
    SELECT (b.gk * 1000 + s.slot)::INTEGER AS key, b.* EXCLUDE (iw, hi, tot, lo, gk)
    FROM b JOIN range(0, 1000) s(slot) ON 2000 * b.lo <= (2 * s.slot + 1) * b.tot AND (2 * s.slot + 1) * b.tot < 2000 * b.hi`);
}

export const personaIndex = (code: string): number => personaCodes.indexOf(code as PersonaCode);
export const categoryIndex = (category: string): number => spendCategories.indexOf(category as SpendCategory);

const indexed = <T>(rows: readonly T[]): (T & { idx: number })[] => rows.map((r, idx) => ({ ...r, idx }));

export async function loadReference(tx: Queryable, params: GenerateParams): Promise<void> {
  await loadRows(
    tx,
    'gen_persona',
    `code VARCHAR, persona_idx INTEGER, share DOUBLE, age_mean DOUBLE, age_sd DOUBLE, income_shift DOUBLE, female_share DOUBLE, txn_rate DOUBLE,
     ticket DOUBLE, mobile_share DOUBLE, qr_share DOUBLE, nfc_share DOUBLE, overseas_share DOUBLE, installment_share DOUBLE,
     full_pay DOUBLE, risk DOUBLE, churn_logit DOUBLE, app_rate DOUBLE, second_card DOUBLE, favourite_share DOUBLE,
     hours VARCHAR, affinity VARCHAR`,
    personas.map((p, persona_idx) => ({
      code: p.code, persona_idx, share: p.share, age_mean: p.ageMean, age_sd: p.ageSd, income_shift: p.incomeShift,
      female_share: p.femaleShare, txn_rate: p.txnRate, ticket: p.ticket, mobile_share: p.mobileShare, qr_share: p.qrShare,
      nfc_share: p.nfcShare, overseas_share: p.overseasShare, installment_share: p.installmentShare, full_pay: p.fullPay,
      risk: p.risk, churn_logit: p.churnLogit, app_rate: p.appRate, second_card: p.secondCard,
      favourite_share: p.favouriteShare, hours: p.hours, affinity: offerAffinity[p.code],
    })),
  );
  await loadRows(tx, 'gen_persona_share', 'gk INTEGER, idx INTEGER, persona VARCHAR, weight DOUBLE',
    indexed(personas.map((p) => ({ gk: 0, persona: p.code, weight: p.share }))));
  await buildSlots(tx, 'gen_persona_slot', 'gen_persona_share');
  await loadRows(tx, 'gen_persona_mix', 'gk INTEGER, idx INTEGER, category VARCHAR, cat_idx INTEGER, weight DOUBLE',
    indexed(personaMixRows().map((r) => ({ gk: personaIndex(r.grp), category: r.item, cat_idx: categoryIndex(r.item), weight: r.weight }))));
  await buildSlots(tx, 'gen_category_slot', 'gen_persona_mix');

  await loadRows(tx, 'gen_product',
    'product_code VARCHAR, name_zh VARCHAR, name_en VARCHAR, tier VARCHAR, cobrand VARCHAR, annual_fee DOUBLE, base_limit DOUBLE, home_category VARCHAR',
    products.map((p) => ({ ...p })));
  await loadRows(tx, 'gen_persona_product', 'gk INTEGER, idx INTEGER, product_code VARCHAR, weight DOUBLE',
    personas.flatMap((p, gk) => products.map((prod, idx) => ({ gk, idx, product_code: prod.product_code, weight: p.products[idx] ?? 0 }))));
  await buildSlots(tx, 'gen_product_slot', 'gen_persona_product');

  await loadRows(tx, 'gen_merchant',
    'gk INTEGER, grp VARCHAR, idx INTEGER, merchant VARCHAR, mcc VARCHAR, online BOOLEAN, ln_median DOUBLE, sd DOUBLE, weight DOUBLE',
    merchants.map((m, idx) => ({ gk: categoryIndex(m.category), grp: m.category, idx, merchant: m.merchant, mcc: m.mcc, online: m.online,
      ln_median: Math.log(m.median), sd: m.sd, weight: m.weight })));
  // A merchant whose MCC the contract maps to another category would break category == MCC lookup.
  const wrong = await tx.all<{ merchant: string; mcc: string; grp: string; category: string }>(
    `SELECT m.merchant, m.mcc, m.grp, c.category FROM gen_merchant m JOIN mcc_categories c USING (mcc) WHERE c.category <> m.grp`);
  if (wrong.length > 0) {
    fail('internal', '商户目录与 MCC 映射不一致', 'merchant catalogue disagrees with the MCC map', { wrong });
  }
  await buildSlots(tx, 'gen_merchant_slot', 'gen_merchant');

  await loadRows(tx, 'gen_surname_w', 'gk INTEGER, idx INTEGER, surname VARCHAR, py VARCHAR, weight DOUBLE',
    surnames.map(([surname, py, weight], idx) => ({ gk: 0, idx, surname, py, weight })));
  await buildSlots(tx, 'gen_surname_slot', 'gen_surname_w');
  await loadRows(tx, 'gen_given', 'gender VARCHAR, idx INTEGER, ch VARCHAR, py VARCHAR', [
    ...givenMale.map(([ch, py], idx) => ({ gender: 'M', idx, ch, py })),
    ...givenFemale.map(([ch, py], idx) => ({ gender: 'F', idx, ch, py })),
  ]);
  await loadRows(tx, 'gen_city_w', 'gk INTEGER, idx INTEGER, city VARCHAR, tier INTEGER, weight DOUBLE',
    cities.map(([city, tier, weight], idx) => ({ gk: 0, idx, city, tier, weight })));
  await buildSlots(tx, 'gen_city_slot', 'gen_city_w');
  await loadRows(tx, 'gen_domain_w', 'gk INTEGER, idx INTEGER, domain VARCHAR, weight DOUBLE',
    emailDomains.map(([domain, weight], idx) => ({ gk: 0, idx, domain, weight })));
  await buildSlots(tx, 'gen_domain_slot', 'gen_domain_w');

  const calendar = buildCalendar(params.start, params.months, params.asOf);
  await loadRows(tx, 'gen_month',
    'm INTEGER, month_start DATE, month_last DATE, period VARCHAR, count_mult DOUBLE, boost_category VARCHAR, boost_idx INTEGER, boost_share DOUBLE',
    calendar.months.map((r) => ({ ...r, boost_idx: r.boost_category === 'none' ? -1 : categoryIndex(r.boost_category) })));
  await loadRows(tx, 'gen_day_w', 'm INTEGER, kind INTEGER, d DATE, weight DOUBLE, ticket_mult DOUBLE',
    calendar.days.map((r) => ({ ...r })));
  await tx.run(`CREATE OR REPLACE TEMP VIEW gen_day_src AS
    SELECT m * 10 + kind AS gk, row_number() OVER (PARTITION BY m, kind ORDER BY d) AS idx, m, kind, d, ticket_mult, weight
    FROM gen_day_w`);
  await buildSlots(tx, 'gen_day_slot', 'gen_day_src');
}
