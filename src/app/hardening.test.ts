import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';

const METRICS_TOKEN = 'hardening-metrics-token-0123456789abcdef';

describe.each(ENGINES)('security headers, metrics and API documentation on %s', (engine) => {
  let closed: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    closed = await createTestApp(engine, { demo: true });
    open = await createTestApp(engine, { config: { API_DOCS: 'on', METRICS_TOKEN, TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => {
    await closed.close();
    await open.close();
  });

  it('sends a CSP without inline script that forbids framing, on pages, API answers and problems alike', async () => {
    for (const url of ['/api/health', '/api/v1/me', '/nowhere']) {
      const response = await closed.app.inject({ method: 'GET', url });
      const csp = response.headers['content-security-policy'] as string;
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp, url).not.toContain('unsafe-inline');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('sends HSTS only over HTTPS', async () => {
    const plain = await closed.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Without TRUST_PROXY a client cannot claim HTTPS with a header.
    const claimed = await closed.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
    const proxied = await open.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('forbids caching of every API answer, documents with personal data included', async () => {
    const agent = await signIn(closed.app, demoEmail('manager'));
    const me = await as(closed.app, agent)('GET', '/api/v1/me');
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await closed.app.inject({ method: 'GET', url: '/api/v1/cases' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    const payment = await closed.deps.db.selectFrom('payments').select('id').limit(1).executeTakeFirstOrThrow();
    const pdf = await as(closed.app, agent)('GET', `/api/v1/payments/${payment.id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/pdf/);
    expect(pdf.headers['cache-control']).toBe('no-store');
  });

  it('does not serve /metrics without METRICS_TOKEN, and with it only to the bearer of the token', async () => {
    expect((await closed.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const anonymous = await open.app.inject({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'metrics.unauthorized' });
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await open.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await open.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toMatch(/accord_process_cpu_seconds_total/);
  });

  it('serves the API documentation only with API_DOCS=on, keeps health public and app.swagger() in-process', async () => {
    for (const url of ['/api/docs/', '/api/openapi.json']) {
      expect((await closed.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    expect((await closed.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await closed.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    expect((closed.app.swagger() as { openapi: string }).openapi).toBe('3.1.0');

    const page = await open.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self';/);
    // The page loads its scripts from files, none inline.
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await open.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })).statusCode).toBe(
      200,
    );
    expect((await open.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()).toMatchObject({
      openapi: '3.1.0',
    });
  });
});
