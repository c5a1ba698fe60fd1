import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { fileURLToPath } from 'node:url';
import { CardwiseError, type AnyRouteDefinition } from '../core';
import type { Database } from '../db';
import { installConsole, notFoundHandler } from './console';
import { installErrorHandler } from './error-handler';
import { healthRoute } from './health';
import { installMetrics } from './metrics';
import { installOpenApi } from './openapi';
import { registerEndpoints } from './register-endpoints';
import { apiRoutes } from './route-table';
import { installSecurityHeaders } from './security-headers';

export interface ServerOptions {
  readonly db: Database;
  /** true for Fastify's own pino logger, or a pino instance; off by default (tests). */
  readonly logger?: boolean | FastifyBaseLogger;
  /** The built console; `null` to serve none. Defaults to web/dist of this checkout. */
  readonly webRoot?: string | null;
  /** Secure session cookies: true behind TLS, false for plain http on loopback, `auto` (default) per request. */
  readonly cookieSecure?: boolean | 'auto';
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* so client IPs (rate limits, audit) and https are right. */
  readonly trustProxy?: boolean;
  /** Capability routes; defaults to the route table. Tests pass their own to exercise role checks. */
  readonly routes?: readonly AnyRouteDefinition[];
  /** A bearer token that may read /metrics without a user (for Prometheus). */
  readonly metricsToken?: string;
}

export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The Cardwise HTTP server, assembled but not listening: `await app.listen({ host, port })` to serve, or
 * `port: 0` in tests. The caller owns the database and closes it after the server.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({
    ...(typeof options.logger === 'object' ? { loggerInstance: options.logger } : { logger: options.logger ?? false }),
    trustProxy: options.trustProxy ?? false,
    // Request bodies here are JSON definitions and filters; uploads have their own route limits.
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);

  await app.register(cookie);
  await app.register(rateLimit, {
    // Off by default: only routes that declare a limit (login, ingestion) get one.
    global: false,
    errorResponseBuilder: (_request, context) =>
      new CardwiseError(
        'rate_limited',
        { 'zh-CN': `请求过于频繁，请 ${context.after} 后再试`, 'en-US': `too many requests; try again in ${context.after}` },
        { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      ),
  });
  installErrorHandler(app);
  installSecurityHeaders(app);
  installMetrics(app, { db, metricsToken: options.metricsToken });
  await installOpenApi(app);

  const deps = { db, cookieSecure: options.cookieSecure ?? 'auto' };
  registerEndpoints(app, [healthRoute, ...(options.routes ?? apiRoutes)], deps);

  const hasConsole = await installConsole(app, options.webRoot === undefined ? defaultWebRoot : options.webRoot);
  app.setNotFoundHandler(notFoundHandler(hasConsole));
  return app;
}
