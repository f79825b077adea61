import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { hashPassword } from './passwords.js';

const FREE = 3;
const IP_FREE = 6;

describe.each(ENGINES)('sign-in throttling on %s', (engine) => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, {
      demo: true,
      config: { LOGIN_MAX_FAILURES: FREE, LOGIN_IP_MAX_FAILURES: IP_FREE, LOGIN_LOCK_MINUTES: 15 },
    });
    proxied = await createTestApp(engine, { config: { TRUST_PROXY: '10.0.0.1' } });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  // Each test signs in from its own client address, so that the per-address counts of one test do not reach another.
  const attempt = (email: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress, headers });
  const answer = (response: Awaited<ReturnType<typeof attempt>>) => {
    const { requestId: _requestId, ...body } = response.json() as Record<string, unknown>;
    return { status: response.statusCode, retryAfter: response.headers['retry-after'] ?? null, body };
  };

  it('makes the next attempt wait once the free failures are spent, even with the right password, then lets it in', async () => {
    const email = demoEmail('care_specialist');
    for (let i = 0; i < FREE; i++)
      expect((await attempt(email, 'wrong-password-123', '192.0.2.1')).statusCode).toBe(401);
    const waiting = await attempt(email, DEMO_PASSWORD, '192.0.2.2');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('30');
    expect(waiting.json()).toMatchObject({ code: 'auth.too_many_attempts', retryAfterSeconds: 30 });

    t.clock.advance(30_000);
    // One more failure doubles the wait.
    expect((await attempt(email, 'wrong-password-123', '192.0.2.1')).statusCode).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD, '192.0.2.2')).headers['retry-after']).toBe('60');
    t.clock.advance(60_000);
    expect((await attempt(email, DEMO_PASSWORD, '192.0.2.2')).statusCode).toBe(200);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.locked_out')
      .execute();
    expect(audit.length).toBe(2);
  });

  it('answers an address without an account exactly as one with an account, failures and waits included', async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < FREE + 2; i++) {
      known.push(answer(await attempt(demoEmail('judicial_specialist'), 'wrong-password-123', '192.0.2.10')));
      unknown.push(answer(await attempt('nobody.here@demo.accord.test', 'wrong-password-123', '192.0.2.11')));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ status: 429, retryAfter: '30', body: { code: 'auth.too_many_attempts' } });
    // The table never names the address that had no account.
    const subjects = await t.deps.db.selectFrom('login_throttles').select('subject').execute();
    expect(subjects.some((row) => row.subject.includes('nobody'))).toBe(false);
    t.clock.advance(30_000);
  });

  it('never keeps the owner out for longer than LOGIN_LOCK_MINUTES, however many failures, and an administrator can lift the wait', async () => {
    const email = demoEmail('administrator');
    // Twelve failures, each after the previous wait is over: the wait has grown to its cap.
    for (let i = 0; i < 12; i++) {
      expect((await attempt(email, 'wrong-password-123', `198.51.100.${i}`)).statusCode).toBe(401);
      t.clock.advance(15 * 60_000);
    }
    await attempt(email, 'wrong-password-123', '192.0.2.21');
    const longest = await attempt(email, DEMO_PASSWORD, '192.0.2.22');
    expect(longest.json()).toMatchObject({ code: 'auth.too_many_attempts', retryAfterSeconds: 15 * 60 });
    t.clock.advance(15 * 60_000);
    expect((await attempt(email, DEMO_PASSWORD, '192.0.2.22')).statusCode).toBe(200);

    const other = demoEmail('overindebtedness_specialist');
    for (let i = 0; i < FREE; i++) await attempt(other, 'wrong-password-123', '192.0.2.23');
    const admin = await signIn(t.app, email);
    const users = (await as(t.app, admin)('GET', `/api/v1/users?q=${encodeURIComponent(other)}`)).json() as {
      items: { id: string; lockedUntil: string | null }[];
    };
    expect(users.items[0]!.lockedUntil).not.toBeNull();
    expect(
      (await as(t.app, admin)('PATCH', `/api/v1/users/${users.items[0]!.id}`, { unlock: true })).json(),
    ).toMatchObject({ lockedUntil: null });
    expect((await attempt(other, DEMO_PASSWORD, '192.0.2.24')).statusCode).toBe(200);
  });

  it('slows one client address that spreads its guesses over many addresses, and nobody else', async () => {
    for (let i = 0; i < IP_FREE; i++)
      expect((await attempt(`guess${i}@demo.accord.test`, 'wrong-password-123', '192.0.2.30')).statusCode).toBe(401);
    const fromThere = await attempt(demoEmail('manager'), DEMO_PASSWORD, '192.0.2.30');
    expect(fromThere.statusCode).toBe(429);
    expect(fromThere.json()).toMatchObject({ code: 'auth.too_many_attempts' });
    expect((await attempt(demoEmail('manager'), DEMO_PASSWORD, '192.0.2.31')).statusCode).toBe(200);
  });

  it('without TRUST_PROXY, a rotating X-Forwarded-For neither escapes the counts and the rate limit nor becomes the session’s address', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await attempt(`rotating${i}@demo.accord.test`, 'wrong-password-123', '192.0.2.40', {
        'x-forwarded-for': `203.0.113.${i}`,
      });
      statuses.push((response.json() as { code: string }).code);
    }
    expect(statuses.slice(0, IP_FREE)).toEqual(Array(IP_FREE).fill('auth.invalid_credentials'));
    expect(statuses[IP_FREE]).toBe('auth.too_many_attempts');
    // The route's own limit (30 a minute per client address) is not escaped either.
    expect(statuses.at(-1)).toBe('request.rate_limited');

    const ok = await attempt(demoEmail('agent'), DEMO_PASSWORD, '192.0.2.41', { 'x-forwarded-for': '203.0.113.99' });
    expect(ok.statusCode).toBe(200);
    const session = await t.deps.db
      .selectFrom('sessions')
      .select('ip')
      .where('user_id', '=', (ok.json() as { id: string }).id)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(session.ip).toBe('192.0.2.41');
  });

  it('with TRUST_PROXY naming the proxy, takes the client address from X-Forwarded-For, and only from that proxy', async () => {
    const password_hash = await hashPassword('correct horse battery staple');
    await proxied.deps.db
      .insertInto('users')
      .values({ email: 'behind.proxy@agency.example', display_name: 'Behind Proxy', role: 'agent', password_hash })
      .execute();
    const signInVia = (remoteAddress: string) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'behind.proxy@agency.example', password: 'correct horse battery staple' },
        remoteAddress,
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
    const ips = async () =>
      (await proxied.deps.db.selectFrom('sessions').select('ip').execute()).map((row) => row.ip).sort();
    expect((await signInVia('10.0.0.1')).statusCode).toBe(200);
    expect(await ips()).toEqual(['203.0.113.7']);
    // A client that is not the named proxy cannot choose its address with the header.
    expect((await signInVia('192.0.2.50')).statusCode).toBe(200);
    expect(await ips()).toEqual(['192.0.2.50', '203.0.113.7']);
  });
});
