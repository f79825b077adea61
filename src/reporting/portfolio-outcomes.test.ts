import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { staffActor } from '../identity/actor.js';
import { recordPayment } from '../payments/record-payment.js';
import { reversePayment } from '../payments/reverse-payment.js';
import type { PortfolioOutcomes } from './contract.js';
import { refreshPerformance } from './refresh-performance.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const at = (day: string) => new Date(`${day}T10:00:00Z`);
const SPAN = '?from=2026-09&to=2026-11';

/**
 * A small portfolio made by hand for a creditor of its own beside the demo's, every figure computed by hand:
 * C1 placed on 3 September, C2 on 20 September, C3 on 1 October (claims of 1,000 € each).
 */
describe.each(ENGINES)('portfolio outcomes on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  let creditorId = '';

  const report = async (query = '') => {
    const response = await as(t.app, manager)('GET', `/api/v1/reports/portfolio/outcomes${SPAN}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PortfolioOutcomes;
  };

  async function placeCase(reference: string, openedOn: string, mandateId: string) {
    const debtor = await t.deps.db
      .insertInto('debtors')
      .values({ kind: 'person', first_name: 'Léa', last_name: reference, language: 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await t.deps.db
      .insertInto('cases')
      .values({
        reference,
        creditor_id: creditorId,
        mandate_id: mandateId,
        debtor_id: debtor.id,
        stage: 'amicable',
        opened_on: openedOn,
        balance_cents: 100_000,
      })
      .returning(['id', 'debtor_id'])
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('claims')
      .values({
        case_id: row.id,
        creditor_id: creditorId,
        reference: `${reference}-1`,
        contract_type: 'consumer_credit',
        principal_cents: 100_000,
        default_on: '2026-01-01',
      })
      .execute();
    await t.deps.db
      .insertInto('case_stage_history')
      .values({ case_id: row.id, from_stage: null, to_stage: 'amicable', reason: 'placed', changed_at: at(openedOn) })
      .execute();
    return row;
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: NOW });
    manager = await signIn(t.app, demoEmail('manager'));
    const db = t.deps.db;
    ({ id: creditorId } = await db
      .insertInto('creditors')
      .values({
        code: 'OUTCOMES',
        name: 'Résultats SA',
        legal_name: 'Résultats SA',
        sector: 'bank',
        country: 'FR',
        address_line1: '1 rue du Test',
        postal_code: '75001',
        city: 'Paris',
      })
      .returning('id')
      .executeTakeFirstOrThrow());
    const { id: mandateId } = await db
      .insertInto('mandates')
      .values({
        creditor_id: creditorId,
        code: 'OUTCOMES-M',
        kind: 'collection',
        commission_rate_bp: 1500,
        allocation_order: JSON.stringify([]),
        starts_on: '2026-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c1 = await placeCase('OUT-1', '2026-09-03', mandateId);
    const c2 = await placeCase('OUT-2', '2026-09-20', mandateId);
    const c3 = await placeCase('OUT-3', '2026-10-01', mandateId);

    // Payments: C1 first paid 10 days after placement (and again later), C2 after 30 days, C3 after 32 days (an
    // earlier payment of C3 was reversed: it is no first payment).
    const managerRow = await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', demoEmail('manager'))
      .executeTakeFirstOrThrow();
    const pay = (caseId: string, receivedOn: string, key: string) =>
      recordPayment(
        t.deps,
        staffActor(managerRow),
        { caseId, amountCents: 5_000, channel: 'bank_transfer', receivedOn },
        { idempotencyKey: key, source: 'api' },
      );
    await pay(c1.id, '2026-09-13', 'out-1a');
    await pay(c1.id, '2026-10-01', 'out-1b');
    await pay(c2.id, '2026-10-20', 'out-2');
    const reversed = await pay(c3.id, '2026-10-02', 'out-3a');
    await reversePayment(t.deps, staffActor(managerRow), reversed.payment.id, { kind: 'error', reason: 'twice' });
    await pay(c3.id, '2026-11-02', 'out-3b');

    // Phone contacts (a letter is no call attempt).
    const contact = (
      c: { id: string; debtor_id: string },
      day: string,
      direction: 'outbound' | 'inbound',
      outcome: string,
      channel: 'phone' | 'letter' = 'phone',
    ) => ({
      case_id: c.id,
      debtor_id: c.debtor_id,
      channel,
      direction,
      outcome,
      conversation: channel === 'phone' && outcome === 'right_party',
      occurred_at: at(day),
      recorded_at: at(day),
      policy_version: 1,
      decision: JSON.stringify({}),
    });
    await db
      .insertInto('contacts')
      .values([
        contact(c1, '2026-09-04', 'outbound', 'sent', 'letter'),
        contact(c1, '2026-09-10', 'outbound', 'no_answer'),
        contact(c1, '2026-09-12', 'outbound', 'right_party'),
        contact(c1, '2026-10-02', 'outbound', 'voicemail'),
        contact(c2, '2026-09-25', 'outbound', 'no_answer'),
        contact(c2, '2026-10-01', 'inbound', 'right_party'),
        contact(c3, '2026-10-05', 'outbound', 'wrong_number'),
      ])
      .execute();

    // Promises: September one kept; October one broken, one open, one cancelled.
    const promise = (c: { id: string; debtor_id: string }, day: string, status: string, amount: number) => ({
      case_id: c.id,
      debtor_id: c.debtor_id,
      amount_cents: amount,
      due_on: '2026-12-01',
      created_at: at(day),
      status: status as 'open',
      resolved_at: status === 'open' ? null : at(day),
      cancel_reason: status === 'cancelled' ? 'paid in full' : null,
    });
    await db
      .insertInto('promises')
      .values([
        promise(c1, '2026-09-12', 'kept', 20_000),
        promise(c1, '2026-10-02', 'broken', 10_000),
        promise(c2, '2026-10-01', 'open', 5_000),
        promise(c3, '2026-10-05', 'cancelled', 1_000),
      ])
      .execute();

    // Plans: C2's agreed in October, running with an instalment late (behind); C1's agreed in October, broken since;
    // C3's agreed in November, completed.
    const plan = async (
      c: { id: string; debtor_id: string },
      agreedOn: string,
      status: 'active' | 'broken' | 'completed',
    ) => {
      const row = await db
        .insertInto('plans')
        .values({
          case_id: c.id,
          debtor_id: c.debtor_id,
          creditor_id: creditorId,
          status,
          current_version: 1,
          created_at: at(agreedOn),
          updated_at: at(agreedOn),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('plan_events')
        .values([
          {
            plan_id: row.id,
            version: 1,
            from_status: null,
            to_status: 'proposed',
            reason: 'x',
            occurred_at: at(agreedOn),
          },
          {
            plan_id: row.id,
            version: 1,
            from_status: 'proposed',
            to_status: 'agreed',
            reason: 'x',
            occurred_at: at(agreedOn),
          },
        ])
        .execute();
      return row.id;
    };
    const behind = await plan(c2, '2026-10-05', 'active');
    await plan(c1, '2026-10-10', 'broken');
    await plan(c3, '2026-11-01', 'completed');
    const version = await db
      .insertInto('plan_versions')
      .values({
        plan_id: behind,
        version: 1,
        kind: 'instalments',
        reason: 'x',
        balance_cents: 95_000,
        agreed_cents: 95_000,
        discount_cents: 0,
        capacity_cents: 20_000,
        max_plan_months: 12,
        max_discount_bp: 0,
        authority: JSON.stringify({}),
        approval_reasons: JSON.stringify([]),
        knowingly_above_capacity: false,
        created_at: at('2026-10-05'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('plan_instalments')
      .values({
        plan_id: behind,
        plan_version_id: version.id,
        number: 1,
        due_on: '2026-10-20',
        amount_cents: 10_000,
        status: 'late',
      })
      .execute();

    // Stages: C2 moved into its plan on 5 October, C3 closed on 2 November.
    await db.updateTable('cases').set({ stage: 'plan' }).where('id', '=', c2.id).execute();
    await db
      .updateTable('cases')
      .set({ stage: 'closed', status: 'closed', close_reason: 'recalled', closed_on: '2026-11-02' })
      .where('id', '=', c3.id)
      .execute();
    await db
      .insertInto('case_stage_history')
      .values([
        {
          case_id: c2.id,
          from_stage: 'amicable',
          to_stage: 'plan',
          reason: 'plan agreed',
          changed_at: at('2026-10-05'),
        },
        { case_id: c3.id, from_stage: 'amicable', to_stage: 'closed', reason: 'paid', changed_at: at('2026-11-02') },
      ])
      .execute();
    await refreshPerformance(t.deps);
  });
  afterAll(() => t.close());

  it('gives the right-party contact rates and days to the first payment by vintage, as computed by hand', async () => {
    const figures = await report(`&creditorId=${creditorId}`);
    expect(figures).toMatchObject({ from: '2026-09', to: '2026-11', asOf: '2026-11' });
    expect(figures.refreshedAt).toBe(NOW.toISOString());
    expect(figures.vintages).toEqual([
      // September: 4 calls, 1 reached the debtor (25 %); both cases spoke with us (C2 called in); first payments
      // after 10 and 30 days: mean 20, median the lower middle, 10.
      {
        vintage: '2026-09',
        cases: 2,
        attempts: 4,
        rightParty: 1,
        rightPartyBp: 2_500,
        reachedCases: 2,
        reachedBp: 10_000,
        payingCases: 2,
        meanDaysToFirstPayment: 20,
        medianDaysToFirstPayment: 10,
      },
      {
        vintage: '2026-10',
        cases: 1,
        attempts: 1,
        rightParty: 0,
        rightPartyBp: 0,
        reachedCases: 0,
        reachedBp: 0,
        payingCases: 1,
        meanDaysToFirstPayment: 32,
        medianDaysToFirstPayment: 32,
      },
      {
        vintage: '2026-11',
        cases: 0,
        attempts: 0,
        rightParty: 0,
        rightPartyBp: null,
        reachedCases: 0,
        reachedBp: null,
        payingCases: 0,
        meanDaysToFirstPayment: null,
        medianDaysToFirstPayment: null,
      },
    ]);
  });

  it('gives contacts, promises and plans by month, as computed by hand', async () => {
    const [september, october, november] = (await report(`&creditorId=${creditorId}`)).months;
    // September: 3 calls, 1 reached (1/3); 2 cases called, 1 reached. October: 2 calls, none reached; 3 cases with a
    // phone contact (C2 called in and was reached).
    expect(september).toMatchObject({
      attempts: 3,
      rightParty: 1,
      rightPartyBp: 3_333,
      workedCases: 2,
      reachedBp: 5_000,
    });
    expect(october).toMatchObject({ attempts: 2, rightParty: 0, rightPartyBp: 0, workedCases: 3, reachedCases: 1 });
    expect(october!.reachedBp).toBe(3_333);
    expect(september!.promises).toEqual({
      made: 1,
      open: 0,
      kept: 1,
      broken: 0,
      cancelled: 0,
      madeCents: 20_000,
      keptCents: 20_000,
      keptBp: 10_000,
    });
    expect(october!.promises).toMatchObject({ made: 3, open: 1, kept: 0, broken: 1, cancelled: 1, keptBp: 0 });
    expect(october!.plans).toEqual({
      agreed: 2,
      onTrack: 0,
      behind: 1,
      completed: 0,
      broken: 1,
      ended: 0,
      onTrackBp: 0,
      brokenBp: 5_000,
    });
    expect(november!.plans).toMatchObject({ agreed: 1, completed: 1, onTrackBp: 10_000, brokenBp: 0 });
    expect(november).toMatchObject({ attempts: 0, rightPartyBp: null, workedCases: 0, reachedBp: null });
  });

  it('gives the cases by stage now and the moves between stages by month', async () => {
    const figures = await report(`&creditorId=${creditorId}`);
    expect(figures.stages.filter((s) => s.cases > 0)).toEqual([
      { stage: 'amicable', cases: 1, shareBp: 3_333 },
      { stage: 'plan', cases: 1, shareBp: 3_333 },
      { stage: 'closed', cases: 1, shareBp: 3_333 },
    ]);
    expect(figures.flows).toEqual([
      { month: '2026-09', fromStage: 'placed', toStage: 'amicable', moves: 2 },
      { month: '2026-10', fromStage: 'amicable', toStage: 'plan', moves: 1 },
      { month: '2026-10', fromStage: 'placed', toStage: 'amicable', moves: 1 },
      { month: '2026-11', fromStage: 'amicable', toStage: 'closed', moves: 1 },
    ]);
    // The whole agency holds these and the demo's: never fewer.
    const all = await report();
    expect(all.vintages[0]!.cases).toBeGreaterThanOrEqual(2);
    expect(all.stages.reduce((sum, s) => sum + s.cases, 0)).toBeGreaterThan(3);
  });

  it('exports the same figures, one line each, audited', async () => {
    const response = await as(t.app, manager)(
      'GET',
      `/api/v1/reports/portfolio/outcomes/export${SPAN}&format=csv&creditorId=${creditorId}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const lines = response.body.trim().split(/\r?\n/);
    expect(lines).toContain('contacts_by_vintage;2026-09;right_party;1;25,00');
    expect(lines).toContain('plans;2026-10;broken;1;50,00');
    expect(lines).toContain('first_payment;2026-09;median_days;10;');
    expect(lines).toContain('stage_flows;2026-10;amicable>plan;1;');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'export.portfolio_outcomes')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
