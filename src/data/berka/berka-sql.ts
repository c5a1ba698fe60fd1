import { quoteIdent } from '../../db';
import { berkaTable, type BerkaFile } from './berka-files';

// The Berka → contract mapping, as SQL over the loaded .asc files. Each query yields `_row` (the row number
// in the source file) and contract columns as text; the shared importer then validates and writes them,
// so a Berka row that breaks the contract is rejected like any other. Rules and reasons: README.md.

/**
 * CZK → CNY at one fixed rate, about the 1994–1998 average through the US dollar (USD/CZK ≈ 27–32,
 * USD/CNY ≈ 8.3). Fixed, so an import is reproducible; approximate, so never use it for accounting.
 */
export const czkToCny = 0.29;

/** Ids are prefixed so that Berka rows can sit beside the demo portfolio's without colliding. */
export const berkaIdPrefix = { customer: 'BK-C', account: 'BK-A', txn: 'BK-T' } as const;

/** Card types, best first: an account's product is the best card issued on it. */
export const berkaProducts = [
  { code: 'BK-GOLD', card: 'gold', nameZh: 'Berka 金卡', nameEn: 'Berka gold card', tier: 'gold' },
  { code: 'BK-CLASSIC', card: 'classic', nameZh: 'Berka 普卡', nameEn: 'Berka classic card', tier: 'classic' },
  { code: 'BK-JUNIOR', card: 'junior', nameZh: 'Berka 青少年卡', nameEn: 'Berka junior card', tier: 'classic' },
  { code: 'BK-NOCARD', card: null, nameZh: 'Berka 活期账户（无卡）', nameEn: 'Berka current account, no card', tier: 'classic' },
] as const;

/** YYMMDD (all Berka dates are 19xx) → 'YYYY-MM-DD' text; the validator rejects days that do not exist. */
const isoDay = (yymmdd: string) =>
  `'19' || substr(${yymmdd}, 1, 2) || '-' || substr(${yymmdd}, 3, 2) || '-' || substr(${yymmdd}, 5, 2)`;

export function berkaSql(suffix: string): Record<'products' | 'customers' | 'accounts' | 'transactions', string> {
  const t = (file: BerkaFile) => quoteIdent(berkaTable(file, suffix));
  const owner = `(SELECT account_id, client_id FROM ${t('disp')} WHERE type = 'OWNER')`;
  const products = berkaProducts
    .map((p, i) => `(${i + 1}, '${p.code}', '${p.nameZh}', '${p.nameEn}', '${p.tier}', 'none')`)
    .join(', ');
  return {
    products: `SELECT * FROM (VALUES ${products}) AS p(_row, product_code, name_zh, name_en, tier, cobrand)`,

    // birth_number is YYMMDD with 50 added to the month for women; the district is the city.
    customers: `SELECT c._row,
        '${berkaIdPrefix.customer}' || c.client_id AS customer_id,
        CASE WHEN TRY_CAST(substr(c.birth_number, 3, 2) AS INTEGER) > 50 THEN 'F' ELSE 'M' END AS gender,
        '19' || substr(c.birth_number, 1, 2) || '-' ||
          lpad((TRY_CAST(substr(c.birth_number, 3, 2) AS INTEGER) % 50)::VARCHAR, 2, '0') || '-' ||
          substr(c.birth_number, 5, 2) AS birth_date,
        d.A2 AS city,
        CASE WHEN TRY_CAST(d.A4 AS INTEGER) >= 1000000 THEN '1'
             WHEN TRY_CAST(d.A10 AS DOUBLE) >= 95 THEN '2'
             WHEN TRY_CAST(d.A10 AS DOUBLE) >= 70 THEN '3'
             WHEN TRY_CAST(d.A10 AS DOUBLE) >= 50 THEN '4'
             WHEN d.A1 IS NOT NULL THEN '5' END AS city_tier,
        s.since AS customer_since
      FROM ${t('client')} c
      LEFT JOIN ${t('district')} d ON d.A1 = c.district_id
      LEFT JOIN (SELECT dp.client_id, ${isoDay('min(a.date)')} AS since
                 FROM ${t('disp')} dp JOIN ${t('account')} a ON a.account_id = dp.account_id GROUP BY dp.client_id) s
        ON s.client_id = c.client_id`,

    // Berka accounts are current accounts without a credit line: credit_limit 0. A loan that went bad
    // (B: finished unpaid, D: running in debt) puts the account in collections.
    accounts: `SELECT a._row,
        '${berkaIdPrefix.account}' || a.account_id AS account_id,
        '${berkaIdPrefix.customer}' || o.client_id AS customer_id,
        CASE k.card ${berkaProducts.filter((p) => p.card).map((p) => `WHEN '${p.card}' THEN '${p.code}'`).join(' ')}
             ELSE 'BK-NOCARD' END AS product_code,
        '0' AS credit_limit,
        ${isoDay('a.date')} AS opened_at,
        CASE WHEN l.status IN ('B', 'D') THEN 'collections' ELSE 'active' END AS status
      FROM ${t('account')} a
      LEFT JOIN ${owner} o ON o.account_id = a.account_id
      LEFT JOIN (SELECT dp.account_id,
                        arg_max(cd.type, CASE cd.type WHEN 'gold' THEN 3 WHEN 'classic' THEN 2 ELSE 1 END) AS card
                 FROM ${t('card')} cd JOIN ${t('disp')} dp ON dp.disp_id = cd.disp_id GROUP BY dp.account_id) k
        ON k.account_id = a.account_id
      LEFT JOIN (SELECT account_id, arg_max(status, date) AS status FROM ${t('loan')} GROUP BY account_id) l
        ON l.account_id = a.account_id`,

    // Money out only (VYDAJ, and VYBER which the data also uses for cash withdrawals): the contract's
    // transactions are spend. The purpose (k_symbol) decides the category first, then the operation.
    transactions: `SELECT x._row,
        '${berkaIdPrefix.txn}' || x.trans_id AS txn_id,
        '${berkaIdPrefix.account}' || x.account_id AS account_id,
        '${berkaIdPrefix.customer}' || o.client_id AS customer_id,
        ${isoDay('x.date')} AS ts,
        coalesce(round(TRY_CAST(x.amount AS DECIMAL(18, 2)) * ${czkToCny}, 2)::VARCHAR, x.amount) AS amount,
        'CZK' AS currency,
        CASE WHEN k = 'SIPO' THEN '4900' WHEN k = 'POJISTNE' THEN '6300'
             WHEN k IS NULL AND x.operation = 'VYBER KARTOU' THEN '6011'
             WHEN k IS NULL AND (x.operation = 'VYBER' OR x.type = 'VYBER') THEN '6010' END AS mcc,
        CASE WHEN k = 'SIPO' THEN 'utilities'
             WHEN k IN ('POJISTNE', 'UVER', 'SLUZBY', 'SANKC. UROK') THEN 'financial'
             WHEN x.operation IN ('VYBER KARTOU', 'VYBER') OR x.type = 'VYBER' THEN 'cash'
             ELSE 'other' END AS category,
        CASE WHEN x.bank IS NOT NULL THEN x.bank || ' ' || coalesce(x.account, '') END AS merchant,
        CASE WHEN x.operation IN ('VYBER KARTOU', 'VYBER') OR x.type = 'VYBER' THEN 'offline' END AS channel,
        'false' AS is_overseas,
        'CZ' AS country,
        '0' AS installment_months
      FROM (SELECT *, NULLIF(trim(k_symbol), '') AS k FROM ${t('trans')} WHERE type IN ('VYDAJ', 'VYBER')) x
      LEFT JOIN ${owner} o ON o.account_id = x.account_id`,
  };
}

/** Rows of trans.asc that are money in (credits): not card spend, so not imported. */
export function berkaCreditsSql(suffix: string): string {
  return `SELECT count(*) AS n FROM ${quoteIdent(berkaTable('trans', suffix))} WHERE type NOT IN ('VYDAJ', 'VYBER') OR type IS NULL`;
}
