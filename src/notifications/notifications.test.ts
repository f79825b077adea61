import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import type { Notifications } from './contract.js';

/** The bell: what is waiting for each person, read from the tables where the work lives. */
describe.each(ENGINES)('notifications on %s', (engine) => {
  let t: TestApp;
  let leader: Session;
  let agent: Session;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    leader = await signIn(t.app, demoEmail('team_leader'));
    agent = await signIn(t.app, demoEmail('agent'));
  });
  afterAll(() => t.close());

  const waiting = async (session: Session) =>
    (await as(t.app, session)('GET', '/api/v1/notifications')).json() as Notifications;

  it('shows a team leader the plans waiting for approval, except those it asked for itself', async () => {
    const pending = await t.deps.db
      .selectFrom('plan_approvals')
      .select(['id', 'requested_by'])
      .where('status', '=', 'pending')
      .execute();
    const body = await waiting(leader);
    const listed = body.items.filter((item) => item.kind === 'plan_approval').map((item) => item.id);
    const expected = pending.filter((p) => p.requested_by !== leader.userId).map((p) => p.id);
    expect(listed.sort()).toEqual(expected.sort());
    expect(body.total).toBeGreaterThanOrEqual(body.items.length);
    for (const item of body.items.filter((i) => i.kind === 'plan_approval')) {
      expect(item.caseReference).toMatch(/^ACC-/);
    }
  });

  it('shows the agent a callback and a task of its team once due, and not before', async () => {
    const user = await t.deps.db
      .selectFrom('users')
      .select('team_id')
      .where('id', '=', agent.userId)
      .executeTakeFirstOrThrow();
    const target = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'reference'])
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    await t.deps.db.updateTable('cases').set({ assigned_team_id: user.team_id }).where('id', '=', target.id).execute();
    const now = t.clock.now;
    const later = new Date(now.getTime() + 3_600_000);
    const callback = await t.deps.db
      .insertInto('contact_callbacks')
      .values({ case_id: target.id, debtor_id: target.debtor_id, callback_at: later, requested_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await t.deps.db
      .insertInto('case_tasks')
      .values({
        case_id: target.id,
        debtor_id: target.debtor_id,
        kind: 'dispute_review',
        due_at: later,
        created_at: now,
        team_id: user.team_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = (body: Notifications) => body.items.map((item) => item.id);
    const before = await waiting(agent);
    expect(ids(before)).not.toContain(callback.id);
    expect(ids(before)).not.toContain(task.id);

    t.clock.advance(3_600_000);
    const after = await waiting(agent);
    expect(after.total).toBeGreaterThanOrEqual(before.total + 2);
    const byId = new Map(after.items.map((item) => [item.id, item]));
    if (after.total <= 30) {
      expect(byId.get(callback.id)).toMatchObject({ kind: 'callback_due', caseReference: target.reference });
      expect(byId.get(task.id)).toMatchObject({ kind: 'task_due', taskKind: 'dispute_review', caseId: target.id });
    }
  });

  it('shows a creditor user nothing to act on, and every role an answer', async () => {
    const creditor = await signIn(t.app, 'creditor@demo.accord.test');
    expect(await waiting(creditor)).toEqual({ total: 0, items: [] });
    const admin = await signIn(t.app, demoEmail('administrator'));
    const response = await as(t.app, admin)('GET', '/api/v1/notifications');
    expect(response.statusCode).toBe(200);
  });
});
