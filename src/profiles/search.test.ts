import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName, maskPhone } from '../security';
import { customerSearchResultSchema } from './schema';
import { profileFixture, type ProfileFixture } from './test-fixture';

// Search through a real server on loopback. Expected matches come from SQL over `customers` with string
// functions, not from the derived key tables the search reads.
describe('customer search over HTTP', () => {
  let fx: ProfileFixture;
  let target: { customer_id: string; phone: string; name: string };

  beforeAll(async () => {
    fx = await profileFixture();
    target = (await fx.server.db.one<typeof target>(
      "SELECT customer_id, phone, name FROM customers WHERE customer_id = 'C00000421'",
    )) as typeof target;
  });
  afterAll(() => fx.close());

  const search = async (role: Parameters<ProfileFixture['get']>[0], q: string, extra = '') => {
    const { status, body } = await fx.get(role, `/api/customers?q=${encodeURIComponent(q)}${extra}`);
    return { status, body, result: status === 200 ? customerSearchResultSchema.parse(body) : undefined };
  };
  const digits = () => target.phone.replace(/\D/g, '').replace(/^86(?=\d{11}$)/, '');

  it('finds a customer by masked phone 138****5678, and only customers matching it', async () => {
    const masked = `${digits().slice(0, 3)}****${digits().slice(7)}`;
    const { result } = await search('analyst', masked);
    expect(result?.matchedBy).toBe('phone_mask');
    expect(result?.items.map((i) => i.customerId)).toContain(target.customer_id);
    const expected = await fx.server.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM customers WHERE regexp_replace(phone, '[^0-9]', '', 'g') LIKE '86' || $head || '____' || $tail`,
      { head: digits().slice(0, 3), tail: digits().slice(7) },
    );
    expect(result?.total).toBe(expected?.n);
    const hit = result?.items.find((i) => i.customerId === target.customer_id);
    expect(hit?.phone).toBe(maskPhone(target.phone));
    expect(hit?.name).toBe(maskName(target.name));
  });

  it('finds by full phone without echoing it, and audits the lookup', async () => {
    const { result, body } = await search('operator', `+86 ${digits()}`);
    expect(result?.matchedBy).toBe('phone_full');
    expect(result?.items.map((i) => i.customerId)).toEqual([target.customer_id]);
    expect(JSON.stringify(body)).not.toContain(digits());
    const audit = await fx.server.db.one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'customer_search' AND actor = 'operator1'");
    expect(audit?.n).toBe(1);
  });

  it('finds by id, exact or prefix, paged', async () => {
    expect((await search('auditor', target.customer_id)).result?.items.map((i) => i.customerId)).toEqual([target.customer_id]);
    const first = (await search('analyst', 'C0000004', '&pageSize=4')).result;
    const second = (await search('analyst', 'C0000004', '&pageSize=4&page=2')).result;
    const expected = await fx.server.db.all<{ customer_id: string }>(
      "SELECT customer_id FROM customers WHERE customer_id LIKE 'C0000004%' ORDER BY 1",
    );
    expect(first?.total).toBe(expected.length);
    expect([...(first?.items ?? []), ...(second?.items ?? [])].map((i) => i.customerId)).toEqual(expected.slice(0, 8).map((r) => r.customer_id));
  });

  it('searches names only for roles that may see personal information, with masked results', async () => {
    const surname = Array.from(target.name)[0] as string;
    expect((await search('analyst', surname)).status).toBe(403);
    const { result } = await search('agent', target.name, '&pageSize=100');
    expect(result?.matchedBy).toBe('name');
    expect(result?.items.map((i) => i.customerId)).toContain(target.customer_id);
    expect(result?.items.every((i) => i.name === null || i.name.includes('*'))).toBe(true);
  });

  it('sees a new customer at once (the keys follow the customers table)', async () => {
    await fx.server.db.run(
      `INSERT INTO customers (customer_id, name, phone, customer_since) VALUES ('C09999999', '测试', '+86 19912345678', DATE '2026-01-01')`,
    );
    const { result } = await search('analyst', '199****5678');
    expect(result?.items.map((i) => i.customerId)).toContain('C09999999');
  });

  it('says when a query cannot be read, instead of guessing', async () => {
    expect((await search('analyst', '13*8')).result).toMatchObject({ matchedBy: 'invalid', total: 0 });
  });
});
