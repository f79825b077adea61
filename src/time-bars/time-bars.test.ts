import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { sql } from 'kysely';
import { addDays } from '../platform/calendar/dates.js';
import { AppError } from '../platform/errors.js';
import { claimBarsOfCases } from './time-bar-facts.js';
import { timeBarredCases } from './time-barred-sql.js';
import { assertMayGoToCourt } from './time-bars.js';

/** 20 April 2026: a consumer credit whose first unpaid instalment was on 1 May 2024 is barred after 1 May 2026. */
const START = new Date('2026-04-20T08:00:00Z');
const DAY = 86_400_000;

describe.each(ENGINES)('time bars on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let leader: Session;
  let creditor: Session;
  let caseId: string;
  let caseReference: string;
  let claimId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    creditor = await signIn(t.app, demoEmail('creditor_user'));
    // A case of one open claim, of a person, of a French creditor, without payments: its claim becomes a consumer
    // credit first unpaid on 1 May 2024.
    const row = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
      .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
      .select(['c.id', 'c.reference'])
      .where('c.creditor_id', '=', creditor.creditorId!)
      .where('c.status', '=', 'open')
      .where('d.kind', '=', 'person')
      .where('cr.country', '=', 'FR')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('payments as p').select('p.id').whereRef('p.case_id', '=', 'c.id'))),
      )
      .where(
        (eb) =>
          eb
            .selectFrom('claims as cl')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('cl.case_id', '=', 'c.id')
            .where('cl.status', '=', 'open'),
        '=',
        1,
      )
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    caseId = row.id;
    caseReference = row.reference;
    const claim = await t.deps.db
      .updateTable('claims')
      .set({ contract_type: 'consumer_credit', default_on: '2024-05-01', last_payment_on: null })
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirstOrThrow();
    claimId = claim.id;
    await signInStaff();
  });
  afterAll(() => t.close());

  async function signInStaff() {
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    creditor = await signIn(t.app, demoEmail('creditor_user'));
  }

  it('shows the rule, the start and the last day, and lists the claim for review within the lead time', async () => {
    const bars = await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/time-bars`);
    expect(bars.statusCode, bars.body).toBe(200);
    expect(bars.json()).toMatchObject({
      status: 'approaching',
      lastDay: '2026-05-01',
      claims: [
        {
          claimId,
          rule: { claimKind: 'consumer_credit', years: 2, source: 'C. conso R312-35' },
          startOn: '2024-05-01',
          barredFrom: '2026-05-02',
          daysLeft: 11,
        },
      ],
    });
    // The creditor reads it too, on its own case.
    expect((await as(t.app, creditor)('GET', `/api/v1/cases/${caseId}/time-bars`)).json().status).toBe('approaching');
    const review = await as(t.app, leader)('GET', '/api/v1/time-bars/approaching?leadDays=30');
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().items).toContainEqual(
      expect.objectContaining({ caseReference, status: 'approaching', lastDay: '2026-05-01' }),
    );
    const shortLead = (await as(t.app, leader)('GET', '/api/v1/time-bars/approaching?leadDays=5&includeBarred=false'))
      .json()
      .items.map((item: { caseId: string }) => item.caseId);
    expect(shortLead).not.toContain(caseId);
    expect((await as(t.app, agent)('GET', '/api/v1/time-bars/approaching')).statusCode).toBe(403);
    // Without a lead time asked for, the agency's (TIME_BAR_REVIEW_DAYS, 90 unless set) applies.
    const byDefault = (await as(t.app, leader)('GET', '/api/v1/time-bars/approaching')).json();
    expect(byDefault.leadDays).toBe(90);
    expect(byDefault.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
    expect(bars.json().reviewLeadDays).toBe(90);
  });

  it('takes the agency’s review lead time from its configuration', async () => {
    const other = await createTestApp(engine, { demo: true, now: START, config: { TIME_BAR_REVIEW_DAYS: 10 } });
    try {
      const found = await other.deps.db
        .selectFrom('cases')
        .select('id')
        .where('reference', '=', caseReference)
        .executeTakeFirstOrThrow();
      await other.deps.db
        .updateTable('claims')
        .set({ contract_type: 'consumer_credit', default_on: '2024-05-01', last_payment_on: null })
        .where('case_id', '=', found.id)
        .where('status', '=', 'open')
        .execute();
      const lead = await signIn(other.app, demoEmail('team_leader'));
      // Eleven days left: beyond a ten-day lead time, the claim is not yet a review item.
      const bars = (await as(other.app, lead)('GET', `/api/v1/cases/${found.id}/time-bars`)).json();
      expect(bars).toMatchObject({ status: 'running', reviewLeadDays: 10, lastDay: '2026-05-01' });
      const list = (await as(other.app, lead)('GET', '/api/v1/time-bars/approaching')).json();
      expect(list.leadDays).toBe(10);
      expect(list.items.map((item: { caseId: string }) => item.caseId)).not.toContain(found.id);
      other.clock.advance(DAY);
      const next = await signIn(other.app, demoEmail('team_leader'));
      const later = (await as(other.app, next)('GET', '/api/v1/time-bars/approaching')).json();
      expect(later.items.map((item: { caseId: string }) => item.caseId)).toContain(found.id);
    } finally {
      await other.close();
    }
  });

  it('becomes time-barred: no court, a voluntary payment accepted, an acknowledgement after the bar revives nothing', async () => {
    t.clock.advance(12 * DAY); // 2 May 2026
    await signInStaff();
    const bars = (await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/time-bars`)).json();
    expect(bars).toMatchObject({ status: 'time_barred', lastDay: '2026-05-01' });

    const refusal = await t.deps.db
      .transaction()
      .execute((trx) => assertMayGoToCourt(trx, caseId, '2026-05-02'))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('time_bars.time_barred');
    expect((refusal as AppError).message).toContain('time-barred');

    const payment = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'idempotency-key': 'time-barred-payment' },
      payload: { caseId, amountCents: 1000, channel: 'bank_transfer', receivedOn: '2026-05-02' },
    });
    expect(payment.statusCode, payment.body).toBe(201);

    const acknowledged = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/time-bar-interruptions`, {
      claimId,
      kind: 'acknowledgement',
      occurredOn: '2026-05-02',
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(201);
    expect(acknowledged.json().claim).toMatchObject({ status: 'time_barred', lastDay: '2026-05-01' });
    expect(acknowledged.json().claim.interruptions.map((i: { effect: string }) => i.effect)).toEqual([
      'after_bar',
      'after_bar',
    ]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', caseId)
      .where('action', '=', 'claim.interruption_recorded')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ claimId, kind: 'acknowledgement', lastDay: '2026-05-01' });
  });

  it('an acknowledgement before the bar starts a new period; bad input is a 4xx', async () => {
    const other = await t.deps.db
      .selectFrom('claims as cl')
      .innerJoin('cases as c', 'c.id', 'cl.case_id')
      .select(['cl.id', 'cl.case_id', 'cl.default_on'])
      .where('c.creditor_id', '=', creditor.creditorId!)
      .where('cl.status', '=', 'open')
      .where('cl.case_id', '!=', caseId)
      .orderBy('cl.reference')
      .executeTakeFirstOrThrow();
    const before = (await as(t.app, agent)('GET', `/api/v1/cases/${other.case_id}/time-bars`)).json();
    const claim = before.claims.find((c: { claimId: string }) => c.claimId === other.id);
    const recorded = await as(t.app, agent)('POST', `/api/v1/cases/${other.case_id}/time-bar-interruptions`, {
      claimId: other.id,
      kind: 'acknowledgement',
      occurredOn: '2026-05-02',
      note: 'Courrier du débiteur reconnaissant la dette',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    if (claim.status !== 'time_barred') {
      expect(recorded.json().claim.lastDay >= claim.lastDay).toBe(true);
      expect(recorded.json().claim.interruptions.at(-1)).toMatchObject({ on: '2026-05-02', effect: 'counted' });
    }
    const future = await as(t.app, agent)('POST', `/api/v1/cases/${other.case_id}/time-bar-interruptions`, {
      claimId: other.id,
      kind: 'judgment',
      occurredOn: '2027-01-01',
    });
    expect(future.statusCode).toBe(422);
    const foreign = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/time-bar-interruptions`, {
      claimId: other.id,
      kind: 'judgment',
      occurredOn: '2026-01-01',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await as(t.app, creditor)('POST', `/api/v1/cases/${caseId}/time-bar-interruptions`, {})).statusCode).toBe(
      403,
    );
  });

  it('finds in SQL the same time-barred cases as the core, on every case and on days years apart', async () => {
    const claims = await t.deps.db
      .selectFrom('claims')
      .select(['id', 'case_id', 'default_on'])
      .where('status', '=', 'open')
      .orderBy('id')
      .execute();
    // Judgments (which lengthen the period) and acknowledgements on some claims, before their bar and after it, and
    // acts before the start (which count for nothing).
    for (const [index, claim] of claims.entries()) {
      const own =
        index % 3 === 0
          ? [
              { kind: 'judgment' as const, on: addDays(claim.default_on, 400 + index) },
              { kind: 'acknowledgement' as const, on: addDays(claim.default_on, 2500 + index) },
            ]
          : index % 3 === 1
            ? [{ kind: 'acknowledgement' as const, on: addDays(claim.default_on, 700) }]
            : [{ kind: 'judicial_act' as const, on: addDays(claim.default_on, -4000) }];
      for (const i of own)
        await t.deps.db
          .insertInto('claim_interruptions')
          .values({ claim_id: claim.id, case_id: claim.case_id, kind: i.kind, occurred_on: i.on, recorded_at: START })
          .execute();
    }
    // Later rows of the rules: a claim counts with the row in force on its start, a judgment with its day's.
    await t.deps.db
      .insertInto('time_bar_rules')
      .values(
        (
          [
            ['FR', 'general', 3, '2025-01-01'],
            ['FR', 'consumer_credit', 1, '2025-01-01'],
            ['FR', 'consumer_goods_services', 4, '2025-01-01'],
            ['IT', 'periodic', 3, '2025-01-01'],
            ['FR', 'judgment', 12, '2025-06-01'],
            ['IT', 'judgment', 4, '2025-06-01'],
          ] as const
        ).map(([country, kind, years, from]) => ({
          country,
          claim_kind: kind,
          years,
          source: 'test',
          tag: 'check' as const,
          valid_from: from,
        })),
      )
      .execute();
    const caseIds = [...new Set(claims.map((claim) => claim.case_id))];
    const outcomes = new Set<boolean>();
    for (const today of ['2026-04-20', '2027-06-01', '2029-02-28', '2031-03-01', '2036-07-15', '2040-02-29']) {
      const bars = await claimBarsOfCases(t.deps.db, caseIds, today, 0);
      const core = new Set(bars.filter((c) => c.bar.status === 'time_barred').map((c) => c.caseId));
      const found = await sql<{ case_id: string }>`select case_id from ${timeBarredCases(
        sql`select id from cases`,
        today,
      )} b`.execute(t.deps.db);
      expect(new Set(found.rows.map((row) => row.case_id)), today).toEqual(core);
      for (const id of caseIds) outcomes.add(core.has(id));
    }
    expect(outcomes).toEqual(new Set([true, false]));
  });
});
