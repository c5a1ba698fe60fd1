import { newId } from '../core';
import type { Role } from '../core/schema';
import type { SqlRunner } from './sql-runner';
import type { User } from './schema';

/** A user row as stored, with the password hash that never leaves this capability. */
export interface StoredUser extends User {
  readonly passwordHash: string;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  must_change_password: boolean;
  created_at: Date;
  last_login_at: Date | null;
}

const columns =
  'id, username, display_name, role, password_hash, disabled, must_change_password, created_at, last_login_at';

function fromRow(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
    passwordHash: row.password_hash,
  };
}

/** Strips the hash: what the API and CLI may show. */
export function publicUser(user: StoredUser): User {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
}

export async function insertUser(db: SqlRunner, user: NewUser, now = new Date()): Promise<StoredUser> {
  const id = newId('usr');
  await db.run(
    `INSERT INTO users (id, username, display_name, role, password_hash, disabled, must_change_password, created_at)
     VALUES ($1, $2, $3, $4, $5, false, $6, $7::TIMESTAMP)`,
    [id, user.username, user.displayName, user.role, user.passwordHash, user.mustChangePassword, now.toISOString()],
  );
  return (await findUserById(db, id)) as StoredUser;
}

export async function findUserById(db: SqlRunner, id: string): Promise<StoredUser | undefined> {
  const row = await db.one<UserRow>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
  return row ? fromRow(row) : undefined;
}

export async function findUserByUsername(db: SqlRunner, username: string): Promise<StoredUser | undefined> {
  const row = await db.one<UserRow>(`SELECT ${columns} FROM users WHERE username = $1`, [username.trim().toLowerCase()]);
  return row ? fromRow(row) : undefined;
}

export async function listUsers(db: SqlRunner): Promise<StoredUser[]> {
  const rows = await db.all<UserRow>(`SELECT ${columns} FROM users ORDER BY username`);
  return rows.map(fromRow);
}

export async function countActiveAdmins(db: SqlRunner): Promise<number> {
  const row = await db.one<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled");
  return row?.n ?? 0;
}

export interface UserChanges {
  readonly role?: Role;
  readonly displayName?: string;
  readonly disabled?: boolean;
  readonly passwordHash?: string;
  readonly mustChangePassword?: boolean;
}

/** Applies the given changes in one statement; absent fields keep their value (COALESCE with NULL). */
export async function updateUser(db: SqlRunner, id: string, changes: UserChanges): Promise<StoredUser | undefined> {
  await db.run(
    `UPDATE users SET
       role = COALESCE($role, role),
       display_name = COALESCE($displayName, display_name),
       disabled = COALESCE($disabled, disabled),
       password_hash = COALESCE($passwordHash, password_hash),
       must_change_password = COALESCE($mustChange, must_change_password)
     WHERE id = $id`,
    {
      id,
      role: changes.role ?? null,
      displayName: changes.displayName ?? null,
      disabled: changes.disabled ?? null,
      passwordHash: changes.passwordHash ?? null,
      mustChange: changes.mustChangePassword ?? null,
    },
  );
  return findUserById(db, id);
}

export async function recordLogin(db: SqlRunner, id: string, now = new Date()): Promise<void> {
  await db.run('UPDATE users SET last_login_at = $1::TIMESTAMP WHERE id = $2', [now.toISOString(), id]);
}
