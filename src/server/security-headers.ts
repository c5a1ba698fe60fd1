import type { FastifyInstance } from 'fastify';

/**
 * Headers that cost nothing and close common holes: no MIME sniffing, no framing (clickjacking), no referrer
 * leaking ids in URLs, and API answers (which may carry personal data) never kept in a shared cache.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
