import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';

interface UserAnswer {
  id: string;
  role: string;
  active: boolean;
  creditorId: string | null;
  pendingAccess: { requestId: string; kind: string; role: string } | null;
}

const PASSWORD = 'a-long-enough-password';

describe.each(ENGINES)('separation of duties: access to case data needs a second person on %s', (engine) => {
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

  const decide = (session: Session, requestId: string, body: object) =>
    as(t.app, session)('POST', `/api/v1/user-access-requests/${requestId}/decision`, body);
  const actions = async (targetId: string) =>
    (
      await t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id', 'after'])
        .where('target_id', '=', targetId)
        .orderBy('seq')
        .execute()
    ).filter((entry) => entry.action.startsWith('user.') || entry.action.startsWith('user_access.'));
  const signInFails = async (email: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } }))
      .statusCode;

  it('creates a manager inactive: no sign-in, no case read, until a compliance officer approves; the requester cannot approve', async () => {
    const created = await as(t.app, admin)('POST', '/api/v1/users', {
      email: 'new.manager@demo.accord.test',
      displayName: 'Nouvelle Directrice',
      role: 'manager',
      password: PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    const user = created.json() as UserAnswer;
    expect(user).toMatchObject({
      role: 'manager',
      active: false,
      pendingAccess: { kind: 'creation', role: 'manager' },
    });
    expect(await signInFails('new.manager@demo.accord.test')).toBe(401);

    // The administrator may not switch it on around the request.
    const activate = await as(t.app, admin)('PATCH', `/api/v1/users/${user.id}`, { active: true });
    expect(activate.statusCode).toBe(409);
    expect(activate.json()).toMatchObject({ code: 'users.access_pending' });
    // Nor approve it: it lacks the permission; and the list shows the request as pending.
    expect((await decide(admin, user.pendingAccess!.requestId, { decision: 'approve' })).statusCode).toBe(403);
    const list = (await as(t.app, admin)('GET', '/api/v1/user-access-requests?status=pending')).json() as {
      items: { requestId: string; requestedBy: { id: string } }[];
    };
    expect(list.items.find((r) => r.requestId === user.pendingAccess!.requestId)).toMatchObject({
      requestedBy: { id: admin.userId },
    });

    const approved = await decide(compliance, user.pendingAccess!.requestId, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: { id: compliance.userId },
      user: { active: true },
    });
    const newcomer = await signIn(t.app, 'new.manager@demo.accord.test', PASSWORD);
    expect((await as(t.app, newcomer)('GET', '/api/v1/cases')).statusCode).toBe(200);
    // Decided once: a second decision is refused.
    expect(
      (await decide(manager, user.pendingAccess!.requestId, { decision: 'refuse', reason: 'late' })).json(),
    ).toMatchObject({ code: 'user_access.already_decided' });

    expect((await actions(user.id)).map((entry) => entry.action)).toEqual([
      'user.created',
      'user_access.requested',
      'user_access.approved',
    ]);
    const approval = (await actions(user.id)).at(-1)!;
    expect(approval.actor_user_id).toBe(compliance.userId);
  });

  it('refuses an approval by the person who asked, even a manager', async () => {
    // A manager cannot create users; a role raise asked by the administrator is decided by someone else. Here the
    // database itself holds the rule too: a request decided by its requester is refused.
    const created = (
      await as(t.app, admin)('POST', '/api/v1/users', {
        email: 'self.approval@demo.accord.test',
        displayName: 'Auto',
        role: 'agent',
        password: PASSWORD,
      })
    ).json() as UserAnswer;
    await t.deps.db
      .updateTable('user_access_requests')
      .set({ requested_by: manager.userId })
      .where('id', '=', created.pendingAccess!.requestId)
      .execute();
    const own = await decide(manager, created.pendingAccess!.requestId, { decision: 'approve' });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'user_access.own_request' });
    expect(await signInFails('self.approval@demo.accord.test')).toBe(401);
  });

  it('keeps a refused account inactive, with the reason, and asks again when the administrator activates it', async () => {
    const user = (
      await as(t.app, admin)('POST', '/api/v1/users', {
        email: 'refused@demo.accord.test',
        displayName: 'Refusé',
        role: 'creditor_user',
        creditorId:
          admin.creditorId ?? (await t.deps.db.selectFrom('creditors').select('id').executeTakeFirstOrThrow()).id,
        password: PASSWORD,
      })
    ).json() as UserAnswer;
    expect(user.pendingAccess).toMatchObject({ role: 'creditor_user' });
    const noReason = await decide(manager, user.pendingAccess!.requestId, { decision: 'refuse' });
    expect(noReason.json()).toMatchObject({ code: 'user_access.reason_required' });
    const refused = await decide(manager, user.pendingAccess!.requestId, {
      decision: 'refuse',
      reason: 'No contract with this creditor yet',
    });
    expect(refused.json()).toMatchObject({
      status: 'refused',
      reason: 'No contract with this creditor yet',
      user: { active: false },
    });
    expect(await signInFails('refused@demo.accord.test')).toBe(401);

    const again = await as(t.app, admin)('PATCH', `/api/v1/users/${user.id}`, { active: true });
    expect(again.json()).toMatchObject({ active: false, pendingAccess: { kind: 'creation', role: 'creditor_user' } });
    expect(await signInFails('refused@demo.accord.test')).toBe(401);
    const entries = await actions(user.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      'user.created',
      'user_access.requested',
      'user_access.refused',
      'user_access.requested',
      'user.updated',
    ]);
    expect(entries[2]!.after).toMatchObject({ status: 'refused', reason: 'No contract with this creditor yet' });
  });

  it('keeps the old role while a raise waits, applies it on approval, and lowers at once', async () => {
    const agent = await signIn(t.app, demoEmail('agent'));
    const raise = await as(t.app, admin)('PATCH', `/api/v1/users/${agent.userId}`, { role: 'team_leader' });
    expect(raise.statusCode).toBe(200);
    expect(raise.json()).toMatchObject({ role: 'agent', pendingAccess: { kind: 'role_change', role: 'team_leader' } });
    // The agent is still an agent: no supervision of queues.
    expect((await as(t.app, agent)('GET', '/api/v1/me')).json()).toMatchObject({ role: 'agent' });
    // The account concerned may not approve its own raise, whatever its role.
    const requestId = (raise.json() as UserAnswer).pendingAccess!.requestId;
    await decide(compliance, requestId, { decision: 'approve' });
    expect((await as(t.app, agent)('GET', '/api/v1/me')).statusCode).toBe(401);
    const raised = await t.deps.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', agent.userId)
      .executeTakeFirstOrThrow();
    expect(raised.role).toBe('team_leader');

    // Lowering is immediate, and withdraws a raise still waiting.
    const pending = (
      await as(t.app, admin)('PATCH', `/api/v1/users/${agent.userId}`, { role: 'manager' })
    ).json() as UserAnswer;
    expect(pending).toMatchObject({ role: 'team_leader', pendingAccess: { role: 'manager' } });
    const lowered = await as(t.app, admin)('PATCH', `/api/v1/users/${agent.userId}`, { role: 'agent' });
    expect(lowered.json()).toMatchObject({ role: 'agent', pendingAccess: null });
    const withdrawn = await t.deps.db
      .selectFrom('user_access_requests')
      .select('status')
      .where('id', '=', pending.pendingAccess!.requestId)
      .executeTakeFirstOrThrow();
    expect(withdrawn.status).toBe('withdrawn');
    expect((await actions(agent.userId)).map((entry) => entry.action)).toContain('user_access.withdrawn');
  });

  it('refuses a decision on the approver’s own account', async () => {
    const otherCompliance = (
      await as(t.app, admin)('POST', '/api/v1/users', {
        email: 'dpo2@demo.accord.test',
        displayName: 'DPO 2',
        role: 'administrator',
        password: PASSWORD,
      })
    ).json() as UserAnswer;
    expect(otherCompliance).toMatchObject({ active: true, pendingAccess: null });
    const raise = (
      await as(t.app, admin)('PATCH', `/api/v1/users/${compliance.userId}`, { role: 'manager' })
    ).json() as UserAnswer;
    const own = await decide(await signIn(t.app, demoEmail('compliance_officer')), raise.pendingAccess!.requestId, {
      decision: 'approve',
    });
    expect(own.json()).toMatchObject({ code: 'user_access.own_account' });
  });

  it('creates accounts that read no case data at once', async () => {
    const created = await as(t.app, admin)('POST', '/api/v1/users', {
      email: 'admin2@demo.accord.test',
      displayName: 'Admin 2',
      role: 'administrator',
      password: PASSWORD,
    });
    expect(created.json()).toMatchObject({ active: true, pendingAccess: null });
    await signIn(t.app, 'admin2@demo.accord.test', PASSWORD);
  });
});
