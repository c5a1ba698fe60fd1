import { describe, expect, it } from 'vitest';
import { roles } from '../core/schema';
import { canSeePii, maskCustomer, maskEmail, maskIdHash, maskName, maskPhone, piiAccess } from './masking';
import { authorizeUnmask } from './unmask';

describe('masking', () => {
  it.each([
    ['王小明', '王**'],
    ['欧阳娜娜', '欧***'],
    ['王明', '王*'],
    ['王', '*'],
    ['𠮷野家', '𠮷**'],
    ['', ''],
  ])('maskName(%j) → %j', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['+8613812345678', '+86 138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['13812345678', '138****5678'],
    ['+14155550123', '+*******0123'],
    ['010-12345678', '*******5678'],
    ['123', '***'],
  ])('maskPhone(%j) → %j', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it.each([
    ['zhang.wei@example.com', 'z***@example.com'],
    ['a@b.cn', 'a***@b.cn'],
    ['not-an-email', '***'],
  ])('maskEmail(%j) → %j', (email, masked) => expect(maskEmail(email)).toBe(masked));

  it('keeps only enough of an id hash to tell two apart', () => {
    expect(maskIdHash('9f86d081884c7d659a2feaa0c55ad015')).toBe('9f86****d015');
    expect(maskIdHash('short')).toBe('*****');
  });

  it('masks the personal fields of a customer record and nothing else', () => {
    const customer = { customer_id: 'C1', name: '李雷', phone: '13900001111', email: 'li@x.cn', id_hash: 'abcdef0123456789', city: '上海' };
    expect(maskCustomer(customer)).toEqual({
      customer_id: 'C1',
      name: '李*',
      phone: '139****1111',
      email: 'l***@x.cn',
      id_hash: 'abcd****6789',
      city: '上海',
    });
    expect(customer.name).toBe('李雷');
  });

  it('lets only agents and admins unmask, and only on request', () => {
    expect(roles.filter(canSeePii)).toEqual(['admin', 'agent']);
    expect(piiAccess('analyst')).toBe('masked');
    expect(piiAccess('auditor')).toBe('masked');
  });
});

describe('authorizeUnmask', () => {
  const agent = { id: 'usr_1', username: 'amy', displayName: 'Amy', role: 'agent', via: 'session', credentialId: 'ses_1', mustChangePassword: false } as const;

  it('audits before allowing an agent, and refuses analysts and empty reasons', async () => {
    const written: unknown[] = [];
    const audit = async (...entry: unknown[]): Promise<void> => {
      written.push(entry);
    };
    await authorizeUnmask(agent, audit, 'C1', 'caller verification', ['phone']);
    expect(written).toEqual([['unmask', 'C1', { fields: ['phone'], reason: 'caller verification' }]]);
    await expect(authorizeUnmask({ ...agent, role: 'analyst' }, audit, 'C1', 'curious', ['name'])).rejects.toThrow(/may not see/);
    await expect(authorizeUnmask(agent, audit, 'C1', ' ', ['name'])).rejects.toThrow(/state why/);
    expect(written).toHaveLength(1);
  });

  it('shows nothing when the audit entry cannot be written', async () => {
    const failing = async (): Promise<void> => {
      throw new Error('disk full');
    };
    await expect(authorizeUnmask(agent, failing, 'C1', 'caller verification', ['phone'])).rejects.toThrow('disk full');
  });
});
