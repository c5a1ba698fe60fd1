import { fail, type AuditWriter, type AuthenticatedUser } from '../core';
import { canSeePii } from './masking';

/**
 * The one gate for showing a customer's personal information unmasked: the role must allow it, a reason must
 * be given, and the `unmask` audit entry is written before any data leaves. If the entry cannot be written,
 * this throws and the caller shows nothing.
 * Example, in a route: `await authorizeUnmask(user, audit, params.customerId, body.reason, ['phone'])`.
 */
export async function authorizeUnmask(
  user: AuthenticatedUser,
  audit: AuditWriter,
  customerId: string,
  reason: string,
  fields: readonly string[],
): Promise<void> {
  if (!canSeePii(user.role)) {
    fail('forbidden', `角色 ${user.role} 不能查看未脱敏的个人信息`, `role ${user.role} may not see unmasked personal information`);
  }
  if (reason.trim().length < 4) fail('bad_request', '请说明查看原因', 'state why you need to see it');
  await audit('unmask', customerId, { fields: [...fields], reason: reason.trim() });
}
