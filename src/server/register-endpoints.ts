import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnyRouteDefinition, AuditWriter, PublicRouteContext } from '../core';
import { errorBodySchema, roles as knownRoles, type Role } from '../core/schema';
import type { Database } from '../db';
import { appendAudit } from '../security';
import { authenticateRequest, authorize } from './auth';
import { resolveLocale } from './locale';

export interface EndpointDeps {
  readonly db: Database;
  /** `auto`: Secure cookies when the request arrived over TLS (behind a proxy, set trustProxy too). */
  readonly cookieSecure: boolean | 'auto';
}

/** Refuses, at startup, any route whose access rule is missing or inconsistent: nothing is mounted open by accident. */
function checkDeclaration(definition: AnyRouteDefinition): readonly Role[] | 'public' {
  const { endpoint } = definition;
  const name = `${endpoint.method} ${endpoint.path}`;
  const isPublicRoute = 'access' in definition && definition.access === 'public';
  if (endpoint.roles === 'public') {
    if (!isPublicRoute) throw new Error(`${name} is public: declare its route with publicRoute() so its handler expects no user`);
    return 'public';
  }
  if (!Array.isArray(endpoint.roles) || endpoint.roles.length === 0) {
    throw new Error(`${name} declares no roles: every endpoint must list its roles or say 'public'`);
  }
  const unknown = endpoint.roles.filter((role) => !(knownRoles as readonly string[]).includes(role));
  if (unknown.length) throw new Error(`${name} lists unknown roles: ${unknown.join(', ')}`);
  if (isPublicRoute) throw new Error(`${name} lists roles but its route was made with publicRoute()`);
  return endpoint.roles;
}

function describeAccess(access: readonly Role[] | 'public'): string {
  return access === 'public' ? 'Public: no login needed.' : `Roles: ${access.join(', ')}.`;
}

function auditWriter(db: Database, request: FastifyRequest): AuditWriter {
  return async (action, target, details) => {
    const user = request.principal;
    await appendAudit(db, {
      actor: user?.username ?? 'anonymous',
      role: user?.role ?? null,
      action,
      target: target ?? null,
      ip: request.ip,
      details: details ?? {},
    });
  };
}

function contextFor(request: FastifyRequest, reply: FastifyReply, deps: EndpointDeps): PublicRouteContext {
  return {
    params: request.params,
    query: request.query,
    body: request.body,
    db: deps.db,
    user: request.principal,
    request,
    reply,
    audit: auditWriter(deps.db, request),
    locale: resolveLocale(request),
    cookieSecure: deps.cookieSecure === 'auto' ? request.protocol === 'https' : deps.cookieSecure,
  };
}

/**
 * Mounts capability routes: one place where every endpoint gets its zod validation, its OpenAPI entry and its
 * role check. Authentication runs before the body is parsed, so an anonymous caller learns nothing about
 * what a valid body would look like, and spends no parsing.
 */
export function registerEndpoints(app: FastifyInstance, routes: readonly AnyRouteDefinition[], deps: EndpointDeps): void {
  for (const definition of routes) {
    const access = checkDeclaration(definition);
    const { endpoint, options } = definition;
    const rateLimit = options?.rateLimit;
    app.route({
      method: endpoint.method,
      url: endpoint.path,
      schema: {
        summary: endpoint.summary,
        description: describeAccess(access),
        tags: [...endpoint.tags],
        ...(access === 'public' ? { security: [] } : { security: [{ session: [] }, { apiKey: [] }] }),
        ...(endpoint.params ? { params: endpoint.params } : {}),
        ...(endpoint.query ? { querystring: endpoint.query } : {}),
        ...(endpoint.body ? { body: endpoint.body } : {}),
        response: { 200: endpoint.response, '4xx': errorBodySchema, '5xx': errorBodySchema },
      },
      config: rateLimit ? { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs } } : {},
      // preParsing, not onRequest: the per-route rate limit (an onRequest hook) turns floods away first.
      preParsing: async (request, _reply, payload) => {
        request.principal = await authenticateRequest(request, deps);
        if (access !== 'public') {
          authorize(request.principal, { roles: access, allowPendingPasswordChange: options?.allowPendingPasswordChange });
        }
        return payload;
      },
      handler: async (request, reply) => {
        const ctx = contextFor(request, reply, deps);
        if ('access' in definition) return definition.handler(ctx);
        if (access === 'public') throw new Error(`${endpoint.path}: public endpoint without publicRoute()`);
        // Checked again (it is cheap) so the handler's non-null user is proven here, not assumed.
        const user = authorize(request.principal, { roles: access, allowPendingPasswordChange: options?.allowPendingPasswordChange });
        return definition.handler({ ...ctx, user });
      },
    });
  }
}
