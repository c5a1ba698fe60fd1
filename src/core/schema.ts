// Browser-safe core types: the console imports this file; it must not import Node modules.
import { z } from 'zod';

// Schemas shared with the console say a pattern's refusal in both languages (zod-messages.ts is browser-safe).
export { patternMessage } from './zod-messages';

export const roles = ['admin', 'operator', 'analyst', 'agent', 'auditor'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

export const locales = ['zh-CN', 'en-US'] as const;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messages: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
    details: z.unknown().optional(),
  }),
});

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP endpoint, declared once in a capability's schema.ts: the server registers it (validating with
 * these schemas and checking the roles), OpenAPI is generated from it, and the console's typed client calls
 * it. `roles: 'public'` is the explicit, reviewable exception (login, health).
 */
export interface Endpoint<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly roles: readonly Role[] | 'public';
  readonly params?: Params;
  readonly query?: Query;
  readonly body?: Body;
  readonly response: Response;
}

export function endpoint<
  Params extends z.ZodType = z.ZodUndefined,
  Query extends z.ZodType = z.ZodUndefined,
  Body extends z.ZodType = z.ZodUndefined,
  Response extends z.ZodType = z.ZodType,
>(definition: Endpoint<Params, Query, Body, Response>): Endpoint<Params, Query, Body, Response> {
  return Object.freeze(definition);
}

export type EndpointParams<E> = E extends Endpoint<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.infer<P> : never;
export type EndpointQuery<E> = E extends Endpoint<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.infer<Q> : never;
export type EndpointBody<E> = E extends Endpoint<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.infer<B> : never;
export type EndpointResponse<E> = E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.infer<R> : never;

/** Fills `:name` segments of an endpoint path: ('/api/customers/:id', {id: 'C1'}) → '/api/customers/C1'. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

// The expression language is browser-safe: the console parses and type-checks rules as the user types,
// with the same parser and checker the server uses before it saves anything.
export {
  parseExpression,
  printExpression,
  checkExpression,
  prepareExpression,
  catalogOf,
  type CatalogEntry,
  type ExprCatalog,
  type ExprType,
  type ExprErrorDetails,
} from './expr';
