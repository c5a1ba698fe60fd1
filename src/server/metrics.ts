import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { fail } from '../core';
import { safeEqual } from '../security';
import { authorize, bearerOf, authenticateRequest, type AuthDeps } from './auth';

export interface MetricsOptions extends AuthDeps {
  /**
   * A bearer token Prometheus may scrape with. Without one, only an admin (session or API key) may read
   * /metrics; a scraper should not need a user's privileges to read process figures.
   */
  readonly metricsToken?: string | undefined;
}

/**
 * prom-client's default process metrics plus request durations by route template and status. A registry per
 * server (not prom-client's global one) keeps servers in one process, such as tests, from sharing counters.
 */
export function installMetrics(app: FastifyInstance, options: MetricsOptions): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    // The template, never the raw URL: ids in paths would make a series per customer.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.route({
    method: 'GET',
    url: '/metrics',
    schema: { hide: true },
    preParsing: async (request, _reply, payload) => {
      await allowScrape(request, options);
      return payload;
    },
    handler: async (_request, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  });
  return registry;
}

async function allowScrape(request: FastifyRequest, options: MetricsOptions): Promise<void> {
  const bearer = bearerOf(request);
  if (options.metricsToken && bearer !== undefined && safeEqual(bearer, options.metricsToken)) return;
  const principal = await authenticateRequest(request, options);
  if (!principal && bearer !== undefined && options.metricsToken) fail('unauthenticated', '监控令牌无效', 'invalid metrics token');
  authorize(principal, { roles: ['admin'] });
}
