import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import type { AttemptView, TeamTraining, TrainingOverview } from './contract.js';
import type { ModuleId } from './core/catalogue.js';
import { trainingModule } from './module-library.js';

const START = new Date('2026-12-04T09:00:00Z');
const DAY_MS = 86_400_000;

describe.each(ENGINES)('training and the certifications that gate the work on %s', (engine) => {
  let t: TestApp;
  let agent: Session;

  const start = async (session: Session, module: ModuleId) => {
    const response = await as(t.app, session)('POST', `/api/v1/training/modules/${module}/attempts`);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as AttemptView;
  };
  /** Answers an attempt: right ones, except the first `wrong` questions. */
  const answer = async (session: Session, attempt: AttemptView, wrong = 0) => {
    const bank = trainingModule(attempt.moduleId, attempt.language).bank;
    const answers = Object.fromEntries(
      attempt.questions.map((question, i) => {
        const right = bank.find((known) => known.id === question.id)!.answer;
        return [question.id, i < wrong ? (right + 1) % question.options.length : right];
      }),
    );
    const response = await as(t.app, session)('POST', `/api/v1/training/attempts/${attempt.id}/answers`, { answers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AttemptView;
  };
  const overview = async (session: Session) => {
    const response = await as(t.app, session)('GET', '/api/v1/training');
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TrainingOverview;
  };
  const certification = (view: TrainingOverview, kind: string) => view.certifications.find((c) => c.kind === kind)!;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records a wrong answer attempt with its answers and score, and never sends the right options before submission', async () => {
    const attempt = await start(agent, 'data-protection');
    expect(attempt.questions).toHaveLength(5);
    expect(attempt.result).toBeNull();
    for (const question of attempt.questions) expect(Object.keys(question).sort()).toEqual(['id', 'options', 'text']);
    const read = await as(t.app, agent)('GET', `/api/v1/training/attempts/${attempt.id}`);
    expect(read.json()).toEqual(attempt);
    expect(read.body).not.toMatch(/rightOptions|"answer"/);
    // Another person cannot read it.
    const leader = await signIn(t.app, demoEmail('team_leader'));
    expect((await as(t.app, leader)('GET', `/api/v1/training/attempts/${attempt.id}`)).statusCode).toBe(404);

    const failed = await answer(agent, attempt, 2);
    expect(failed.result).toMatchObject({ correct: 3, outOf: 5, percent: 60, passed: false, earned: [] });
    expect(Object.keys(failed.result!.rightOptions).sort()).toEqual(attempt.questions.map((q) => q.id).sort());
    const row = await t.deps.db
      .selectFrom('training_attempts')
      .selectAll()
      .where('id', '=', attempt.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ correct: 3, passed: false, user_id: agent.userId });
    expect(Object.keys(row.answers as object)).toHaveLength(5);
    const again = await as(t.app, agent)('POST', `/api/v1/training/attempts/${attempt.id}/answers`, { answers: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('training.attempt_submitted');
  });

  it('passes a quiz → earns the care unit certification → opens the care queue to the agent', async () => {
    // The agent moves to the care unit: without the certification, "next case" there is refused, saying what to earn.
    const careTeam = await t.deps.db
      .selectFrom('teams')
      .select('id')
      .where('kind', '=', 'care')
      .executeTakeFirstOrThrow();
    await t.deps.db.updateTable('users').set({ team_id: careTeam.id }).where('id', '=', agent.userId).execute();
    const refused = await as(t.app, agent)('POST', '/api/v1/workspace/next-case');
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'training.certification_required',
      queue: 'care',
      missing: ['care_unit'],
      modules: ['vulnerability-care', 'active-listening'],
    });
    const before = await overview(agent);
    expect(before.queues.find((q) => q.queue === 'care')).toMatchObject({
      open: false,
      missing: ['care_unit'],
      modulesToPass: ['vulnerability-care', 'active-listening'],
    });

    const passed = await answer(agent, await start(agent, 'active-listening'));
    expect(passed.result).toMatchObject({ passed: true, correct: 5, earned: ['care_unit'] });
    const after = await overview(agent);
    expect(certification(after, 'care_unit')).toMatchObject({ status: 'valid', earnedOn: '2026-12-04' });
    expect(after.queues.find((q) => q.queue === 'care')).toMatchObject({ open: true, missing: [] });
    const taken = await as(t.app, agent)('POST', '/api/v1/workspace/next-case');
    expect(taken.statusCode, taken.body).toBe(200);

    // The team leader sees the agent's new certification in the team's state.
    const leader = await signIn(t.app, demoEmail('team_leader'));
    const team = (await as(t.app, leader)('GET', '/api/v1/training/team')).json() as TeamTraining;
    const camille = team.members.find((m) => m.userId === agent.userId);
    // The agent left the leader's team for the care unit: a manager sees everyone.
    expect(camille).toBeUndefined();
    const manager = await signIn(t.app, demoEmail('manager'));
    const everyone = (await as(t.app, manager)('GET', '/api/v1/training/team')).json() as TeamTraining;
    expect(everyone.members.find((m) => m.userId === agent.userId)?.openQueues).toEqual(['amicable', 'care']);
    expect(team.members.map((m) => m.displayName)).toContain('Sophie Bernard');
  });

  it('makes a contact-policy certification stale when a newer policy comes into force, then closes the queue', async () => {
    const judicial = await signIn(t.app, demoEmail('judicial_specialist'));
    expect((await as(t.app, judicial)('GET', '/api/v1/judicial/procedures/queue')).statusCode).toBe(200);
    const current = await t.deps.db
      .selectFrom('contact_policy_versions')
      .selectAll()
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('contact_policy_versions')
      .values({
        version: current.version + 1,
        document: JSON.stringify(current.document),
        effective_from: t.clock.now,
        note: 'Test: a new version',
        published_by: null,
        published_at: t.clock.now,
      })
      .execute();
    expect(certification(await overview(judicial), 'contact_policy').status).toBe('stale');
    // Within the grace the queue stays open, and the bell says so.
    expect((await as(t.app, judicial)('GET', '/api/v1/judicial/procedures/queue')).statusCode).toBe(200);
    const bell = (await as(t.app, judicial)('GET', '/api/v1/notifications')).json() as { items: { kind: string }[] };
    expect(bell.items.map((item) => item.kind)).toContain('certification_stale');

    t.clock.advance(31 * DAY_MS);
    const late = await signIn(t.app, demoEmail('judicial_specialist'));
    const refused = await as(t.app, late)('GET', '/api/v1/judicial/procedures/queue');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'training.certification_required', missing: ['contact_policy'] });
    // A team leader reading the queue supervises: not gated.
    const leader = await signIn(t.app, demoEmail('team_leader'));
    expect((await as(t.app, leader)('GET', '/api/v1/judicial/procedures/queue')).statusCode).toBe(200);

    const renewed = await answer(late, await start(late, 'contact-policy'));
    expect(renewed.result?.earned).toEqual(['contact_policy']);
    expect(certification(await overview(late), 'contact_policy')).toMatchObject({
      status: 'valid',
      policyVersion: current.version + 1,
    });
    expect((await as(t.app, late)('GET', '/api/v1/judicial/procedures/queue')).statusCode).toBe(200);
  });

  it('gives notice before a certification expires, then moves the person back once it has', async () => {
    const care = await signIn(t.app, demoEmail('care_specialist'));
    // The contact policy changed above: the care specialist takes its module again first.
    expect((await answer(care, await start(care, 'contact-policy'))).result?.earned).toEqual(['contact_policy']);
    const held = certification(await overview(care), 'care_unit');
    expect(held.status).toBe('valid');
    const lastDay = new Date(`${held.validUntil}T12:00:00Z`).getTime();
    // Within the notice: still open, and the bell says when it ends.
    t.clock.now = new Date(lastDay - 10 * DAY_MS);
    const notice = await signIn(t.app, demoEmail('care_specialist'));
    expect(certification(await overview(notice), 'care_unit').status).toBe('expiring');
    const bell = (await as(t.app, notice)('GET', '/api/v1/notifications')).json() as {
      items: { kind: string; subject: string }[];
    };
    expect(bell.items).toContainEqual(
      expect.objectContaining({ kind: 'certification_expiring', subject: 'care_unit' }),
    );
    expect((await as(t.app, notice)('GET', '/api/v1/care/queue')).statusCode).toBe(200);
    // The day after its last day: the care queue is closed to them, saying the certification expired.
    t.clock.now = new Date(lastDay + DAY_MS);
    const expired = await signIn(t.app, demoEmail('care_specialist'));
    const refused = await as(t.app, expired)('GET', '/api/v1/care/queue');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'training.certification_required', expired: ['care_unit'] });
    expect(certification(await overview(expired), 'care_unit').status).toBe('expired');
    // Every step above was audited, and the trail still verifies.
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['training.attempt_started', 'training.attempt_submitted', 'certification.earned'])
      .execute();
    expect(new Set(actions.map((a) => a.action)).size).toBe(3);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
