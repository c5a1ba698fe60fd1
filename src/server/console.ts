import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../core';
import { docsPrefix } from './openapi';

/** Serves the built console (web/dist) if it exists; returns whether it does, for the SPA fallback. */
export async function installConsole(app: FastifyInstance, webRoot: string | null): Promise<boolean> {
  if (!webRoot || !existsSync(join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    // The files are known at build time; listing them instead of a wildcard route leaves unmatched paths to
    // the not-found handler, which decides between the console and a JSON 404.
    wildcard: false,
    setHeaders: (reply, path) => {
      // Hashed asset names change with content and may be cached; index.html must be re-read every time.
      reply.header('cache-control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  return true;
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith(docsPrefix) || url === '/metrics' || url === '/healthz';
}

/** A browser asking for /segments/42 gets the console, which routes on the client; API paths get a JSON 404. */
export function notFoundHandler(hasConsole: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = request.url.split('?')[0] ?? '/';
    if (hasConsole && (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(path)) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    fail('not_found', `找不到 ${request.method} ${path}`, `no route for ${request.method} ${path}`);
  };
}
