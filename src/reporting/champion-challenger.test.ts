import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { registerComplaint } from '../complaints/register-complaint.js';
import { staffActor } from '../identity/actor.js';
import { recordPayment } from '../payments/record-payment.js';
import type { StrategyDocument } from '../workspace/core/strategy-document.js';
import type { ChampionChallengerReport } from './contract.js';
import { refreshPerformance } from './refresh-performance.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const SEGMENT = 'cc-probe';

/**
 * A tiny hand-made test on the demo: a segment no case matches, with a challenger, and six quiet cases (three of each
 * creditor) enrolled in it on 1 November, whose payments and promises since are the test's own.
 */
describe.each(ENGINES)('champion/challenger comparison (%s)', (engine) => {
  let t: TestApp;
  let manager: Session;
  let creditorUser: Session;
  let horizon: string;
  let energie: string;

  const quietCases = async (creditorId: string) =>
    t.deps.db
      .selectFrom('cases as c')
      .select(['c.id', 'c.reference'])
      .where('c.creditor_id', '=', creditorId)
      .where('c.status', '=', 'open')
      .where('c.stage', '=', 'amicable')
      .where('c.balance_cents', '>', 30_000)
      .where('c.opened_on', '<', '2026-10-01')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('payments as p')
              .select('p.id')
              .whereRef('p.case_id', '=', 'c.id')
              .where('p.received_on', '>=', '2026-10-01'),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('promises as pr')
              .select('pr.id')
              .whereRef('pr.case_id', '=', 'c.id')
              .where('pr.created_at', '>=', new Date('2026-11-01T00:00:00Z')),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('complaints as k')
              .select('k.id')
              .whereRef('k.case_id', '=', 'c.id')
              .where('k.received_on', '>=', '2026-11-01'),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('satisfaction_invitations as i')
              .select('i.id')
              .whereRef('i.case_id', '=', 'c.id')
              .where('i.interaction_at', '>=', new Date('2026-11-01T00:00:00Z')),
          ),
        ),
      )
      .orderBy('c.reference')
      .limit(3)
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: NOW });
    manager = await signIn(t.app, demoEmail('manager'));
    creditorUser = await signIn(t.app, 'creditor@demo.accord.test');
    const creditor = (code: string) =>
      t.deps.db.selectFrom('creditors').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    horizon = (await creditor('BHORIZON')).id;
    energie = (await creditor('ENERHONE')).id;

    // The strategy in force, with one more segment that no case matches, and a challenger in it.
    const strategies = (await as(t.app, manager)('GET', '/api/v1/strategies')).json() as {
      inForce: { document: StrategyDocument };
    };
    const segments = strategies.inForce.document.segments;
    const document: StrategyDocument = {
      ...strategies.inForce.document,
      segments: [
        {
          id: SEGMENT,
          name: 'Probe segment',
          when: { minBalanceCents: 999_999_999_00 },
          treatment: { team: 'amicable', channels: ['phone'], priority: 100 },
          challenger: { sharePercent: 50, treatment: { team: 'amicable', channels: ['email', 'phone'], priority: 90 } },
        },
        ...segments,
      ],
    };
    const published = await as(t.app, manager)('POST', '/api/v1/strategies/versions', {
      document,
      note: 'A probe segment for the comparison',
    });
    expect(published.statusCode, published.body).toBe(201);
    const version = (published.json() as { version: number }).version;

    const [h1, h2, h3] = await quietCases(horizon);
    const [e1, e2] = await quietCases(energie);
    expect([h1, h2, h3, e1, e2].every(Boolean)).toBe(true);
    // Horizon: h1, h2 champion; h3 challenger. Énergie: e1 champion; e2 challenger.
    const enrol = (caseId: string, arm: 'champion' | 'challenger') => ({
      case_id: caseId,
      strategy_version: version,
      segment_id: SEGMENT,
      arm,
      assigned_at: new Date('2026-11-01T08:00:00Z'),
    });
    await t.deps.db
      .insertInto('strategy_assignments')
      .values([
        enrol(h1!.id, 'champion'),
        enrol(h2!.id, 'champion'),
        enrol(h3!.id, 'challenger'),
        enrol(e1!.id, 'champion'),
        enrol(e2!.id, 'challenger'),
        // A later assignment of the same case to the same segment: the first one counts.
        { ...enrol(h1!.id, 'challenger'), assigned_at: new Date('2026-11-05T08:00:00Z') },
      ])
      .execute();

    const managerRow = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', demoEmail('manager'))
      .executeTakeFirstOrThrow();
    const pay = (caseId: string, amountCents: number, receivedOn: string, key: string) =>
      recordPayment(
        t.deps,
        staffActor(managerRow),
        { caseId, amountCents, channel: 'bank_transfer', receivedOn },
        { idempotencyKey: `cc-${key}`, source: 'api' },
      );
    await pay(h1!.id, 10_000, '2026-11-10', 'h1');
    await pay(e1!.id, 5_000, '2026-11-12', 'e1');
    await pay(h3!.id, 20_000, '2026-11-09', 'h3');
    await pay(e2!.id, 2_500, '2026-11-02', 'e2');
    // Before the case entered the segment: not the arm's doing.
    await pay(e2!.id, 7_000, '2026-10-20', 'e2-before');

    const promise = (caseId: string, debtorId: string, status: 'kept' | 'broken') => ({
      case_id: caseId,
      debtor_id: debtorId,
      amount_cents: 1_000,
      due_on: '2026-11-15',
      status,
      created_at: new Date('2026-11-03T10:00:00Z'),
      resolved_at: new Date('2026-11-16T10:00:00Z'),
    });
    const debtorOf = async (caseId: string) =>
      (await t.deps.db.selectFrom('cases').select('debtor_id').where('id', '=', caseId).executeTakeFirstOrThrow())
        .debtor_id;
    await t.deps.db
      .insertInto('promises')
      .values([
        promise(h1!.id, await debtorOf(h1!.id), 'kept'),
        promise(h3!.id, await debtorOf(h3!.id), 'broken'),
        promise(e2!.id, await debtorOf(e2!.id), 'kept'),
      ])
      .execute();
    // A complaint on the challenger's h3 since it entered; one on h2 before it entered, which is not the arm's doing.
    const complain = (caseId: string, receivedOn: string, key: string) =>
      registerComplaint(
        t.deps,
        staffActor(managerRow),
        caseId,
        { channel: 'letter', subject: 'contact_frequency', summary: 'Trop de relances.', receivedOn },
        `cc-complaint-${key}`,
      );
    await complain(h3!.id, '2026-11-12', 'h3');
    await complain(h2!.id, '2026-10-25', 'h2');
    await refreshPerformance(t.deps);
  });
  afterAll(() => t.close());

  const report = async (session: Session, query = '') => {
    const response = await as(t.app, session)('GET', `/api/v1/reports/champion-challenger${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ChampionChallengerReport;
  };
  const probe = (figures: ChampionChallengerReport) => figures.segments.find((s) => s.segmentId === SEGMENT)!;

  it('compares the arms of a segment on what happened since each case entered it, the first entry counting', async () => {
    const figures = await report(manager, '?from=2026-11&to=2026-11');
    expect(figures.refreshedAt).toBe(NOW.toISOString());
    const segment = probe(figures);
    expect(segment).toMatchObject({ segmentName: 'Probe segment', running: true, sharePercent: 50 });
    // Champion h1 100 €, h2 0, e1 50 €: 150 € over 3 cases. Challenger h3 200 €, e2 25 € (not the 70 € before).
    expect(segment.champion).toMatchObject({ cases: 3, collectedCents: 15_000, payingCases: 2 });
    expect(segment.challenger).toMatchObject({ cases: 2, collectedCents: 22_500, payingCases: 2 });
    expect(segment.collected).toMatchObject({
      champion: { n: 3, mean: 5_000 },
      challenger: { n: 2, mean: 11_250 },
      difference: 6_250,
      test: 'welch_t',
      significant: false,
      warnings: ['too_few_cases'],
    });
    expect(segment.keptPromises).toMatchObject({
      champion: { n: 1, k: 1, rateBp: 10_000 },
      challenger: { n: 2, k: 1, rateBp: 5_000 },
      test: 'fisher_exact',
    });
    // Fisher: 0 of 3 against 1 of 2, p = 0.4 (the tables as or less likely: 1 of 3 against 0 of 2 has 0.6).
    expect(segment.complaints).toMatchObject({
      champion: { n: 3, k: 0, rateBp: 0 },
      challenger: { n: 2, k: 1, rateBp: 5_000 },
      differenceBp: 5_000,
      test: 'fisher_exact',
      significant: false,
    });
    expect(segment.complaints.pValue).toBeCloseTo(0.4, 9);
    expect(segment.satisfaction).toMatchObject({ champion: { n: 0, mean: null }, pValue: null });
    expect(segment).toMatchObject({ recommendation: 'keep_testing', reasons: ['too_few_cases'] });
    // A cohort before November: no case of the probe entered then.
    expect(probe(await report(manager, '?from=2026-09&to=2026-10')).champion.cases).toBe(0);
  });

  it('gives a creditor user its own creditor’s cases only, whatever it asks, and no agency decision', async () => {
    for (const query of ['', `?creditorId=${energie}`]) {
      const segment = probe(await report(creditorUser, query));
      expect(segment.champion).toMatchObject({ cases: 2, collectedCents: 10_000 });
      expect(segment.challenger).toMatchObject({ cases: 1, collectedCents: 20_000 });
      expect(segment.lastDecision).toBeNull();
    }
    const energieOnly = probe(await report(manager, `?creditorId=${energie}`));
    expect(energieOnly.champion).toMatchObject({ cases: 1, collectedCents: 5_000 });
  });

  it('exports the comparison in the same scope, audited with the creditor', async () => {
    const file = await as(t.app, creditorUser)('GET', '/api/v1/reports/champion-challenger/export?format=csv');
    expect(file.statusCode, file.body).toBe(200);
    const lines = file.body.split(/\r?\n/).filter((line) => line.includes('Probe segment'));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('50,00');
    expect(lines[0]).toContain('200,00');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'creditor_id'])
      .where('action', '=', 'export.champion_challenger')
      .execute();
    expect(audit).toEqual([{ action: 'export.champion_challenger', creditor_id: horizon }]);
  });

  it('records a manager’s decision, audited; a promotion publishes the challenger’s treatment as the segment’s own', async () => {
    const decide = (session: Session, body: unknown) =>
      as(t.app, session)('POST', '/api/v1/reports/champion-challenger/decisions', body);
    expect((await decide(creditorUser, { segmentId: SEGMENT, decision: 'keep', note: 'x' })).statusCode).toBe(403);
    expect((await decide(manager, { segmentId: SEGMENT, decision: 'maybe', note: 'x' })).statusCode).toBe(400);
    expect((await decide(manager, { segmentId: SEGMENT, decision: 'keep', note: '  ' })).statusCode).toBe(400);

    const kept = await decide(manager, { segmentId: SEGMENT, decision: 'keep', note: 'Too few cases yet.' });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json()).toMatchObject({ decision: 'keep', strategyVersionAfter: null });

    const promoted = await decide(manager, { segmentId: SEGMENT, decision: 'promote', note: 'Writing first works.' });
    expect(promoted.statusCode, promoted.body).toBe(201);
    const after = (promoted.json() as { strategyVersionAfter: number }).strategyVersionAfter;
    const strategies = (await as(t.app, manager)('GET', '/api/v1/strategies')).json() as {
      inForce: { version: number; document: StrategyDocument };
    };
    expect(strategies.inForce.version).toBe(after);
    const segment = strategies.inForce.document.segments.find((s) => s.id === SEGMENT)!;
    expect(segment.challenger).toBeUndefined();
    expect(segment.treatment).toEqual({ team: 'amicable', channels: ['email', 'phone'], priority: 90 });

    const again = await decide(manager, { segmentId: SEGMENT, decision: 'stop', note: 'Once more.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('champion_challenger.no_challenger');

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'in', ['experiment.decided', 'strategy.published'])
      .orderBy('seq')
      .execute();
    expect(audit.filter((a) => a.action === 'experiment.decided')).toHaveLength(2);
    expect(audit.some((a) => a.action === 'strategy.published' && a.target_id === String(after))).toBe(true);
    // The ended test still shows, with its figures and the last decision.
    await refreshPerformance(t.deps);
    const ended = probe(await report(manager, '?from=2026-11&to=2026-11'));
    expect(ended).toMatchObject({ running: false, lastDecision: { decision: 'promote', strategyVersionAfter: after } });
    expect(ended.champion.cases).toBe(3);
  });

  it('refuses a span too long and a reversed one, and the agent altogether', async () => {
    const long = await as(t.app, manager)('GET', '/api/v1/reports/champion-challenger?from=2020-01&to=2026-11');
    expect(long.statusCode).toBe(422);
    const reversed = await as(t.app, manager)('GET', '/api/v1/reports/champion-challenger?from=2026-05&to=2026-01');
    expect(reversed.statusCode).toBe(400);
    const agent = await signIn(t.app, demoEmail('agent'));
    expect((await as(t.app, agent)('GET', '/api/v1/reports/champion-challenger')).statusCode).toBe(403);
  });
});
