import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';

/** Bad input of every kind gets a clear problem+json answer with a stable code, never a 500. */
describe.each(ENGINES)('bad input on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, config: { BODY_LIMIT_BYTES: 4096 } });
    admin = await signIn(t.app, demoEmail('administrator'));
  });
  afterAll(() => t.close());

  const withSession = (extra: Record<string, string> = {}) => ({ cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...extra });

  function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) {
    expect(response.statusCode).toBe(status);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const body = response.json() as Record<string, unknown>;
    expect(body).toMatchObject({ status, code, type: `urn:accord:problem:${code}`, detail: expect.any(String), requestId: expect.any(String) });
    return body;
  }

  it('malformed JSON', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: withSession({ 'content-type': 'application/json' }), payload: '{"email": "a@b.c",' });
    expectProblem(response, 400, 'request.malformed_json');
  });

  it('an empty body declared as JSON', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: withSession({ 'content-type': 'application/json' }), payload: '' });
    expect(response.statusCode).toBe(400);
    expect(response.statusCode).toBeLessThan(500);
  });

  it('unknown fields, naming them', async () => {
    const response = await as(t.app, admin)('PATCH', '/api/v1/me', { locale: 'fr', isAdmin: true });
    const body = expectProblem(response, 400, 'request.validation_failed');
    expect(body.detail).toMatch(/"isAdmin"/);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'body', message: expect.stringMatching(/unknown field/) })]);
  });

  it('wrong types and values, with the path of each', async () => {
    const response = await as(t.app, admin)('POST', '/api/v1/users', { email: 42, displayName: '', role: 'emperor', password: 'long-enough-password' });
    const body = expectProblem(response, 400, 'request.validation_failed');
    const paths = (body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.displayName', 'body.role']));
  });

  it('an invalid path parameter and query string', async () => {
    expectProblem(await as(t.app, admin)('PATCH', '/api/v1/users/not-a-uuid', { displayName: 'x' }), 400, 'request.validation_failed');
    const manager = await signIn(t.app, demoEmail('manager'));
    expectProblem(await as(t.app, manager)('GET', '/api/v1/cases?limit=100000'), 400, 'request.validation_failed');
    expectProblem(await as(t.app, manager)('GET', '/api/v1/cases?openedAfter=24/11/2026'), 400, 'request.validation_failed');
    expectProblem(await as(t.app, manager)('GET', '/api/v1/cases?unknown=1'), 400, 'request.validation_failed');
  });

  it('an oversized body', async () => {
    const response = await as(t.app, admin)('POST', '/api/v1/users', { email: 'big@demo.accord.test', displayName: 'x'.repeat(10_000), role: 'agent', password: 'long-enough-password' });
    expectProblem(response, 413, 'request.too_large');
  });

  it('an unsupported media type', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: withSession({ 'content-type': 'text/plain' }), payload: 'hello' });
    expectProblem(response, 415, 'request.unsupported_media_type');
  });

  it('an unknown route and an unknown method', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
    expectProblem(await t.app.inject({ method: 'DELETE', url: '/api/v1/me' }), 404, 'not_found');
  });

  it('a missing session, before the body is even read', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { 'content-type': 'application/json' }, payload: '{broken' });
    expectProblem(response, 401, 'auth.required');
  });
});
