import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { DEMO_PASSWORD } from '../demo/seed.js';

const NEW_PASSWORD = 'Copper-lantern-meadow-58';

describe.each(ENGINES)('a forgotten password, asked from the sign-in page, on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    manager = await signIn(t.app, demoEmail('manager'));
  });
  afterAll(() => t.close());

  const ask = (email: string, newPassword = NEW_PASSWORD, ip = '198.51.100.7') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-forgotten',
      payload: { email, newPassword },
      remoteAddress: ip,
    });
  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const requestsOf = (userId: string) =>
    t.deps.db
      .selectFrom('user_access_requests')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', 'password_reset')
      .execute();

  it('answers the same for an unknown address and an account, and opens a request only for the account', async () => {
    const agent = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('agent'))
      .executeTakeFirstOrThrow();
    const before = await t.deps.db.selectFrom('user_access_requests').select('id').execute();
    const unknown = await ask('nobody.here@demo.accord.test');
    const known = await ask(demoEmail('agent').toUpperCase());
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.json()).toEqual(known.json());
    const after = await t.deps.db.selectFrom('user_access_requests').select('id').execute();
    expect(after.length).toBe(before.length + 1);
    const [request] = await requestsOf(agent.id);
    expect(request).toMatchObject({ status: 'pending', requested_by: agent.id });
    expect(request!.password_hash).not.toContain(NEW_PASSWORD);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'target_id', 'after'])
      .where('action', '=', 'user_access.requested')
      .where('target_id', '=', agent.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_user_id: agent.id,
      after: expect.objectContaining({ kind: 'password_reset' }),
    });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);

    // Meanwhile the current password still signs in (a stranger's request cannot lock the person out); the new one
    // waits for the approval.
    expect((await login(demoEmail('agent'), DEMO_PASSWORD)).statusCode).toBe(200);
    const early = await login(demoEmail('agent'), NEW_PASSWORD);
    expect(early.json().code).toBe('auth.password_reset_pending');

    // The manager sees it waiting in the bell, approves it, and the new password signs in; the old one no longer.
    const bell = (await as(t.app, manager)('GET', '/api/v1/notifications')).json() as {
      items: { kind: string; id: string }[];
    };
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'access_password_reset', id: request!.id }));
    const decided = await as(t.app, manager)('POST', `/api/v1/user-access-requests/${request!.id}/decision`, {
      decision: 'approve',
      reason: 'Rappelée au numéro connu, demande confirmée',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await login(demoEmail('agent'), NEW_PASSWORD)).statusCode).toBe(200);
    expect((await login(demoEmail('agent'), DEMO_PASSWORD)).json().code).toBe('auth.invalid_credentials');
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('refuses a weak password before looking anything up, and limits requests alike for any address', async () => {
    const weak = await ask('nobody.here@demo.accord.test', 'short', '198.51.100.9');
    expect(weak.statusCode).toBe(400);
    // Three requests an hour from one network, whatever the addresses; the fourth waits, and says so the same way.
    const answers = [];
    for (const email of [
      'a@demo.accord.test',
      demoEmail('compliance_officer'),
      'b@demo.accord.test',
      'c@demo.accord.test',
    ])
      answers.push(await ask(email, NEW_PASSWORD, '203.0.113.5'));
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202, 429]);
    expect(answers[3]!.json().code).toBe('auth.too_many_reset_requests');
    expect(Number(answers[3]!.headers['retry-after'])).toBeGreaterThan(0);
    // Three for one account, from any network.
    const forOne = [];
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'])
      forOne.push((await ask('d@demo.accord.test', NEW_PASSWORD, ip)).statusCode);
    expect(forOne).toEqual([202, 202, 202, 429]);
  });
});
