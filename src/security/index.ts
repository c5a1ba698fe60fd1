// The security capability's public door: users, sessions, API keys, the audit log and PII masking.
export { securityMigrations } from './migrations';
export { securityRoutes } from './routes';
export { authenticate, type Credentials } from './authenticate';
export { login, type LoginInput, type LoginPolicies } from './login';
export { sessionCookieName } from './session-cookie';
export { defaultSessionPolicy, purgeExpiredSessions, type SessionPolicy } from './sessions-store';
export { defaultThrottlePolicy, type ThrottlePolicy } from './login-throttle';
export { appendAudit, listAudit, verifyAuditChain, type AuditAction, type AuditInput } from './audit-store';
export { ensureFirstAdmin, type FirstAdmin } from './first-admin';
export {
  actorOf,
  changeOwnPassword,
  createUserAccount,
  resetUserPassword,
  updateUserAccount,
  type Actor,
  type CreateUserInput,
  type UserUpdate,
} from './user-admin';
export { findUserById, findUserByUsername, listUsers, publicUser } from './users-store';
export { createApiKeyAudited, revokeApiKeyAudited } from './api-key-admin';
export { listApiKeys } from './api-keys-store';
export { safeEqual } from './tokens';
export { canSeePii, maskCustomer, maskEmail, maskIdHash, maskName, maskPhone, piiAccess, type CustomerPii, type PiiAccess } from './masking';
export { authorizeUnmask } from './unmask';
export * from './schema';
