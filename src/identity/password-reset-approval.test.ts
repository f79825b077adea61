import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { DEMO_PASSWORD } from '../demo/seed.js';

const NEW_PASSWORD = 'Violet-harbour-kettle-93';

interface RequestAnswer {
  requestId: string;
  kind: string;
  status: string;
  role: string;
  user: { id: string };
  requestedBy: { id: string };
}

describe.each(ENGINES)(
  'separation of duties: a password set by an administrator waits for a second person on %s',
  (engine) => {
    let t: TestApp;
    let admin: Session;
    let compliance: Session;
    let manager: Session;
    beforeAll(async () => {
      t = await createTestApp(engine, { demo: true });
      admin = await signIn(t.app, demoEmail('administrator'));
      compliance = await signIn(t.app, demoEmail('compliance_officer'));
      manager = await signIn(t.app, demoEmail('manager'));
    });
    afterAll(() => t.close());

    const login = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const decide = (session: Session, requestId: string, body: object) =>
      as(t.app, session)('POST', `/api/v1/user-access-requests/${requestId}/decision`, body);
    const pendingReset = async (userId: string) => {
      const list = (await as(t.app, admin)('GET', '/api/v1/user-access-requests?status=pending')).json() as {
        items: RequestAnswer[];
      };
      return list.items.find((item) => item.user.id === userId && item.kind === 'password_reset');
    };
    const actions = async (targetId: string, since: number) =>
      (
        await t.deps.db
          .selectFrom('audit_log')
          .select(['seq', 'action', 'actor_user_id', 'after'])
          .where('target_id', '=', targetId)
          .orderBy('seq')
          .execute()
      )
        .filter((entry) => Number(entry.seq) > since)
        .map((entry) => ({ action: entry.action, actor: entry.actor_user_id, after: entry.after }));
    const lastSeq = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('seq').as('seq'))
            .executeTakeFirstOrThrow()
        ).seq ?? 0,
      );

    it('signs in with neither the old nor the new password until a compliance officer approves; the requesting administrator cannot', async () => {
      const email = demoEmail('agent');
      const agent = await signIn(t.app, email);
      const since = await lastSeq();

      const reset = await as(t.app, admin)('PATCH', `/api/v1/users/${agent.userId}`, { password: NEW_PASSWORD });
      expect(reset.statusCode).toBe(200);
      // The agent's sessions ended; neither password signs in, and whoever gives one is told why.
      expect((await as(t.app, agent)('GET', '/api/v1/me')).statusCode).toBe(401);
      for (const password of [DEMO_PASSWORD, NEW_PASSWORD]) {
        const refused = await login(email, password);
        expect(refused.statusCode).toBe(401);
        expect(refused.json()).toMatchObject({ code: 'auth.password_reset_pending' });
      }
      // A wrong password is still just wrong.
      expect((await login(email, 'not-the-password-at-all')).json()).toMatchObject({
        code: 'auth.invalid_credentials',
      });

      const request = await pendingReset(agent.userId);
      expect(request).toMatchObject({
        kind: 'password_reset',
        status: 'pending',
        role: 'agent',
        requestedBy: { id: admin.userId },
      });
      // The hash waits in the request and never reaches the list or the audit trail.
      expect(JSON.stringify(request)).not.toContain('argon2');

      // The administrator who set it may not approve it (no permission), nor may the account itself.
      expect((await decide(admin, request!.requestId, { decision: 'approve' })).statusCode).toBe(403);
      await t.deps.db
        .updateTable('user_access_requests')
        .set({ requested_by: manager.userId })
        .where('id', '=', request!.requestId)
        .execute();
      expect((await decide(manager, request!.requestId, { decision: 'approve' })).json()).toMatchObject({
        code: 'user_access.own_request',
      });
      await t.deps.db
        .updateTable('user_access_requests')
        .set({ requested_by: admin.userId })
        .where('id', '=', request!.requestId)
        .execute();
      expect((await login(email, NEW_PASSWORD)).statusCode).toBe(401);

      const approved = await decide(compliance, request!.requestId, { decision: 'approve' });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({
        kind: 'password_reset',
        status: 'approved',
        decidedBy: { id: compliance.userId },
      });
      expect((await login(email, DEMO_PASSWORD)).json()).toMatchObject({ code: 'auth.invalid_credentials' });
      const again = await signIn(t.app, email, NEW_PASSWORD);
      expect((await as(t.app, again)('GET', '/api/v1/me')).json()).toMatchObject({ role: 'agent' });
      const stored = await t.deps.db
        .selectFrom('user_access_requests')
        .select('password_hash')
        .where('id', '=', request!.requestId)
        .executeTakeFirstOrThrow();
      expect(stored.password_hash).toBeNull();

      const entries = await actions(agent.userId, since);
      expect(entries.map((entry) => entry.action)).toEqual([
        'user.updated_with_password',
        'user_access.requested',
        'auth.login_refused',
        'auth.login_refused',
        'auth.login_failed',
        'auth.login_refused',
        'user_access.approved',
        'auth.login_failed',
        'auth.login',
      ]);
      expect(entries.find((entry) => entry.action === 'user_access.requested')).toMatchObject({
        actor: admin.userId,
        after: { kind: 'password_reset' },
      });
      expect(entries.find((entry) => entry.action === 'user_access.approved')).toMatchObject({
        actor: compliance.userId,
      });
      expect(JSON.stringify(entries)).not.toContain('argon2');
    });

    it('discards the new password on refusal: the old one signs in again', async () => {
      const email = demoEmail('care_specialist');
      const person = await signIn(t.app, email);
      await as(t.app, admin)('PATCH', `/api/v1/users/${person.userId}`, { password: NEW_PASSWORD });
      const request = await pendingReset(person.userId);
      const refused = await decide(manager, request!.requestId, {
        decision: 'refuse',
        reason: 'Nobody asked for a new password',
      });
      expect(refused.json()).toMatchObject({
        kind: 'password_reset',
        status: 'refused',
        reason: 'Nobody asked for a new password',
      });
      expect((await login(email, NEW_PASSWORD)).json()).toMatchObject({ code: 'auth.invalid_credentials' });
      await signIn(t.app, email);
      const stored = await t.deps.db
        .selectFrom('user_access_requests')
        .select('password_hash')
        .where('id', '=', request!.requestId)
        .executeTakeFirstOrThrow();
      expect(stored.password_hash).toBeNull();
      const audit = await t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('target_id', '=', person.userId)
        .where('action', '=', 'user_access.refused')
        .executeTakeFirstOrThrow();
      expect(audit.after).toMatchObject({ status: 'refused', reason: 'Nobody asked for a new password' });
    });

    it('keeps a pending role change beside a pending reset, and a second reset withdraws the first', async () => {
      const person = await signIn(t.app, demoEmail('team_leader'));
      const raise = (await as(t.app, admin)('PATCH', `/api/v1/users/${person.userId}`, { role: 'manager' })).json() as {
        pendingAccess: { requestId: string };
      };
      await as(t.app, admin)('PATCH', `/api/v1/users/${person.userId}`, { password: NEW_PASSWORD });
      const first = await pendingReset(person.userId);
      const afterReset = (
        await as(t.app, admin)('GET', `/api/v1/users?q=${encodeURIComponent(demoEmail('team_leader'))}`)
      ).json() as { items: { pendingAccess: { requestId: string } | null }[] };
      expect(afterReset.items[0]!.pendingAccess).toMatchObject({ requestId: raise.pendingAccess.requestId });

      await as(t.app, admin)('PATCH', `/api/v1/users/${person.userId}`, { password: `${NEW_PASSWORD}-2` });
      const second = await pendingReset(person.userId);
      expect(second!.requestId).not.toBe(first!.requestId);
      const firstRow = await t.deps.db
        .selectFrom('user_access_requests')
        .select(['status', 'password_hash'])
        .where('id', '=', first!.requestId)
        .executeTakeFirstOrThrow();
      expect(firstRow).toEqual({ status: 'withdrawn', password_hash: null });
      await decide(compliance, second!.requestId, { decision: 'approve' });
      expect((await login(demoEmail('team_leader'), NEW_PASSWORD)).json()).toMatchObject({
        code: 'auth.invalid_credentials',
      });
      await signIn(t.app, demoEmail('team_leader'), `${NEW_PASSWORD}-2`);
    });

    it('sets an administrator’s own password at once', async () => {
      const own = await as(t.app, admin)('PATCH', `/api/v1/users/${admin.userId}`, { password: NEW_PASSWORD });
      expect(own.statusCode).toBe(200);
      const waiting = await t.deps.db
        .selectFrom('user_access_requests')
        .select('id')
        .where('user_id', '=', admin.userId)
        .where('status', '=', 'pending')
        .execute();
      expect(waiting).toEqual([]);
      await signIn(t.app, demoEmail('administrator'), NEW_PASSWORD);
    });
  },
);
