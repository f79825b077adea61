import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { errorHandler } from '../platform/http/problem.js';

/** Bad input of every kind gets a clear problem+json answer with a stable code, never a 500. */
describe.each(ENGINES)('bad input on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, config: { BODY_LIMIT_BYTES: 4096 } });
    admin = await signIn(t.app, demoEmail('administrator'));
  });
  afterAll(() => t.close());

  const withSession = (extra: Record<string, string> = {}) => ({
    cookie: admin.cookie,
    'x-csrf-token': admin.csrf,
    ...extra,
  });
  const withSessionOf = (session: Session, extra: Record<string, string> = {}) => ({
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    ...extra,
  });

  function expectProblem(
    response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
    status: number,
    code: string,
  ) {
    expect(response.statusCode).toBe(status);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const body = response.json() as Record<string, unknown>;
    expect(body).toMatchObject({
      status,
      code,
      type: `urn:accord:problem:${code}`,
      detail: expect.any(String),
      requestId: expect.any(String),
    });
    return body;
  }

  it('malformed JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: withSession({ 'content-type': 'application/json' }),
      payload: '{"email": "a@b.c",',
    });
    expectProblem(response, 400, 'request.malformed_json');
  });

  it('an empty body declared as JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: withSession({ 'content-type': 'application/json' }),
      payload: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.statusCode).toBeLessThan(500);
  });

  it('unknown fields, naming them', async () => {
    const response = await as(t.app, admin)('PATCH', '/api/v1/me', { locale: 'fr', isAdmin: true });
    const body = expectProblem(response, 400, 'request.validation_failed');
    expect(body.detail).toMatch(/"isAdmin"/);
    expect(body.errors).toEqual([
      expect.objectContaining({ path: 'body', message: expect.stringMatching(/unknown field/) }),
    ]);
  });

  it('wrong types and values, with the path of each', async () => {
    const response = await as(t.app, admin)('POST', '/api/v1/users', {
      email: 42,
      displayName: '',
      role: 'emperor',
      password: 'long-enough-password',
    });
    const body = expectProblem(response, 400, 'request.validation_failed');
    const paths = (body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.displayName', 'body.role']));
  });

  it('an invalid path parameter and query string', async () => {
    expectProblem(
      await as(t.app, admin)('PATCH', '/api/v1/users/not-a-uuid', { displayName: 'x' }),
      400,
      'request.validation_failed',
    );
    const manager = await signIn(t.app, demoEmail('manager'));
    expectProblem(await as(t.app, manager)('GET', '/api/v1/cases?limit=100000'), 400, 'request.validation_failed');
    expectProblem(
      await as(t.app, manager)('GET', '/api/v1/cases?openedAfter=24/11/2026'),
      400,
      'request.validation_failed',
    );
    expectProblem(await as(t.app, manager)('GET', '/api/v1/cases?unknown=1'), 400, 'request.validation_failed');
  });

  it('an oversized body', async () => {
    const response = await as(t.app, admin)('POST', '/api/v1/users', {
      email: 'big@demo.accord.test',
      displayName: 'x'.repeat(10_000),
      role: 'agent',
      password: 'long-enough-password',
    });
    expectProblem(response, 413, 'request.too_large');
  });

  it('an unsupported media type', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: withSession({ 'content-type': 'text/plain' }),
      payload: 'hello',
    });
    expectProblem(response, 415, 'request.unsupported_media_type');
  });

  it('an unknown route and an unknown method', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
    expectProblem(await t.app.inject({ method: 'DELETE', url: '/api/v1/me' }), 404, 'not_found');
  });

  it('impossible or out-of-range calendar dates, in a query string and in a body', async () => {
    const manager = await signIn(t.app, demoEmail('manager'));
    for (const date of ['2026-02-30', '9999-99-99', '0000-01-01', '2025-02-29', '1899-12-31', '2200-01-01']) {
      const body = expectProblem(
        await as(t.app, manager)('GET', `/api/v1/cases?openedAfter=${date}`),
        400,
        'request.validation_failed',
      );
      expect(body.detail).toMatch(/^querystring\.openedAfter: /);
    }
    expect((await as(t.app, manager)('GET', '/api/v1/cases?openedAfter=2024-02-29')).statusCode).toBe(200);
    const creditorId = (await t.deps.db.selectFrom('creditors').select('id').executeTakeFirstOrThrow()).id;
    const body = expectProblem(
      await as(t.app, manager)('POST', '/api/v1/remittances', { creditorId, periodTo: '2026-02-30' }),
      400,
      'request.validation_failed',
    );
    expect(body.detail).toMatch(/^body\.periodTo: this day does not exist/);
  });

  it('a NUL character anywhere in the path, the query string or the body, without echoing the value', async () => {
    const manager = await signIn(t.app, demoEmail('manager'));
    const inQuery = expectProblem(
      await as(t.app, manager)('GET', '/api/v1/cases?q=Mar%00tin'),
      400,
      'request.nul_byte',
    );
    expect(inQuery).toMatchObject({ path: 'query.q' });
    expect(inQuery.detail).not.toMatch(/Mar/);
    expectProblem(await as(t.app, manager)('GET', '/api/v1/cases/%00'), 400, 'request.nul_byte');
    const inBody = expectProblem(
      await as(t.app, admin)('PATCH', `/api/v1/users/${manager.userId}`, { displayName: 'Isabelle\u0000Moreau' }),
      400,
      'request.nul_byte',
    );
    expect(inBody).toMatchObject({ path: 'body.displayName' });
    const compliance = await signIn(t.app, demoEmail('compliance_officer'));
    const nested = expectProblem(
      await as(t.app, compliance)('POST', '/api/v1/contact-policy/simulations', { facts: { name: ['a', 'b\u0000'] } }),
      400,
      'request.nul_byte',
    );
    expect(nested).toMatchObject({ path: 'body.facts.name.1' });
    const fileName = expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/bank-statements?fileName=a%00.xml',
        headers: withSessionOf(manager, { 'content-type': 'application/xml' }),
        payload: '<Document/>',
      }),
      400,
      'request.nul_byte',
    );
    expect(fileName).toMatchObject({ path: 'query.fileName' });
  });

  it('path integers beyond a PostgreSQL integer', async () => {
    const manager = await signIn(t.app, demoEmail('manager'));
    for (const url of [
      '/api/v1/strategies/versions/2147483648',
      '/api/v1/contact-policy/versions/2147483648',
      '/api/v1/strategies/versions/9007199254740993',
      '/api/v1/contact-policy/versions/1e400',
    ]) {
      expectProblem(await as(t.app, manager)('GET', url), 400, 'request.validation_failed');
    }
    expectProblem(await as(t.app, manager)('GET', '/api/v1/strategies/versions/2147483647'), 404, 'not_found');
  });

  it('an unknown team or creditor id on a user, naming which', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const target = (
      await t.deps.db.selectFrom('users').select('id').where('role', '=', 'agent').executeTakeFirstOrThrow()
    ).id;
    const team = expectProblem(
      await as(t.app, admin)('PATCH', `/api/v1/users/${target}`, { teamId: unknown }),
      422,
      'users.unknown_team',
    );
    expect(team).toMatchObject({ teamId: unknown });
    const creditor = expectProblem(
      await as(t.app, admin)('POST', '/api/v1/users', {
        email: 'new.creditor@demo.accord.test',
        displayName: 'New',
        role: 'creditor_user',
        creditorId: unknown,
        password: 'long-enough-password',
      }),
      422,
      'users.unknown_creditor',
    );
    expect(creditor).toMatchObject({ creditorId: unknown });
    expectProblem(
      await as(t.app, admin)('POST', '/api/v1/users', {
        email: 'new.agent@demo.accord.test',
        displayName: 'New',
        role: 'agent',
        teamId: unknown,
        password: 'long-enough-password',
      }),
      422,
      'users.unknown_team',
    );
    expect(
      await t.deps.db
        .selectFrom('users')
        .select('id')
        .where('email', 'in', ['new.creditor@demo.accord.test', 'new.agent@demo.accord.test'])
        .execute(),
    ).toEqual([]);
  });

  it('malformed, entity-laden or deeply nested camt XML', async () => {
    const manager = await signIn(t.app, demoEmail('manager'));
    const post = (xml: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/bank-statements',
        headers: withSessionOf(manager, { 'content-type': 'application/xml' }),
        payload: xml,
      });
    expectProblem(await post('<Document><BkToCstmrStmt>'), 422, 'bank_files.malformed_xml');
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Document>&lol2;</Document>';
    expectProblem(await post(laughs), 422, 'bank_files.doctype_refused');
    expectProblem(await post('<!DOCTYPE x SYSTEM "file:///etc/passwd"><Document/>'), 422, 'bank_files.doctype_refused');
    expectProblem(
      await post(`<Document>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</Document>`),
      422,
      'bank_files.malformed_xml',
    );
    expectProblem(await post('<Document><__proto__><x>1</x></__proto__></Document>'), 422, 'bank_files.malformed_xml');
    expectProblem(await post('<Document>\u0000</Document>'), 422, 'bank_files.malformed_xml');
  });

  it('the database refusing client data is a 4xx problem, not a 500 (the safety net behind the edge checks)', async () => {
    const probe = Fastify({ logger: false });
    probe.setErrorHandler(errorHandler);
    const db = t.deps.db;
    const unknown = '00000000-0000-4000-8000-000000000000';
    probe.get('/22008', () => sql`select ${'0000-01-01'}::date`.execute(db));
    probe.get('/22P02', () => sql`select ${'not-a-uuid'}::uuid`.execute(db));
    probe.get('/22003', () => sql`select ${'2147483648'}::int4`.execute(db));
    probe.get('/22021', () => sql`select ${'a\u0000b'}::text`.execute(db));
    probe.get('/23503', () =>
      db.updateTable('users').set({ team_id: unknown }).where('id', '=', admin.userId).execute(),
    );
    const expected = {
      '22008': [400, 'request.invalid_date'],
      '22P02': [400, 'request.invalid_value'],
      '22003': [422, 'request.number_out_of_range'],
      '22021': [400, 'request.invalid_text'],
      '23503': [422, 'request.unknown_reference'],
    } as const;
    for (const [state, [status, code]] of Object.entries(expected)) {
      expectProblem(await probe.inject({ method: 'GET', url: `/${state}` }), status, code);
    }
    await probe.close();
  });

  it('a missing session, before the body is even read', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'content-type': 'application/json' },
      payload: '{broken',
    });
    expectProblem(response, 401, 'auth.required');
  });
});
