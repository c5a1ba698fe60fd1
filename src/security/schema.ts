// Browser-safe: the console imports these types and endpoints. No Node modules here.
import { z } from 'zod';
import { endpoint, patternMessage, roles, roleSchema } from '../core/schema';

/** Lower-case letters, digits, dot, dash, underscore: safe in logs and audit entries without escaping. */
const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(usernamePattern, patternMessage(usernamePattern, 'username: 2–32 of a-z 0-9 . _ - starting with a letter or digit', '用户名：2–32 个 a-z 0-9 . _ - 字符，以字母或数字开头'));

/** Long enough to resist guessing; the upper bound keeps one argon2 hash from being a denial of service. */
export const newPasswordSchema = z.string().min(10, 'password: at least 10 characters').max(256);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  via: z.enum(['session', 'api_key']),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

const okSchema = z.object({ ok: z.literal(true) });
const idParams = z.object({ id: z.string().min(1).max(64) });
/** Shown once, at creation or reset; never stored in clear. */
const oneTimePasswordSchema = z.object({ user: userSchema, password: z.string() });

export const loginEndpoint = endpoint({
  method: 'POST',
  path: '/api/auth/login',
  summary: 'Log in with username and password; sets the session cookie',
  tags: ['auth'],
  roles: 'public',
  body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
  response: meSchema,
});

export const logoutEndpoint = endpoint({
  method: 'POST',
  path: '/api/auth/logout',
  summary: 'End the current session',
  tags: ['auth'],
  roles: [...roles],
  response: okSchema,
});

export const meEndpoint = endpoint({
  method: 'GET',
  path: '/api/auth/me',
  summary: 'The logged-in user',
  tags: ['auth'],
  roles: [...roles],
  response: meSchema,
});

export const changePasswordEndpoint = endpoint({
  method: 'POST',
  path: '/api/auth/password',
  summary: 'Change your own password (required after a one-time password)',
  tags: ['auth'],
  roles: [...roles],
  body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: newPasswordSchema }),
  response: okSchema,
});

export const listUsersEndpoint = endpoint({
  method: 'GET',
  path: '/api/users',
  summary: 'List users',
  tags: ['users'],
  roles: ['admin'],
  response: z.object({ items: z.array(userSchema) }),
});

export const createUserEndpoint = endpoint({
  method: 'POST',
  path: '/api/users',
  summary: 'Create a user; without a password, a one-time password is generated and returned once',
  tags: ['users'],
  roles: ['admin'],
  body: z.object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(64),
    role: roleSchema,
    password: newPasswordSchema.optional(),
  }),
  response: oneTimePasswordSchema.extend({ password: z.string().nullable() }),
});

export const updateUserEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/users/:id',
  summary: "Change a user's role, display name, or disable/enable them",
  tags: ['users'],
  roles: ['admin'],
  params: idParams,
  body: z
    .object({ role: roleSchema, displayName: z.string().trim().min(1).max(64), disabled: z.boolean() })
    .partial()
    .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
  response: userSchema,
});

export const resetPasswordEndpoint = endpoint({
  method: 'POST',
  path: '/api/users/:id/reset-password',
  summary: "Reset a user's password to a one-time password (returned once) and end their sessions",
  tags: ['users'],
  roles: ['admin'],
  params: idParams,
  response: oneTimePasswordSchema,
});

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** Machine credentials never get admin: a leaked ingestion key must not be able to manage users. */
export const apiKeyRoleSchema = z.enum(['operator', 'analyst', 'agent', 'auditor']);

export const listApiKeysEndpoint = endpoint({
  method: 'GET',
  path: '/api/api-keys',
  summary: 'List API keys (secrets are never shown again)',
  tags: ['api-keys'],
  roles: ['admin'],
  response: z.object({ items: z.array(apiKeySchema) }),
});

export const createApiKeyEndpoint = endpoint({
  method: 'POST',
  path: '/api/api-keys',
  summary: 'Create an API key for machine access; the secret is returned once',
  tags: ['api-keys'],
  roles: ['admin'],
  body: z.object({ name: z.string().trim().min(1).max(64), role: apiKeyRoleSchema }),
  response: z.object({ key: apiKeySchema, secret: z.string() }),
});

export const revokeApiKeyEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/api-keys/:id',
  summary: 'Revoke an API key',
  tags: ['api-keys'],
  roles: ['admin'],
  params: idParams,
  response: apiKeySchema,
});

export const auditEntrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  ts: z.string(),
  actor: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date or date-time');

export const auditQuerySchema = z.object({
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const listAuditEndpoint = endpoint({
  method: 'GET',
  path: '/api/audit',
  summary: 'Read the audit log, newest first (filter by action, actor, time range)',
  tags: ['audit'],
  roles: ['auditor', 'admin'],
  query: auditQuerySchema,
  response: z.object({ items: z.array(auditEntrySchema), total: z.number(), page: z.number(), pageSize: z.number() }),
});

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  count: z.number(),
  headHash: z.string(),
  brokenAt: z.object({ seq: z.number(), id: z.string(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const verifyAuditEndpoint = endpoint({
  method: 'GET',
  path: '/api/audit/verify',
  summary: "Recompute the audit log's hash chain and report the first entry that does not match",
  tags: ['audit'],
  roles: ['auditor', 'admin'],
  response: auditVerificationSchema,
});
