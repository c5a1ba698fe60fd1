// The contract between a capability's HTTP edge (its routes.ts) and the server that mounts it. It lives in
// core, not in src/server, because capabilities may not import server internals: they declare routes as
// data (an endpoint plus a handler) and the server decides how they are authenticated, validated and mounted.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Database } from '../db';
import type { Locale } from './errors';
import type { Endpoint, Role } from './schema';

/** Who is calling: a person with a session, or a machine with an API key. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly via: 'session' | 'api_key';
  /** The session id (ses_…) or API key id (key_…) the caller presented. */
  readonly credentialId: string;
  /** A user who logged in with a one-time password may only change it until they do. */
  readonly mustChangePassword: boolean;
}

/**
 * Appends an entry to the audit log as the calling user, from the caller's IP. The actor is bound by the
 * server, not passed by the handler, so a handler cannot write an entry in someone else's name.
 * Example: `await audit('export', 'seg_123', { rows: 5000 })`.
 */
export type AuditWriter = (action: string, target?: string | null, details?: Record<string, unknown>) => Promise<void>;

interface ContextBase<Params, Query, Body> {
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  readonly db: Database;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly audit: AuditWriter;
  /** The caller's language (cw_locale cookie, else Accept-Language, else zh-CN). */
  readonly locale: Locale;
  /** Whether cookies this response sets must carry `Secure` (configured, or the request came over TLS). */
  readonly cookieSecure: boolean;
}

/** What a handler of a role-checked endpoint receives: the server has already proved `user` has a listed role. */
export interface RouteContext<Params = unknown, Query = unknown, Body = unknown> extends ContextBase<Params, Query, Body> {
  readonly user: AuthenticatedUser;
}

/** What a handler of a `roles: 'public'` endpoint receives: the caller may be anonymous. */
export interface PublicRouteContext<Params = unknown, Query = unknown, Body = unknown> extends ContextBase<Params, Query, Body> {
  readonly user: AuthenticatedUser | null;
}

/** Per-route transport options the server applies (e.g. a tighter rate limit on login or ingestion). */
export interface RouteOptions {
  readonly rateLimit?: { readonly max: number; readonly windowMs: number };
  /** Allowed while the user still has to change a one-time password (me, logout, change password). */
  readonly allowPendingPasswordChange?: boolean;
}

/**
 * One mounted endpoint. Handlers are declared with method syntax on purpose: that makes a handler typed
 * for its own params/query/body assignable to this erased shape, so a capability can export a plain array.
 */
export interface RouteDefinition<Params = unknown, Query = unknown, Body = unknown, Result = unknown> {
  readonly endpoint: Endpoint;
  readonly options?: RouteOptions;
  handler(ctx: RouteContext<Params, Query, Body>): Promise<Result>;
}

/** A route on a `roles: 'public'` endpoint. Made with `publicRoute()`, so an anonymous caller is explicit. */
export interface PublicRouteDefinition<Params = unknown, Query = unknown, Body = unknown, Result = unknown> {
  readonly endpoint: Endpoint;
  readonly options?: RouteOptions;
  readonly access: 'public';
  handler(ctx: PublicRouteContext<Params, Query, Body>): Promise<Result>;
}

export type AnyRouteDefinition = RouteDefinition | PublicRouteDefinition;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * Pairs an endpoint with its handler, inferring the handler's types from the endpoint's zod schemas.
 * Example: `route(getCustomer, async ({ params, db }) => loadCustomer(db, params.id))`.
 */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, B, R>,
  handler: (ctx: RouteContext<Out<P>, Out<Q>, Out<B>>) => Promise<z.output<R>>,
  options?: RouteOptions,
): RouteDefinition<Out<P>, Out<Q>, Out<B>, z.output<R>> {
  return Object.freeze({ endpoint: endpoint as Endpoint, handler, ...(options ? { options } : {}) });
}

/** Like `route()`, for the few endpoints anyone may call (login, health). */
export function publicRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, B, R>,
  handler: (ctx: PublicRouteContext<Out<P>, Out<Q>, Out<B>>) => Promise<z.output<R>>,
  options?: RouteOptions,
): PublicRouteDefinition<Out<P>, Out<Q>, Out<B>, z.output<R>> {
  return Object.freeze({ endpoint: endpoint as Endpoint, handler, access: 'public' as const, ...(options ? { options } : {}) });
}
