import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { sessionCookieName } from '../security';

export const docsPrefix = '/docs';

/**
 * The OpenAPI document is generated from the same zod schemas that validate requests, so it cannot drift.
 * It must be registered before any route: @fastify/swagger collects routes as they are added.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cardwise API',
        description: '信用卡客户维系与精准营销平台 · credit-card retention and precision marketing. Every endpoint lists the roles that may call it.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName, description: 'set by POST /api/auth/login' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'an API key: Authorization: Bearer cw_…' },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: docsPrefix });
}
