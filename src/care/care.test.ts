import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { addDays, addMonths } from '../platform/calendar/dates.js';
import { careNightly } from './care-nightly.js';

const START = new Date('2026-12-04T09:00:00Z');
const TODAY = '2026-12-04';
const DAY_MS = 86_400_000;

describe.each(ENGINES)('the care unit on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let care: Session;
  let horizon: Session;
  const debtors: { debtorId: string; caseId: string }[] = [];

  const record = (session: Session, debtorId: string, change: Record<string, unknown> = {}) =>
    as(t.app, session)('POST', `/api/v1/debtors/${debtorId}/vulnerabilities`, {
      drivers: ['life_event'],
      note: 'Written contact only; no calls before 17:00',
      adaptations: { channels: ['letter', 'email'] },
      legalBasis: 'explicit_consent',
      consent: 'given',
      consentAt: '2026-12-04T08:30:00Z',
      reviewOn: addMonths(TODAY, 3),
      ...change,
    });
  const queue = async (session: Session, kind?: string) => {
    const response = await as(t.app, session)('GET', `/api/v1/care/queue?limit=200${kind ? `&kind=${kind}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: { kind: string; debtorId: string; itemId: string }[]; counts: object };
  };
  const signInAll = async () => {
    agent = await signIn(t.app, demoEmail('agent'));
    care = await signIn(t.app, demoEmail('care_specialist'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    await signInAll();
    // Open cases of the creditor user's creditor whose debtors have no hold, no record and one case only.
    const rows = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id', 'c.debtor_id', 'c.reference'])
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.status', '=', 'open')
      .where('c.stage', '=', 'amicable')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'c.debtor_id'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('vulnerabilities as v').select('v.id').whereRef('v.debtor_id', '=', 'c.debtor_id'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom('vulnerability_signals as s').select('s.id').whereRef('s.debtor_id', '=', 'c.debtor_id')),
        ),
      )
      .orderBy('c.reference')
      .limit(3)
      .execute();
    debtors.push(...rows.map((row) => ({ debtorId: row.debtor_id, caseId: row.id })));
    expect(debtors).toHaveLength(3);
  });
  afterAll(() => t.close());

  it('records a flag that reaches the care queue, is reviewed and kept, never in the creditor’s view', async () => {
    const { debtorId, caseId } = debtors[0]!;
    const refused = await record(agent, debtorId, { consent: 'refused' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('care.consent_required');
    const tooFar = await record(agent, debtorId, { reviewOn: addDays(addMonths(TODAY, 12), 1) });
    expect(tooFar.json().code).toBe('care.review_too_far');

    const made = await record(agent, debtorId, { caseId, breathingSpace: true });
    expect(made.statusCode, made.body).toBe(201);
    const recordId = made.json().id as string;
    expect(made.json()).toMatchObject({ status: 'active', drivers: ['life_event'], reviewOn: addMonths(TODAY, 3) });
    expect((await record(agent, debtorId)).json().code).toBe('care.record_live');

    const waiting = await queue(care, 'new_record');
    expect(waiting.items.filter((item) => item.debtorId === debtorId).map((item) => item.itemId)).toEqual([recordId]);

    // The breathing space the record started stops every channel for 30 days, and is renewed once.
    const full = (await as(t.app, care)('GET', `/api/v1/debtors/${debtorId}/vulnerabilities`)).json();
    expect(full.breathingSpaces).toHaveLength(1);
    const space = full.breathingSpaces[0];
    expect(new Date(space.endsAt).getTime() - new Date(space.startsAt).getTime()).toBe(30 * DAY_MS);
    const renewal = `/api/v1/breathing-spaces/${space.holdId}/renewal`;
    expect((await as(t.app, agent)('POST', renewal, { reason: 'Rendez-vous au CCAS' })).statusCode).toBe(403);
    const renewed = await as(t.app, care)('POST', renewal, { reason: 'Rendez-vous au CCAS' });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(new Date(renewed.json().endsAt).getTime() - new Date(space.startsAt).getTime()).toBe(60 * DAY_MS);
    expect((await as(t.app, care)('POST', renewal, { reason: 'encore' })).json().code).toBe(
      'care.breathing_space_renewed',
    );

    const kept = await as(t.app, care)('POST', `/api/v1/vulnerabilities/${recordId}/reviews`, {
      outcome: 'kept',
      reviewOn: addMonths(TODAY, 6),
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'active', reviewOn: addMonths(TODAY, 6) });
    expect(kept.json().reviews).toMatchObject([
      { outcome: 'kept', reviewOnBefore: addMonths(TODAY, 3), reviewOnAfter: addMonths(TODAY, 6) },
    ]);

    const staff = (await as(t.app, care)('GET', `/api/v1/cases/${caseId}`)).json();
    expect(staff.timeline.map((line: { kind: string }) => line.kind)).toContain('care');
    const creditor = await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}`);
    expect(creditor.statusCode).toBe(200);
    expect(creditor.json().timeline.map((line: { kind: string }) => line.kind)).not.toContain('care');
    expect(creditor.body).not.toContain('Written contact only');
  });

  it('shows the details only to those who need to know, records each full read, refuses creditor users', async () => {
    const { debtorId } = debtors[0]!;
    const url = `/api/v1/debtors/${debtorId}/vulnerabilities`;
    const before = await t.deps.db
      .selectFrom('sensitive_reads')
      .select(['user_id', 'basis'])
      .where('debtor_id', '=', debtorId)
      .where('subject', '=', 'vulnerability')
      .execute();
    const restricted = await as(t.app, agent)('GET', url);
    expect(restricted.statusCode).toBe(200);
    expect(restricted.json()).toEqual({ restricted: true, adapted: true, adaptedUntil: addMonths(TODAY, 6) });
    expect(restricted.body).not.toContain('Written contact');
    const full = await as(t.app, care)('GET', url);
    expect(full.json()).toMatchObject({ restricted: false, records: [{ note: expect.stringContaining('Written') }] });
    const after = await t.deps.db
      .selectFrom('sensitive_reads')
      .select(['user_id', 'basis'])
      .where('debtor_id', '=', debtorId)
      .where('subject', '=', 'vulnerability')
      .execute();
    expect(after.length - before.length).toBe(1);
    expect(after.filter((read) => read.user_id === care.userId).at(-1)).toEqual({
      user_id: care.userId,
      basis: 'care_team',
    });
    expect((await as(t.app, horizon)('GET', url)).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/care/queue')).statusCode).toBe(403);
  });

  it('lapses a record past its review date to a review task, once, and a review clears it', async () => {
    const { debtorId, caseId } = debtors[1]!;
    const made = await record(care, debtorId, {
      reviewOn: addDays(TODAY, 1),
      legalBasis: 'legal_claims',
      consent: 'not_asked',
      consentAt: null,
    });
    expect(made.statusCode, made.body).toBe(201);
    const recordId = made.json().id as string;
    t.clock.advance(3 * DAY_MS);
    await signInAll();
    const first = await careNightly(t.deps);
    expect(first.reviewsDue).toBeGreaterThanOrEqual(1);
    const lapsed = await t.deps.db
      .selectFrom('vulnerabilities')
      .select('status')
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    expect(lapsed.status).toBe('review_due');
    const tasks = () =>
      t.deps.db
        .selectFrom('case_tasks')
        .select(['case_id', 'status'])
        .where('debtor_id', '=', debtorId)
        .where('kind', '=', 'vulnerability_review')
        .execute();
    expect(await tasks()).toEqual([{ case_id: caseId, status: 'open' }]);
    await careNightly(t.deps);
    expect(await tasks()).toHaveLength(1);
    const due = await queue(care, 'review_due');
    expect(due.items.filter((item) => item.debtorId === debtorId).map((item) => item.itemId)).toEqual([recordId]);

    const reviewed = await as(t.app, care)('POST', `/api/v1/vulnerabilities/${recordId}/reviews`, {
      outcome: 'changed',
      reviewOn: addMonths('2026-12-07', 2),
      drivers: ['health', 'life_event'],
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ status: 'active', drivers: ['health', 'life_event'] });
    expect(await tasks()).toEqual([{ case_id: caseId, status: 'done' }]);
    const ended = await as(t.app, care)('POST', `/api/v1/vulnerabilities/${recordId}/end`, {
      reason: 'Situation resolved',
    });
    expect(ended.json()).toMatchObject({ status: 'ended', endReason: 'Situation resolved' });
  });

  /** The case the agent's queue gives next, and its debtor. */
  async function agentsNextCase() {
    const next = await as(t.app, agent)('POST', '/api/v1/workspace/next-case');
    expect(next.statusCode, next.body).toBe(200);
    const caseId = next.json().entry.caseId as string;
    const row = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    return { caseId, debtorId: row.debtor_id };
  }

  it('suggests a record from a hardship outcome, which a person confirms; never a record by itself', async () => {
    const { caseId, debtorId } = await agentsNextCase();
    const call = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/calls`, {
      outcome: 'right_party',
      result: 'hardship',
      checklist: { identity: true, listen: true },
      reason: 'Perte d’emploi récente.',
    });
    expect(call.statusCode, call.body).toBe(201);
    await careNightly(t.deps);
    // The outcome's own signal, on the case (the same night may also read the debtor's budget into signals).
    const signals = await t.deps.db
      .selectFrom('vulnerability_signals')
      .select(['id', 'kind', 'status', 'case_id'])
      .where('debtor_id', '=', debtorId)
      .where('kind', '=', 'hardship_outcome')
      .execute();
    expect(signals).toEqual([{ id: expect.any(String), kind: 'hardship_outcome', status: 'open', case_id: caseId }]);
    const none = await t.deps.db.selectFrom('vulnerabilities').select('id').where('debtor_id', '=', debtorId).execute();
    expect(none).toEqual([]);
    await careNightly(t.deps);
    // A second night adds no second signal for the same outcome.
    expect(
      await t.deps.db
        .selectFrom('vulnerability_signals')
        .select('id')
        .where('debtor_id', '=', debtorId)
        .where('kind', '=', 'hardship_outcome')
        .execute(),
    ).toHaveLength(1);
    const listed = await queue(care, 'signal');
    expect(listed.items.filter((item) => item.debtorId === debtorId).map((item) => item.itemId)).toContain(
      signals[0]!.id,
    );

    const confirmed = await record(care, debtorId, {
      signalId: signals[0]!.id,
      caseId,
      reviewOn: addMonths('2026-12-07', 1),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const after = await t.deps.db
      .selectFrom('vulnerability_signals')
      .select(['status', 'vulnerability_id'])
      .where('id', '=', signals[0]!.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'confirmed', vulnerability_id: confirmed.json().id });
    expect(
      (
        await as(t.app, care)('POST', `/api/v1/vulnerability-signals/${signals[0]!.id}/dismissal`, { note: 'no' })
      ).json().code,
    ).toBe('care.signal_decided');
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('pauses contact 30 days on a bereavement, hands the case to the care team and suggests a record', async () => {
    const { caseId, debtorId } = await agentsNextCase();
    const refused = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/calls`, {
      outcome: 'right_party',
      result: 'bereavement',
      checklist: { identity: true, listen: true },
    });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'call.reason_missing']);
    const call = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/calls`, {
      outcome: 'right_party',
      result: 'bereavement',
      checklist: { identity: true, listen: true },
      reason: 'Décès de son conjoint.',
    });
    expect(call.statusCode, call.body).toBe(201);
    const hold = await t.deps.db
      .selectFrom('holds')
      .select(['kind', 'status', 'review_at'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'vulnerability')
      .executeTakeFirstOrThrow();
    expect(hold).toEqual({
      kind: 'vulnerability',
      status: 'active',
      review_at: new Date(t.clock.now.getTime() + 30 * 86_400_000),
    });
    const team = await t.deps.db
      .selectFrom('cases')
      .innerJoin('teams', 'teams.id', 'cases.assigned_team_id')
      .select('teams.kind')
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(team.kind).toBe('care');

    await careNightly(t.deps);
    // The bereavement's own signal, on the case (the same night may also read the debtor's budget into signals).
    const signals = await t.deps.db
      .selectFrom('vulnerability_signals')
      .select(['kind', 'status', 'case_id'])
      .where('debtor_id', '=', debtorId)
      .where('kind', '=', 'bereavement_outcome')
      .execute();
    expect(signals).toEqual([{ kind: 'bereavement_outcome', status: 'open', case_id: caseId }]);
    expect(
      await t.deps.db.selectFrom('vulnerabilities').select('id').where('debtor_id', '=', debtorId).execute(),
    ).toEqual([]);
  });
});
