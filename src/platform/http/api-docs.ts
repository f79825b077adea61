import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { API_DOCS_CSP } from './security-headers.js';

/**
 * The browsable API documentation (/api/docs) and its OpenAPI document (/api/openapi.json), served only when the
 * operator sets API_DOCS=on. Off, both answer 404 like any unknown address: the map of every route is not
 * handed to whoever reaches the server. `app.swagger()` stays available in-process either way (tests, tools).
 */
export async function registerApiDocs(app: FastifyInstance, config: Config): Promise<void> {
  if (config.API_DOCS !== 'on') return;
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: API_DOCS_CSP });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
