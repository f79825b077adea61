import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';

const METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';

describe.each(ENGINES)('health, readiness, API description and metrics on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    // The API description and the metrics are opt-in (see hardening.test.ts): this app opts in.
    t = await createTestApp(engine, { config: { API_DOCS: 'on', METRICS_TOKEN } });
  });
  afterAll(() => t.close());

  it('is alive and ready once migrations are applied', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ status: 'ready', engine });
  });

  it('is not ready when a migration is missing', async () => {
    await t.deps.db.deleteFrom('schema_migrations').where('version', '=', 1).execute();
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'not_ready.migrations_pending' });
    } finally {
      const [first] = (await import('../platform/db/migrate.js')).listMigrations();
      await t.deps.db
        .insertInto('schema_migrations')
        .values({ version: first!.version, name: first!.name, checksum: first!.checksum, applied_at: new Date() })
        .execute();
    }
  });

  it('serves an OpenAPI 3.1 description of every API route and a browsable page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, object>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.app.apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path], path).toHaveProperty(route.method.toLowerCase());
    }
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/swagger/i);
  });

  it('echoes a request id and exposes Prometheus metrics', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.headers['x-request-id']).toBe('trace-123');
    const metrics = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.body).toMatch(/accord_http_request_duration_seconds_bucket\{.*route="\/api\/health"/);
    expect(metrics.body).toMatch(/accord_process_cpu_seconds_total/);
  });
});
