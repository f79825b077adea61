import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.js';
import { packagePath } from '../paths.js';
import { registerApiDocs } from './api-docs.js';
import { healthRoutes } from './health.js';
import { urlForLog } from './log-url.js';
import { registerMetrics } from './metrics.js';
import { refuseNulBytes } from './nul-bytes.js';
import { errorHandler, sendProblem } from './problem.js';
import { registerSecurityHeaders } from './security-headers.js';

/** Registers a capability's routes on the app (each route declares its schema and its access rule). */
export type RoutePlugin = (app: FastifyInstance, deps: Deps) => void;

/** What the composition root (`src/app/`) gives the HTTP plumbing: nothing here knows a capability. */
export interface HttpAppParts {
  /**
   * Installs authentication and authorisation: called once, after the plumbing's hooks and before any route, so it
   * can refuse a route that declares no access rule and turn away a caller before the body is parsed.
   */
  guard: (app: FastifyInstance, deps: Deps) => void;
  /** Every route plugin, in order. */
  routes: readonly RoutePlugin[];
}

/** The web app's build (`npm run build`), found from Accord's folder whatever the working directory. */
export const WEB_DIST = packagePath('web', 'dist');

export interface AppOptions {
  /** Where the built web app is; omitted or missing means API only. */
  webDist?: string;
  logger?: boolean;
}

/** The Fastify app: logging, errors, security headers, cookies, OpenAPI, metrics, health, the web app, and the given parts. */
export async function createHttpApp(
  deps: Deps,
  parts: HttpAppParts,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.LOG_LEVEL,
            // Secrets and personal data never reach the logs: no cookie or token, no client address (personal data,
            // kept hashed where a rule needs it), no query string or link token (urlForLog).
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'req.headers["x-csrf-token"]',
              'res.headers["set-cookie"]',
            ],
            serializers: {
              req: (request: { method: string; url: string; id: string }) => ({
                id: request.id,
                method: request.method,
                url: urlForLog(request.url),
              }),
            },
          },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    // X-Forwarded-For and -Proto are believed only from the proxies the operator names (login throttling and the
    // session's IP rest on the client address).
    trustProxy: deps.config.TRUST_PROXY ? deps.config.TRUST_PROXY.split(',').map((entry) => entry.trim()) : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });
  // The API speaks JSON only; any other body type is refused with 415 instead of reaching a handler as text.
  app.removeContentTypeParser('text/plain');

  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Accord API',
        version: '1',
        description:
          'Responsible debt collection. Sign in with POST /api/v1/auth/login (session cookie); send the returned csrfToken ' +
          'in the X-CSRF-Token header on every POST, PATCH, PUT and DELETE. Errors are application/problem+json (RFC 9457) ' +
          'with a stable `code`. Money is in integer cents.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'accord_session' },
          bearerKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'an API key given by the agency (the partner API)',
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await registerApiDocs(app, deps.config);

  registerMetrics(app, deps.config);
  // onRequest: a caller without the right is turned away before its body is even parsed.
  parts.guard(app, deps);
  // PostgreSQL refuses NUL in text: such input is a 400 before any route sees it.
  app.addHook('preValidation', refuseNulBytes);

  healthRoutes(app, deps);
  for (const routes of parts.routes) routes(app, deps);

  const webDist = options.webDist ?? WEB_DIST;
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // The web app routes in the browser: any other page address gets index.html.
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api') && !path.includes('.')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(
      request,
      reply,
      404,
      'not_found',
      `There is no ${request.method} ${path}: check the address against /api/docs.`,
    );
  });
  return app;
}
