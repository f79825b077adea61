import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { DEMO_PASSWORD } from '../demo/seed.js';

const NEW_PASSWORD = 'Violet-harbour-kettle-93';

interface RequestAnswer {
  requestId: string;
  kind: string;
  status: string;
  user: { id: string };
  requestedBy: { id: string };
}

describe.each(ENGINES)(
  'separation of duties: a password reset waits for a second person, then the person chooses the new one, on %s',
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

    const login = (email: string, password: string, newPassword?: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, newPassword } });
    const reset = (userId: string) => as(t.app, admin)('POST', `/api/v1/users/${userId}/password-reset`);
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

    it('ends the sessions, refuses sign-in until a compliance officer approves, then makes the person choose a new password', async () => {
      const email = demoEmail('agent');
      const agent = await signIn(t.app, email);
      const since = await lastSeq();

      // The administrator neither chooses nor learns the password.
      const chosen = await as(t.app, admin)('PATCH', `/api/v1/users/${agent.userId}`, { password: NEW_PASSWORD });
      expect([chosen.statusCode, chosen.json().code]).toEqual([422, 'users.password_chosen_by_user']);
      const answer = await reset(agent.userId);
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toMatchObject({ passwordResetPending: true, passwordChangeRequired: false });
      expect((await as(t.app, agent)('GET', '/api/v1/me')).statusCode).toBe(401);
      expect((await login(email, DEMO_PASSWORD)).json()).toMatchObject({ code: 'auth.password_reset_pending' });
      expect((await login(email, 'not-the-password-at-all')).json()).toMatchObject({
        code: 'auth.invalid_credentials',
      });

      const request = await pendingReset(agent.userId);
      expect(request).toMatchObject({ kind: 'password_reset', status: 'pending', requestedBy: { id: admin.userId } });
      // The administrator who asked may not approve it (no permission), nor a manager who asked.
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

      const approved = await decide(compliance, request!.requestId, { decision: 'approve' });
      expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: compliance.userId } });
      // The current password alone no longer opens a session: the person must choose a new one, not the same.
      expect((await login(email, DEMO_PASSWORD)).json()).toMatchObject({ code: 'auth.password_change_required' });
      expect((await login(email, DEMO_PASSWORD, DEMO_PASSWORD)).statusCode).toBe(422);
      const chosenAtSignIn = await login(email, DEMO_PASSWORD, NEW_PASSWORD);
      expect(chosenAtSignIn.statusCode, chosenAtSignIn.body).toBe(200);
      expect((await login(email, DEMO_PASSWORD)).json()).toMatchObject({ code: 'auth.invalid_credentials' });
      const again = await signIn(t.app, email, NEW_PASSWORD);
      expect((await as(t.app, again)('GET', '/api/v1/me')).json()).toMatchObject({ role: 'agent' });

      const entries = await actions(agent.userId, since);
      expect(entries.map((entry) => entry.action)).toEqual([
        'user_access.requested',
        'user.sessions_revoked',
        'auth.login_refused',
        'auth.login_failed',
        'user_access.approved',
        'user.password_set_at_sign_in',
        'auth.login',
        'auth.login_failed',
        'auth.login',
      ]);
      expect(entries.find((entry) => entry.action === 'user_access.requested')).toMatchObject({
        actor: admin.userId,
        after: { kind: 'password_reset' },
      });
      expect(entries.find((entry) => entry.action === 'user.sessions_revoked')).toMatchObject({
        after: { sessions: 1, reason: 'password_reset' },
      });
      expect(JSON.stringify(entries)).not.toContain('argon2');
    });

    it('leaves the old password working after a refusal', async () => {
      const email = demoEmail('care_specialist');
      const person = await signIn(t.app, email);
      await reset(person.userId);
      const request = await pendingReset(person.userId);
      const refused = await decide(manager, request!.requestId, {
        decision: 'refuse',
        reason: 'Nobody asked for a new password',
      });
      expect(refused.json()).toMatchObject({ status: 'refused', reason: 'Nobody asked for a new password' });
      await signIn(t.app, email);
    });

    it('keeps a pending role change beside a pending reset, and a second reset withdraws the first', async () => {
      const person = await signIn(t.app, demoEmail('team_leader'));
      const raise = (await as(t.app, admin)('PATCH', `/api/v1/users/${person.userId}`, { role: 'manager' })).json() as {
        pendingAccess: { requestId: string };
      };
      await reset(person.userId);
      const first = await pendingReset(person.userId);
      const detail = (await as(t.app, admin)('GET', `/api/v1/users/${person.userId}`)).json();
      expect(detail).toMatchObject({
        passwordResetPending: true,
        pendingAccess: { requestId: raise.pendingAccess.requestId },
      });
      await reset(person.userId);
      const second = await pendingReset(person.userId);
      expect(second!.requestId).not.toBe(first!.requestId);
      const firstRow = await t.deps.db
        .selectFrom('user_access_requests')
        .select('status')
        .where('id', '=', first!.requestId)
        .executeTakeFirstOrThrow();
      expect(firstRow.status).toBe('withdrawn');
    });

    it('refuses an administrator’s reset of their own password, and lets them set their own at once', async () => {
      expect((await reset(admin.userId)).json()).toMatchObject({ code: 'users.own_password_reset' });
      const own = await as(t.app, admin)('PATCH', `/api/v1/users/${admin.userId}`, { password: NEW_PASSWORD });
      expect(own.statusCode).toBe(200);
      await signIn(t.app, demoEmail('administrator'), NEW_PASSWORD);
    });
  },
);
