import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { DEMO_PASSWORD } from '../demo/seed.js';

describe.each(ENGINES)('sign-in, sessions and CSRF on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
  });
  afterAll(() => t.close());

  it('signs in with an httpOnly, SameSite=Strict cookie and returns permissions and the CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'AGENT@demo.accord.test ', password: DEMO_PASSWORD },
    });
    // The email is normalised; the trailing space is invalid for the email format, so send it clean instead.
    expect(response.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'AGENT@demo.accord.test', password: DEMO_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'accord_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(ok.json()).toMatchObject({
      role: 'agent',
      permissions: expect.arrayContaining(['cases.read']),
      csrfToken: expect.any(String),
    });
  });

  it('stores passwords as argon2id and sessions only as token hashes', async () => {
    const user = await t.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', demoEmail('agent'))
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const session = await signIn(t.app, demoEmail('manager'));
    const token = session.cookie.split('=')[1]!;
    const stored = await t.deps.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
    expect(stored.length).toBeGreaterThan(0);
  });

  it('answers 401 without a session and with a forged one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: 'accord_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'auth.required' });
  });

  it('requires the CSRF header on state-changing requests', async () => {
    const session = await signIn(t.app, demoEmail('agent'));
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: session.cookie },
      payload: { locale: 'en' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ code: 'auth.csrf_failed' });
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: session.cookie, 'x-csrf-token': 'nope' },
      payload: { locale: 'en' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await as(t.app, session)('PATCH', '/api/v1/me', { locale: 'en' });
    expect(right.statusCode).toBe(204);
    expect((await as(t.app, session)('GET', '/api/v1/me')).json()).toMatchObject({ locale: 'en' });
  });

  it('ends the session on logout', async () => {
    const session = await signIn(t.app, demoEmail('agent'));
    expect((await as(t.app, session)('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, session)('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('expires a session after its lifetime', async () => {
    const session = await signIn(t.app, demoEmail('judicial_specialist'));
    t.clock.advance((t.deps.config.SESSION_TTL_HOURS + 1) * 3_600_000);
    try {
      expect((await as(t.app, session)('GET', '/api/v1/me')).statusCode).toBe(401);
    } finally {
      t.clock.now = new Date();
    }
  });

  it('gives the same answer and no hint for an unknown email', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@demo.accord.test', password: 'whatever-password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'auth.invalid_credentials' });
  });

  it('lets an administrator create a user who can then sign in once a manager approves the access, and audits it', async () => {
    const admin = await signIn(t.app, demoEmail('administrator'));
    const created = await as(t.app, admin)('POST', '/api/v1/users', {
      email: 'new.agent@demo.accord.test',
      displayName: 'Nouvel Agent',
      role: 'agent',
      password: 'a-long-enough-password',
    });
    expect(created.statusCode).toBe(201);
    // An agent reads case data: the account waits for a second person (separation of duties).
    const pending = created.json() as { active: boolean; pendingAccess: { requestId: string } };
    expect(pending.active).toBe(false);
    const manager = await signIn(t.app, demoEmail('manager'));
    const approved = await as(t.app, manager)(
      'POST',
      `/api/v1/user-access-requests/${pending.pendingAccess.requestId}/decision`,
      { decision: 'approve' },
    );
    expect(approved.statusCode).toBe(200);
    const duplicate = await as(t.app, admin)('POST', '/api/v1/users', {
      email: 'new.agent@demo.accord.test',
      displayName: 'Again',
      role: 'agent',
      password: 'a-long-enough-password',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'users.email_taken' });
    const shortPassword = await as(t.app, admin)('POST', '/api/v1/users', {
      email: 'x@demo.accord.test',
      displayName: 'X',
      role: 'agent',
      password: 'short',
    });
    expect(shortPassword.statusCode).toBe(400);
    const unbound = await as(t.app, admin)('POST', '/api/v1/users', {
      email: 'y@demo.accord.test',
      displayName: 'Y',
      role: 'creditor_user',
      password: 'a-long-enough-password',
    });
    expect(unbound.json()).toMatchObject({ code: 'users.creditor_required' });
    await signIn(t.app, 'new.agent@demo.accord.test', 'a-long-enough-password');
    const entry = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.created')
      .where('actor_user_id', '=', admin.userId)
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ email: 'new.agent@demo.accord.test', role: 'agent' });
  });

  it('ends the sessions of a deactivated user at once', async () => {
    const session = await signIn(t.app, 'new.agent@demo.accord.test', 'a-long-enough-password');
    const admin = await signIn(t.app, demoEmail('administrator'));
    const response = await as(t.app, admin)('PATCH', `/api/v1/users/${session.userId}`, { active: false });
    expect(response.json()).toMatchObject({ active: false });
    expect((await as(t.app, session)('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('does not let administrators deactivate themselves', async () => {
    const admin = await signIn(t.app, demoEmail('administrator'));
    const response = await as(t.app, admin)('PATCH', `/api/v1/users/${admin.userId}`, { active: false });
    expect(response.json()).toMatchObject({ code: 'users.self_lockout' });
  });
});
