import type {} from '@fastify/cookie';
import { fail, publicRoute, route, type AnyRouteDefinition, type AuthenticatedUser } from '../core';
import { createApiKeyAudited, revokeApiKeyAudited } from './api-key-admin';
import { listApiKeys } from './api-keys-store';
import { listAudit, verifyAuditChain } from './audit-store';
import { login } from './login';
import {
  changePasswordEndpoint,
  createApiKeyEndpoint,
  createUserEndpoint,
  listApiKeysEndpoint,
  listAuditEndpoint,
  listUsersEndpoint,
  loginEndpoint,
  logoutEndpoint,
  meEndpoint,
  resetPasswordEndpoint,
  revokeApiKeyEndpoint,
  updateUserEndpoint,
  verifyAuditEndpoint,
  type Me,
} from './schema';
import { sessionCookieName } from './session-cookie';
import { deleteSession } from './sessions-store';
import { actorOf, changeOwnPassword, createUserAccount, resetUserPassword, updateUserAccount } from './user-admin';
import { listUsers, publicUser } from './users-store';

function meOf(user: AuthenticatedUser): Me {
  const { id, username, displayName, role, via, mustChangePassword } = user;
  return { id, username, displayName, role, via, mustChangePassword };
}

// A per-IP ceiling on login attempts on top of the per-username one kept in the store: it stops one address
// from sweeping many usernames, each of which would stay under its own limit.
const loginRateLimit = { max: 20, windowMs: 60_000 };

export const securityRoutes: readonly AnyRouteDefinition[] = [
  publicRoute(
    loginEndpoint,
    async ({ body, db, request, reply, cookieSecure }) => {
      const { user, session } = await login(db, {
        username: body.username,
        password: body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(sessionCookieName, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: cookieSecure,
        path: '/',
        expires: session.expiresAt,
      });
      return meOf(user);
    },
    { rateLimit: loginRateLimit },
  ),

  route(
    logoutEndpoint,
    async ({ db, request, reply, audit, user }) => {
      const token = request.cookies[sessionCookieName];
      if (user.via === 'session' && token) await deleteSession(db, token);
      reply.clearCookie(sessionCookieName, { path: '/' });
      await audit('logout', user.id);
      return { ok: true as const };
    },
    { allowPendingPasswordChange: true },
  ),

  route(meEndpoint, async ({ user }) => meOf(user), { allowPendingPasswordChange: true }),

  route(
    changePasswordEndpoint,
    async ({ db, body, user, request }) => {
      await changeOwnPassword(db, user, { ...body, ip: request.ip });
      return { ok: true as const };
    },
    { allowPendingPasswordChange: true },
  ),

  route(listUsersEndpoint, async ({ db }) => ({ items: (await listUsers(db)).map(publicUser) })),

  route(createUserEndpoint, async ({ db, body, user, request }) => createUserAccount(db, actorOf(user, request.ip), body)),

  route(updateUserEndpoint, async ({ db, params, body, user, request }) => {
    if (params.id === user.id && (body.disabled === true || (body.role && body.role !== user.role))) {
      fail('conflict', '不能停用自己或修改自己的角色', 'you cannot disable yourself or change your own role');
    }
    return updateUserAccount(db, actorOf(user, request.ip), params.id, body);
  }),

  route(resetPasswordEndpoint, async ({ db, params, user, request }) => resetUserPassword(db, actorOf(user, request.ip), params.id)),

  route(listApiKeysEndpoint, async ({ db }) => ({ items: await listApiKeys(db) })),

  route(createApiKeyEndpoint, async ({ db, body, user, request }) => createApiKeyAudited(db, actorOf(user, request.ip), body)),

  route(revokeApiKeyEndpoint, async ({ db, params, user, request }) => revokeApiKeyAudited(db, actorOf(user, request.ip), params.id)),

  route(listAuditEndpoint, async ({ db, query }) => listAudit(db, query)),

  route(verifyAuditEndpoint, async ({ db }) => verifyAuditChain(db)),
];
