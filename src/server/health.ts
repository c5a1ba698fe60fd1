import { z } from 'zod';
import { CardwiseError, publicRoute } from '../core';
import { endpoint } from '../core/schema';

export const healthEndpoint = endpoint({
  method: 'GET',
  path: '/healthz',
  summary: 'Liveness and readiness: the process answers and the database file answers a query',
  tags: ['ops'],
  roles: 'public',
  response: z.object({ status: z.literal('ok'), db: z.literal('ok') }),
});

export const healthRoute = publicRoute(healthEndpoint, async ({ db, request }) => {
  try {
    await db.one('SELECT 1 AS ok');
  } catch (cause) {
    request.log.error({ err: cause }, 'health check: database query failed');
    throw new CardwiseError('internal', { 'zh-CN': '数据库无响应', 'en-US': 'the database does not answer' }, undefined, { cause });
  }
  return { status: 'ok' as const, db: 'ok' as const };
});
