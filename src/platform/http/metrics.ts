import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests, so neither the token's length nor its first differing byte shows in the time taken. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

/**
 * Prometheus metrics at /metrics: process figures and a latency histogram per route and status. Served only when
 * METRICS_TOKEN is set, to a scraper that sends it as `Authorization: Bearer <token>`; unset, /metrics is a 404.
 */
export function registerMetrics(app: FastifyInstance, config: Pick<Config, 'METRICS_TOKEN'>): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'accord_' });
  const duration = new Histogram({
    name: 'accord_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'accord_http_server_errors_total',
    help: 'Responses with a 5xx status',
    labelNames: ['route'],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });
  const token = config.METRICS_TOKEN;
  if (!token) return registry;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError(
        'metrics.unauthorized',
        401,
        'Send the METRICS_TOKEN setting as "Authorization: Bearer <token>".',
      );
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}
