import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPhone } from '../security';
import {
  bureauSectionSchema,
  consentsSectionSchema,
  customerViewSchema,
  interactionsSectionSchema,
  transactionPageSchema,
  type CustomerView,
} from './schema';
import { profileFixture, type ProfileFixture } from './test-fixture';

// The 360° view through a real server on loopback, over a generated portfolio. Expected figures come from
// SQL written independently of the stores (Shanghai days through ICU time-zone rules, a join through
// accounts instead of an id list).
const shanghaiDay = "CAST(timezone('Asia/Shanghai', timezone('UTC', ts)) AS DATE)";

describe('360° view over HTTP', () => {
  let fx: ProfileFixture;
  let customerId: string;
  let phone: string;

  beforeAll(async () => {
    fx = await profileFixture();
    // A customer with statements and service interactions, so every section has something to show.
    const row = await fx.server.db.one<{ customer_id: string; phone: string }>(
      `SELECT c.customer_id, c.phone FROM customers c
       WHERE c.customer_id IN (SELECT customer_id FROM service_interactions)
         AND c.customer_id IN (SELECT customer_id FROM transactions)
       ORDER BY c.customer_id LIMIT 1`,
    );
    customerId = row?.customer_id as string;
    phone = row?.phone as string;
  });
  afterAll(() => fx.close());

  type Role = Parameters<ProfileFixture['get']>[0];
  const ok = async (role: Role, path: string) => {
    const { status, body } = await fx.get(role, `/api/customers/${customerId}${path}`);
    expect(status, JSON.stringify(body)).toBe(200);
    return body;
  };
  const view = async (role: Role, query = '') => customerViewSchema.parse(await ok(role, query));
  const interactions = async (role: Role, query = '') => {
    const section = interactionsSectionSchema.parse(await ok(role, `/interactions${query}`));
    if (!section.available) throw new Error('interactions missing');
    return section;
  };

  it('masks personal fields for an analyst and withholds interaction texts', async () => {
    const v = await view('analyst');
    expect(v.profile.masked).toBe(true);
    expect(v.profile.phone).toBe(maskPhone(phone));
    expect(v.profile.phone).toContain('****');
    expect(v.profile.name).toMatch(/\*/);
    const contacts = await interactions('analyst');
    expect(contacts.items.length).toBeGreaterThan(0);
    expect(contacts.items.every((i) => i.text === null && i.textMasked)).toBe(true);
    const counted = await fx.server.db.one<{ n: number }>('SELECT count(*) AS n FROM service_interactions WHERE customer_id = $id', { id: customerId });
    expect(contacts.total).toBe(counted?.n);
    const dates = contacts.items.map((i) => i.ts);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await fx.get('analyst', `/api/customers/${customerId}/interactions?unmask=true&reason=complaint%20review`)).status).toBe(403);
  });

  it('refuses to unmask for an analyst (403) and writes no unmask entry', async () => {
    const { status, body } = await fx.get('analyst', `/api/customers/${customerId}?unmask=true&reason=checking%20a%20complaint`);
    expect(status).toBe(403);
    expect((body as { error: { code: string } }).error.code).toBe('forbidden');
    const n = await fx.server.db.one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'unmask' AND actor = 'analyst1'");
    expect(n?.n).toBe(0);
  });

  it('unmasks for an agent with a reason, audited as unmask before the data leaves', async () => {
    const v = await view('agent', '?unmask=true&reason=caller%20identity%20check');
    expect(v.profile.masked).toBe(false);
    expect(v.profile.phone).toBe(phone);
    const contacts = await interactions('agent', '?unmask=true&reason=caller%20identity%20check');
    expect(contacts.items.some((i) => i.text !== null && !i.textMasked)).toBe(true);
    expect((await interactions('agent')).items.every((i) => i.text === null)).toBe(true);
    const entry = await fx.server.db.one<{ role: string; target: string; details: string }>(
      "SELECT role, target, details FROM audit_log WHERE action = 'unmask' AND actor = 'agent1' ORDER BY seq LIMIT 1",
    );
    expect(entry?.role).toBe('agent');
    expect(entry?.target).toBe(customerId);
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ reason: 'caller identity check', fields: expect.arrayContaining(['phone']) });
  });

  it('asks an agent for a reason before unmasking (400), and masks the default view', async () => {
    expect((await fx.get('agent', `/api/customers/${customerId}?unmask=true`)).status).toBe(400);
    expect((await view('agent')).profile.phone).toBe(maskPhone(phone));
  });

  it('answers an unknown customer with 404 in the caller’s language', async () => {
    const en = await fx.get('analyst', '/api/customers/C99999999', 'en-US');
    expect(en.status).toBe(404);
    expect(en.body).toMatchObject({ error: { code: 'not_found', message: 'customer C99999999 not found' } });
    const zh = await fx.get('analyst', '/api/customers/C99999999');
    expect((zh.body as { error: { message: string } }).error.message).toBe('找不到客户 C99999999');
    expect((await fx.get('agent', '/api/customers/C99999999/transactions')).status).toBe(404);
  });

  describe('figures equal SQL over the raw tables', () => {
    let v: CustomerView;
    beforeAll(async () => {
      v = await view('operator');
    });

    it('spend by category over the 365 days ending at the as-of date', async () => {
      if (!v.spending.available) throw new Error('spending missing');
      const expected = await fx.server.db.all<{ category: string; spend: number; n: number }>(
        `SELECT category, sum(amount)::DOUBLE AS spend, count(*) AS n FROM transactions
         WHERE customer_id = $id AND ${shanghaiDay} BETWEEN CAST($asOf AS DATE) - 364 AND CAST($asOf AS DATE)
         GROUP BY category ORDER BY category`,
        { id: customerId, asOf: v.asOf as string },
      );
      const got = [...v.spending.categories].sort((a, b) => a.category.localeCompare(b.category));
      expect(got.map((c) => c.category)).toEqual(expected.map((e) => e.category));
      got.forEach((c, i) => {
        expect(c.spend).toBeCloseTo(expected[i]?.spend ?? NaN, 2);
        expect(c.txnCount).toBe(expected[i]?.n);
      });
      const months = v.spending.months.reduce((sum, m) => sum + m.txnCount, 0);
      const all = await fx.server.db.one<{ n: number }>('SELECT count(*) AS n FROM transactions WHERE customer_id = $id', { id: customerId });
      expect(months).toBe(all?.n); // six months of history all fit in the 12-month chart
    });

    it('statements, accounts, consents and bureau', async () => {
      const statements = await fx.server.db.one<{ n: number; worst: number }>(
        `SELECT count(*) AS n, coalesce(max(overdue_days), 0) AS worst FROM statements s JOIN accounts a ON a.account_id = s.account_id
         WHERE a.customer_id = $id`,
        { id: customerId },
      );
      const consentsSection = consentsSectionSchema.parse(await ok('operator', '/consents'));
      const bureauSection = bureauSectionSchema.parse(await ok('operator', '/bureau'));
      if (!v.statements.available || !v.accounts.available || !consentsSection.available || !bureauSection.available) {
        throw new Error('section missing');
      }
      expect(v.statements.summary.statements).toBe(Math.min(18, statements?.n ?? -1));
      expect(v.statements.summary.worstOverdueDays).toBe(statements?.worst);
      const dates = v.statements.items.map((s) => s.statementDate);
      expect(dates).toEqual([...dates].sort().reverse());
      const accounts = await fx.server.db.all<{ account_id: string }>('SELECT account_id FROM accounts WHERE customer_id = $id ORDER BY 1', { id: customerId });
      expect(v.accounts.items.map((a) => a.accountId).sort()).toEqual(accounts.map((a) => a.account_id));
      expect(v.accounts.items.every((a) => a.productNameZh !== null)).toBe(true);
      const consents = await fx.server.db.all<{ channel: string; purpose: string; status: string }>(
        `SELECT channel, purpose, arg_max(status, updated_at) AS status FROM consents WHERE customer_id = $id GROUP BY ALL ORDER BY 1, 2`,
        { id: customerId },
      );
      expect(consentsSection.current.map((c) => ({ channel: c.channel, purpose: c.purpose, status: c.status }))).toEqual(consents);
      const bureau = await fx.server.db.one<{ n: number }>('SELECT count(*) AS n FROM bureau WHERE customer_id = $id', { id: customerId });
      expect(bureauSection.items.length).toBe(bureau?.n);
    });

    it('marks capabilities that do not exist yet as unavailable, with a reason', () => {
      expect(v.models.available).toBe(false);
      expect(v.segments.available).toBe(false);
      if (!v.models.available) expect(v.models.reason['en-US']).toMatch(/not available/);
    });
  });

  it('describes every customer endpoint in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${fx.server.base}/docs/json`)).json()) as { paths: Record<string, unknown> };
    const paths = ['', '/interactions', '/messages', '/consents', '/bureau', '/tags', '/transactions', '/tags/{code}/explain'];
    for (const p of paths) expect(Object.keys(doc.paths), p).toContain(`/api/customers/{id}${p}`);
    expect(Object.keys(doc.paths)).toContain('/api/customers');
  });

  it('pages the transaction timeline newest first without overlap', async () => {
    const page = async (n: number) => {
      const { status, body } = await fx.get('auditor', `/api/customers/${customerId}/transactions?page=${n}&pageSize=7`);
      expect(status).toBe(200);
      return transactionPageSchema.parse(body);
    };
    const [p1, p2] = [await page(1), await page(2)];
    const total = await fx.server.db.one<{ n: number }>('SELECT count(*) AS n FROM transactions WHERE customer_id = $id', { id: customerId });
    expect(p1.total).toBe(total?.n);
    const ts = [...p1.items, ...p2.items].map((t) => t.ts);
    expect(ts).toEqual([...ts].sort().reverse());
    expect(new Set([...p1.items, ...p2.items].map((t) => t.txnId)).size).toBe(p1.items.length + p2.items.length);
  });
});
