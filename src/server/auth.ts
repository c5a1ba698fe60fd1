import type { FastifyRequest } from 'fastify';
import { fail, type AuthenticatedUser } from '../core';
import type { Role } from '../core/schema';
import type { Database } from '../db';
import { authenticate, sessionCookieName } from '../security';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the route's auth hook: who is calling, or null for an anonymous call to a public endpoint. */
    principal: AuthenticatedUser | null;
  }
}

export interface AuthDeps {
  readonly db: Database;
}

/** The `Authorization: Bearer …` value, if any; other schemes are not ours and are ignored. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function authenticateRequest(request: FastifyRequest, deps: AuthDeps): Promise<AuthenticatedUser | null> {
  return authenticate(deps.db, { sessionToken: request.cookies[sessionCookieName], bearer: bearerOf(request) });
}

export interface Requirement {
  readonly roles: readonly Role[];
  readonly allowPendingPasswordChange?: boolean | undefined;
}

/** Fails closed: 401 without a caller, 403 for a role not listed or a one-time password not yet replaced. */
export function authorize(principal: AuthenticatedUser | null, requirement: Requirement): AuthenticatedUser {
  if (!principal) fail('unauthenticated', '请先登录', 'log in first');
  if (!requirement.roles.includes(principal.role)) {
    fail('forbidden', `角色 ${principal.role} 无权访问此功能`, `role ${principal.role} may not use this`, {
      role: principal.role,
      allowed: requirement.roles,
    });
  }
  if (principal.mustChangePassword && !requirement.allowPendingPasswordChange) {
    fail('forbidden', '请先修改一次性密码', 'change your one-time password first', { reason: 'password_change_required' });
  }
  return principal;
}
