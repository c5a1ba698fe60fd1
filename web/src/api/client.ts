// The console's one way to reach the API: every call goes through an endpoint declared in a capability's
// schema.ts, so paths, methods and types cannot drift from what the server registers.
import type { z } from 'zod';
import { errorBodySchema, fillPath, type Endpoint } from '../../../src/core/schema';
import { currentLocale } from '../i18n/locale';

type Input<S> = S extends z.ZodType ? z.input<S> : never;
/** A key is optional when its schema is absent (`undefined`) or accepts an empty object (all defaults). */
type Field<K extends string, T> = undefined extends T
  ? { readonly [P in K]?: T }
  : object extends T
    ? { readonly [P in K]?: T }
    : { readonly [P in K]: T };

export type EndpointArgs<E> =
  E extends Endpoint<infer P, infer Q, infer B, z.ZodType>
    ? Field<'params', Input<P>> & Field<'query', Input<Q>> & Field<'body', Input<B> | FormData>
    : never;
export type EndpointResult<E> =
  E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;

/** A failed call: the server's error code and its message in the console's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function queryString(query: unknown): string {
  if (query === undefined || query === null || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const { error } = errorBodySchema.parse(JSON.parse(text));
    const locale = currentLocale();
    return new ApiError(response.status, error.code, error.messages[locale] ?? error.message, error.details);
  } catch {
    // Not our error shape (a proxy or a crash): still tell people something they can act on.
    const message =
      currentLocale() === 'zh-CN'
        ? `服务暂时不可用（HTTP ${response.status}），请稍后重试`
        : `The service is unavailable (HTTP ${response.status}); try again shortly`;
    return new ApiError(response.status, 'internal', message);
  }
}

/**
 * Calls one declared endpoint and returns its response parsed by the endpoint's own zod schema.
 * @example const kpis = await callEndpoint(dashboardKpisEndpoint, {});
 */
export async function callEndpoint<E extends Endpoint>(
  endpoint: E,
  args: EndpointArgs<E>,
  signal?: AbortSignal,
): Promise<EndpointResult<E>> {
  const { params, query, body } = args as {
    params?: Record<string, string | number>;
    query?: unknown;
    body?: unknown;
  };
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(fillPath(endpoint.path, params) + queryString(query), {
    method: endpoint.method,
    headers,
    body: payload,
    credentials: 'include',
    signal,
  });
  if (!response.ok) throw await errorFrom(response);
  const text = await response.text();
  const parsed = endpoint.response.safeParse(text === '' ? undefined : JSON.parse(text));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      `${endpoint.method} ${endpoint.path}: ${parsed.error.message}`,
    );
  }
  return parsed.data as EndpointResult<E>;
}
