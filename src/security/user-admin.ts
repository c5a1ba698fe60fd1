import { fail, type AuthenticatedUser } from '../core';
import type { Role } from '../core/schema';
import type { Database } from '../db';
import { appendAudit } from './audit-store';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import type { User } from './schema';
import { deleteUserSessions } from './sessions-store';
import { countActiveAdmins, findUserById, findUserByUsername, insertUser, publicUser, updateUser, type UserChanges } from './users-store';

/** Who is acting, for the audit log: a logged-in admin, or `system` / `cli:<name>` outside the API. */
export interface Actor {
  readonly actor: string;
  readonly role: string | null;
  readonly ip?: string | null;
}

export function actorOf(user: AuthenticatedUser, ip: string | null): Actor {
  return { actor: user.username, role: user.role, ip };
}

export interface CreateUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Without one, a one-time password is generated and returned. */
  readonly password?: string | undefined;
  /** Someone else chose this password, so by default its owner must replace it at first login. */
  readonly mustChangePassword?: boolean;
}

export async function createUserAccount(
  db: Database,
  by: Actor,
  input: CreateUserInput,
): Promise<{ user: User; password: string | null }> {
  const username = input.username.trim().toLowerCase();
  if (await findUserByUsername(db, username)) fail('conflict', `用户名 ${username} 已存在`, `username ${username} is taken`);
  const generated = input.password === undefined ? generatePassword() : null;
  const stored = await insertUser(db, {
    username,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password ?? (generated as string)),
    mustChangePassword: input.mustChangePassword ?? true,
  });
  await appendAudit(db, {
    ...by,
    action: 'user.create',
    target: stored.id,
    details: { username, role: input.role, generatedPassword: generated !== null },
  });
  return { user: publicUser(stored), password: generated };
}

export interface UserUpdate {
  readonly role?: Role | undefined;
  readonly displayName?: string | undefined;
  readonly disabled?: boolean | undefined;
}

/** Changes role, name or disabled state; refuses to leave the platform without an active admin. */
export async function updateUserAccount(db: Database, by: Actor, id: string, update: UserUpdate): Promise<User> {
  const before = await findUserById(db, id);
  if (!before) fail('not_found', `找不到用户 ${id}`, `user ${id} not found`);
  const losesAdmin = before.role === 'admin' && !before.disabled && ((update.role && update.role !== 'admin') || update.disabled === true);
  if (losesAdmin && (await countActiveAdmins(db)) <= 1) {
    fail('conflict', '不能停用或降级最后一个管理员', 'cannot disable or demote the last active admin');
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const patch: { -readonly [K in keyof UserChanges]: UserChanges[K] } = {};
  if (update.role !== undefined && update.role !== before.role) {
    changes.role = { from: before.role, to: update.role };
    patch.role = update.role;
  }
  if (update.displayName !== undefined && update.displayName !== before.displayName) {
    changes.displayName = { from: before.displayName, to: update.displayName };
    patch.displayName = update.displayName;
  }
  if (update.disabled !== undefined && update.disabled !== before.disabled) {
    changes.disabled = { from: before.disabled, to: update.disabled };
    patch.disabled = update.disabled;
  }
  if (Object.keys(changes).length === 0) return publicUser(before);
  const after = (await updateUser(db, id, patch)) ?? before;
  // Roles are read on every request, but a disabled user's open sessions should end now, not at expiry.
  if (update.disabled === true) await deleteUserSessions(db, id);
  await appendAudit(db, { ...by, action: 'user.update', target: id, details: { username: before.username, changes } });
  return publicUser(after);
}

/** Replaces a forgotten password with a one-time one, and ends the user's sessions. */
export async function resetUserPassword(db: Database, by: Actor, id: string): Promise<{ user: User; password: string }> {
  const before = await findUserById(db, id);
  if (!before) fail('not_found', `找不到用户 ${id}`, `user ${id} not found`);
  const password = generatePassword();
  const after = await updateUser(db, id, { passwordHash: await hashPassword(password), mustChangePassword: true });
  await deleteUserSessions(db, id);
  await appendAudit(db, { ...by, action: 'user.password_reset', target: id, details: { username: before.username } });
  return { user: publicUser(after ?? before), password };
}

/** A user replaces their own password; their other sessions end, the current one stays. */
export async function changeOwnPassword(
  db: Database,
  user: AuthenticatedUser,
  input: { currentPassword: string; newPassword: string; ip: string | null },
): Promise<void> {
  const stored = user.via === 'session' ? await findUserById(db, user.id) : undefined;
  if (!stored) fail('forbidden', 'API 密钥没有密码', 'API keys have no password');
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    fail('bad_request', '当前密码不正确', 'the current password is wrong');
  }
  if (input.newPassword === input.currentPassword) {
    fail('bad_request', '新密码不能与当前密码相同', 'the new password must differ from the current one');
  }
  await updateUser(db, stored.id, { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false });
  await deleteUserSessions(db, stored.id, user.credentialId);
  await appendAudit(db, { actor: user.username, role: user.role, ip: input.ip, action: 'password.change', target: stored.id });
}
