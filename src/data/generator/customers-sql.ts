import { daysBetween } from '../../core';
import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { givenFemale, givenMale, occupations, phonePrefixes } from './people';
import { pick, S, slot, u, z } from './random-sql';
import { dateLiteral, intLiteral, stringList } from './sql-values';

// gen_cust: one row per customer with everything later plans need — who they are (the customers table) and
// the latent parameters that drive their behaviour (activity, ticket size, risk, churn). Built in two steps
// so each step reads as a list of named draws.

const id = 'c.i';

function occupationSql(): string {
  const list = (key: string) => stringList(occupations[key] ?? []);
  const len = (key: string) => (occupations[key] ?? []).length;
  const at = (key: string) => `${list(key)}[1 + ${pick(S.occupation, id, len(key))}]`;
  return `CASE c.persona
    WHEN 'young_online_shopper' THEN ${at('young_online_shopper')}
    WHEN 'business_traveller' THEN ${at('business_traveller')}
    WHEN 'high_value' THEN ${at('high_value')}
    ELSE CASE WHEN age >= 60 AND ${u(S.occupation + 400, id)} < 0.6 THEN '退休' ELSE ${at('default')} END END`;
}

export async function buildCustomerTable(tx: Queryable, params: GenerateParams): Promise<void> {
  const start = dateLiteral(params.start);
  const asOf = dateLiteral(params.asOf);
  const windowDays = intLiteral(daysBetween(params.start, params.asOf) + 1);
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_people AS
    WITH c AS (
      SELECT t.i, ps.persona FROM range(1, ${intLiteral(params.customers + 1)}) t(i)
      JOIN gen_persona_slot ps ON ps.key = ${slot(S.persona, 't.i')}
    )
    SELECT c.i, c.persona, p.*,
      'C' || lpad(c.i::VARCHAR, 8, '0') AS customer_id,
      gen_clamp(round(p.age_mean + p.age_sd * ${z(S.age, id)}), 20, 75)::INTEGER AS age,
      (${asOf} - to_years(age) - to_days(${pick(S.birth, id, 365)}))::DATE AS birth_date,
      CASE WHEN ${u(S.gender, id)} < p.female_share THEN 'F' ELSE 'M' END AS gender,
      city.city, city.tier,
      gen_clamp(round(1.3 + p.income_shift + 0.4 * (city.tier <= 2)::INT - 0.4 * (city.tier >= 4)::INT
        + least(age - 22, 20) * 0.03 + 0.8 * ${z(S.income, id)}), 0, 4)::INTEGER AS income_idx,
      ['<5k', '5k-10k', '10k-20k', '20k-50k', '>50k'][income_idx + 1] AS income_band,
      CASE WHEN ${u(S.eduOther, id)} < 0.02 THEN 'other'
        ELSE ['high_school', 'college', 'bachelor', 'master', 'doctorate'][
          1 + gen_clamp(round(0.7 + 0.5 * income_idx + 0.7 * ${z(S.education, id)}), 0, 4)::INTEGER] END AS education,
      CASE c.persona WHEN 'young_family' THEN 0.97 WHEN 'young_online_shopper' THEN 0.12
        ELSE gen_sigmoid((age - 30) / 4.0) * 0.85 END AS married_p,
      CASE WHEN ${u(S.marital, id)} < married_p THEN 'married'
        WHEN age > 62 AND ${u(S.marital, id)} < married_p + 0.1 THEN 'widowed'
        WHEN age > 32 AND ${u(S.marital, id)} < married_p + 0.08 THEN 'divorced' ELSE 'single' END AS marital_status,
      ${occupationSql()} AS occupation,
      CASE WHEN age < 30 THEN
        CASE WHEN ${u(S.acquisition, id)} < 0.35 THEN 'app' WHEN ${u(S.acquisition, id)} < 0.65 THEN 'online'
          WHEN ${u(S.acquisition, id)} < 0.75 THEN 'referral' WHEN ${u(S.acquisition, id)} < 0.85 THEN 'partner'
          WHEN ${u(S.acquisition, id)} < 0.95 THEN 'branch' ELSE 'telesales' END
      ELSE
        CASE WHEN ${u(S.acquisition, id)} < 0.35 THEN 'branch' WHEN ${u(S.acquisition, id)} < 0.5 THEN 'online'
          WHEN ${u(S.acquisition, id)} < 0.65 THEN 'app' WHEN ${u(S.acquisition, id)} < 0.77 THEN 'telesales'
          WHEN ${u(S.acquisition, id)} < 0.9 THEN 'partner' ELSE 'referral' END
      END AS acquisition_channel,
      -- About 15% joined during the history (new customers, the lifecycle's 新客); the rest up to 15 years before.
      ${u(S.isNew, id)} < 0.15 AS is_new,
      greatest(
        CASE WHEN is_new THEN ${start} + to_days(floor(${u(S.since, id)} * (${windowDays} - 45))::INTEGER)
          ELSE ${start} - to_days((30 + floor(pow(${u(S.since, id)}, 1.3) * least(5400, (age - 19) * 365)))::INTEGER) END,
        birth_date + INTERVAL 18 YEAR + INTERVAL 30 DAY)::DATE AS customer_since,
      sn.surname, sn.py AS surname_py,
      ${u(S.twoChars, id)} < 0.65 AS two_chars,
      g1.ch AS c1, g1.py AS py1, g2.ch AS c2, g2.py AS py2,
      sn.surname || g1.ch || CASE WHEN two_chars THEN g2.ch ELSE '' END AS name,
      dm.domain,
      CASE WHEN dm.domain = 'qq.com' AND ${u(S.qqNumber, id)} < 0.7
        THEN (10000000 + floor(${u(S.emailLocal, id)} * 2000000000)::BIGINT)::VARCHAR
        ELSE g1.py || CASE WHEN two_chars THEN g2.py ELSE '' END || '.' || sn.py
          || CASE WHEN ${u(S.emailNumber, id)} < 0.6 THEN (10 + ${pick(S.emailNumber + 400, id, 90)})::VARCHAR ELSE '' END
      END || '@' || dm.domain AS email,
      '+86 1' || ${stringList(phonePrefixes)}[1 + ${pick(S.phonePrefix, id, phonePrefixes.length)}]
        || lpad(${pick(S.phoneNumber, id, 100_000_000)}::VARCHAR, 8, '0') AS phone,
      sha256('cardwise-demo-id:' || c.i::VARCHAR || ':' || ${pick(S.phoneNumber + 400, id, 1_000_000_000)}::VARCHAR) AS id_hash
    FROM c
    JOIN gen_persona p ON p.code = c.persona
    JOIN gen_city_slot city ON city.key = ${slot(S.city, id)}
    JOIN gen_surname_slot sn ON sn.key = ${slot(S.surname, id)}
    JOIN gen_domain_slot dm ON dm.key = ${slot(S.emailDomain, id)}
    JOIN gen_given g1 ON g1.gender = CASE WHEN ${u(S.gender, id)} < p.female_share THEN 'F' ELSE 'M' END
      AND g1.idx = ${pick(S.given1, id, Math.min(givenMale.length, givenFemale.length))}
    JOIN gen_given g2 ON g2.gender = g1.gender AND g2.idx = ${pick(S.given2, id, Math.min(givenMale.length, givenFemale.length))}
    ORDER BY c.i`);
}
