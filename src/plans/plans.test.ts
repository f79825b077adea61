import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { agencyToday } from '../platform/calendar/index.js';
import { addDays } from './core/index.js';
import { followUpPlans } from './instalments.js';

/** The worked example of REGULATION.md with expenses of 2,000: capacity 200 € a month. */
const BUDGET = {
  date: '2026-05-01',
  household: { adults: 2, children: 2, dependants: 3 },
  resources: [{ type: 'salary', amountCents: 220000 }],
  expenses: [{ category: 'housing', amountCents: 200000 }],
};
/** A single person on 500 € a month: below the RSA, capacity zero. */
const ZERO_BUDGET = {
  date: '2026-05-01',
  household: { adults: 1, children: 0, dependants: 0 },
  resources: [{ type: 'salary', amountCents: 50000 }],
  expenses: [],
};

const DAY = 86_400_000;

describe.each(ENGINES)('plans on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let leader: Session;
  let cases: { id: string; debtor_id: string }[];
  let today: string;

  /** Makes a case owe exactly `cents`: its first claim carries it all, the others nothing (the ledger checks this). */
  async function owe(caseId: string, cents: number) {
    const claims = await t.deps.db
      .selectFrom('claims')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .orderBy('reference')
      .execute();
    await t.deps.db
      .updateTable('claims')
      .set({ principal_cents: 0, interest_cents: 0, fees_cents: 0 })
      .where('case_id', '=', caseId)
      .execute();
    await t.deps.db.updateTable('claims').set({ principal_cents: cents }).where('id', '=', claims[0]!.id).execute();
    await t.deps.db.updateTable('cases').set({ balance_cents: cents }).where('id', '=', caseId).execute();
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    // Debtors with exactly one open case, so the case's share of the capacity is the household's.
    cases = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('status', '=', 'open')
      .where('stage', '=', 'amicable')
      // No money on it yet: the test rewrites what its claims owe, which must stay above what was paid off (the demo
      // pays some cases, which ones depending on the day it is seeded).
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('payments').select('payments.id').whereRef('payments.case_id', '=', 'cases.id')),
        ),
      )
      .where((eb) =>
        eb(
          eb
            .selectFrom('cases as other')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('other.debtor_id', '=', 'cases.debtor_id')
            .where('other.status', '<>', 'closed'),
          '=',
          1,
        ),
      )
      .orderBy('reference')
      .limit(3)
      .execute();
    expect(cases).toHaveLength(3);
    const mandates = t.deps.db
      .selectFrom('cases')
      .select('mandate_id')
      .where(
        'id',
        'in',
        cases.map((c) => c.id),
      );
    await t.deps.db
      .updateTable('mandates')
      .set({ max_plan_months: 24, max_discount_bp: 2000, settlements_allowed: true, payment_grace_days: 10 })
      .where('id', 'in', mandates)
      .execute();
    await owe(cases[0]!.id, 300_000);
    await owe(cases[1]!.id, 100_000);
    today = agencyToday(t.clock.now, t.deps.config);
  });
  afterAll(() => t.close());

  const firstDueOn = () => addDays(today, 5);

  it('proposes nothing and refuses a plan until a budget is recorded', async () => {
    const proposals = await as(t.app, agent)('GET', `/api/v1/cases/${cases[0]!.id}/plan-proposals`);
    expect(proposals.json()).toMatchObject({ capacity: null, proposals: [], balanceCents: 300000 });
    const post = await as(t.app, agent)('POST', `/api/v1/cases/${cases[0]!.id}/plans`, {
      kind: 'pay_in_full',
      firstDueOn: firstDueOn(),
    });
    expect(post.statusCode).toBe(409);
    expect(post.json().code).toBe('plans.assessment_required');
  });

  it('proposes from the balance, the capacity and the mandate; an over-authority plan waits for a team leader who approves it', async () => {
    for (const c of cases.slice(0, 2))
      expect((await as(t.app, agent)('POST', `/api/v1/debtors/${c.debtor_id}/assessments`, BUDGET)).statusCode).toBe(
        201,
      );
    const caseId = cases[0]!.id;
    const proposals = (
      await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/plan-proposals?firstDueOn=${firstDueOn()}`)
    ).json();
    expect(proposals).toMatchObject({
      orientation: false,
      capacity: { capacityCents: 20000 },
      authority: { maxPlanMonths: 12, maxDiscountBp: 0 },
    });
    const instalments = proposals.proposals.find((p: { kind: string }) => p.kind === 'instalments');
    expect(instalments.schedule).toHaveLength(15);
    expect(instalments.approvalReasons).toEqual(['beyond_agent_months']);

    // 12 × 250 € exceeds the capacity: only when the debtor chooses it knowingly.
    const above = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      months: 12,
      firstDueOn: firstDueOn(),
    });
    expect(above.statusCode).toBe(422);
    expect(above.json().code).toBe('plans.above_capacity_not_chosen');
    const beyondMandate = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      months: 30,
      firstDueOn: firstDueOn(),
    });
    expect(beyondMandate.json()).toMatchObject({ code: 'plans.beyond_mandate', reasons: ['beyond_mandate_months'] });

    const created = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      firstDueOn: firstDueOn(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({
      status: 'pending_approval',
      currentVersion: 1,
      versions: [{ agreedCents: 300000, approvalReasons: ['beyond_agent_months'], knowinglyAboveCapacity: false }],
    });
    expect(plan.versions[0].instalments.reduce((a: number, i: { amountCents: number }) => a + i.amountCents, 0)).toBe(
      300000,
    );
    expect(plan.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['proposed', 'pending_approval']);
    // The system's reasons come as keys with their parameters, never as French words.
    expect(plan.events.map((e: { reasonText: unknown; reason: unknown }) => [e.reasonText, e.reason])).toEqual([
      [{ key: 'plan_chosen_with_debtor', params: {} }, null],
      [{ key: 'plan_needs_approval', params: { reasons: 'beyond_agent_months' } }, null],
    ]);
    // The version's reason too: its row keeps French words, the API gives the key the reader's language says.
    expect(plan.versions.map((v: { reasonText: unknown; reason: unknown }) => [v.reasonText, v.reason])).toEqual([
      [{ key: 'plan_chosen_with_debtor', params: {} }, null],
    ]);
    const again = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'pay_in_full',
      firstDueOn: firstDueOn(),
      knowinglyAboveCapacity: true,
    });
    expect(again.json().code).toBe('plans.plan_exists');

    expect((await as(t.app, agent)('GET', '/api/v1/plan-approvals')).statusCode).toBe(403);
    const queue = (await as(t.app, leader)('GET', '/api/v1/plan-approvals')).json().items;
    const item = queue.find((a: { planId: string }) => a.planId === plan.id);
    expect(item).toMatchObject({
      reasons: ['beyond_agent_months'],
      instalments: 15,
      largestInstalmentCents: 20000,
      capacityCents: 20000,
    });
    const pdfBefore = await as(t.app, agent)('GET', `/api/v1/plans/${plan.id}/schedule.pdf`);
    expect(pdfBefore.json().code).toBe('plans.not_agreed');

    const decided = await as(t.app, leader)('POST', `/api/v1/plan-approvals/${item.id}/decision`, {
      decision: 'accept',
      reason: 'Revenus stables, 15 mois raisonnables',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'agreed',
      approvals: [{ status: 'accepted', decisionReason: 'Revenus stables, 15 mois raisonnables' }],
    });
    const twice = await as(t.app, leader)('POST', `/api/v1/plan-approvals/${item.id}/decision`, {
      decision: 'refuse',
      reason: 'Trop tard',
    });
    expect(twice.json().code).toBe('plans.approval_decided');

    const pdf = await as(t.app, agent)('GET', `/api/v1/plans/${plan.id}/schedule.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const events = await t.deps.db
      .selectFrom('case_events')
      .select('summary_key')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'plan')
      .execute();
    expect(events.map((e) => e.summary_key)).toEqual(
      expect.arrayContaining(['plan_recorded_pending', 'plan_approved']),
    );
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', plan.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['plan.proposed', 'plan.approved']);
  });

  it('agrees at once within authority and capacity; a team leader never approves a plan they recorded', async () => {
    const created = await as(t.app, agent)('POST', `/api/v1/cases/${cases[1]!.id}/plans`, {
      kind: 'instalments',
      firstDueOn: firstDueOn(),
      note: 'accord au téléphone',
    });
    expect(created.json()).toMatchObject({
      status: 'agreed',
      versions: [
        {
          approvalReasons: [],
          instalments: expect.arrayContaining([expect.objectContaining({ number: 5, amountCents: 20000 })]),
        },
      ],
    });
    const cancelled = await as(t.app, agent)('POST', `/api/v1/plans/${created.json().id}/cancellation`, {
      reason: 'Le débiteur a changé d’avis',
    });
    expect(cancelled.json().status).toBe('cancelled');
    // The history stores the system's reasons by key, a person's as written; both come back so.
    const planId = created.json().id as string;
    const rows = await t.deps.db
      .selectFrom('plan_events')
      .select(['to_status', 'reason', 'reason_key'])
      .where('plan_id', '=', planId)
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { to_status: 'proposed', reason: 'accord au téléphone', reason_key: null },
      { to_status: 'agreed', reason: null, reason_key: 'plan_within_authority' },
      { to_status: 'cancelled', reason: 'Le débiteur a changé d’avis', reason_key: null },
    ]);
    expect(
      cancelled.json().events.map((e: { reasonText: unknown; reason: unknown }) => [e.reasonText, e.reason]),
    ).toEqual([
      [null, 'accord au téléphone'],
      [{ key: 'plan_within_authority', params: {} }, null],
      [null, 'Le débiteur a changé d’avis'],
    ]);
    // A row written before reasons had keys keeps its French text, read back by key.
    await t.deps.db
      .insertInto('plan_events')
      .values({
        plan_id: planId,
        version: 1,
        from_status: 'cancelled',
        to_status: 'cancelled',
        reason: 'échéance 2 impayée au-delà du délai de grâce de 10 jours',
        occurred_at: new Date(),
      })
      .execute();
    const [reread] = (await as(t.app, agent)('GET', `/api/v1/cases/${cases[1]!.id}/plans`))
      .json()
      .items.filter((p: { id: string }) => p.id === planId);
    expect(reread.events.at(-1)).toMatchObject({
      reasonText: { key: 'plan_unpaid_beyond_grace', params: { instalment: 2, graceDays: 10 } },
      reason: null,
    });

    const own = await as(t.app, leader)('POST', `/api/v1/cases/${cases[1]!.id}/plans`, {
      kind: 'pay_in_full',
      firstDueOn: firstDueOn(),
      knowinglyAboveCapacity: true,
    });
    expect(own.json()).toMatchObject({
      status: 'pending_approval',
      versions: [{ approvalReasons: ['above_capacity'], knowinglyAboveCapacity: true }],
    });
    const approval = (await as(t.app, leader)('GET', '/api/v1/plan-approvals'))
      .json()
      .items.find((a: { planId: string }) => a.planId === own.json().id);
    const self = await as(t.app, leader)('POST', `/api/v1/plan-approvals/${approval.id}/decision`, {
      decision: 'accept',
      reason: 'moi-même',
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('plans.own_approval');
    const manager = await signIn(t.app, demoEmail('manager'));
    const refused = await as(t.app, manager)('POST', `/api/v1/plan-approvals/${approval.id}/decision`, {
      decision: 'refuse',
      reason: 'Au-delà de la capacité sans raison',
    });
    expect(refused.json().status).toBe('refused');
  });

  it('marks instalments paid from a payment recorded on the case, each one the payment covers in full', async () => {
    const created = await as(t.app, agent)('POST', `/api/v1/cases/${cases[1]!.id}/plans`, {
      kind: 'instalments',
      firstDueOn: firstDueOn(),
      note: 'nouvel accord',
    });
    expect(created.json().status).toBe('agreed');
    const payment = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'idempotency-key': 'plan-link-0001' },
      payload: { caseId: cases[1]!.id, amountCents: 45_000, channel: 'bank_transfer', receivedOn: today },
    });
    expect(payment.statusCode, payment.body).toBe(201);
    const plan = (await as(t.app, agent)('GET', `/api/v1/cases/${cases[1]!.id}/plans`))
      .json()
      .items.find((p: { id: string }) => p.id === created.json().id);
    const instalments = plan.versions.at(-1).instalments;
    expect(plan.status).toBe('active');
    expect(
      instalments.filter((i: { status: string }) => i.status === 'paid').map((i: { number: number }) => i.number),
    ).toEqual([1, 2]);
    // One act, one transaction: the payment and the instalments it paid were written by the same one.
    const writers = await sql<{ xid: string }>`
      select xmin::text as xid from payments where id = ${payment.json().id}
      union select xmin::text from plan_instalments where payment_reference like ${`${payment.json().id}:%`}`.execute(
      t.deps.db,
    );
    expect(writers.rows).toHaveLength(1);

    // The transfer is returned: the instalments it had paid owe again.
    const reversed = await as(t.app, leader)('POST', `/api/v1/payments/${payment.json().id}/reversal`, {
      kind: 'returned_direct_debit',
      reason: 'Retour AM04',
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    const after = (await as(t.app, agent)('GET', `/api/v1/cases/${cases[1]!.id}/plans`))
      .json()
      .items.find((p: { id: string }) => p.id === created.json().id);
    expect(after.status).toBe('active');
    expect(after.versions.at(-1).instalments.filter((i: { status: string }) => i.status === 'paid')).toEqual([]);
    await as(t.app, agent)('POST', `/api/v1/plans/${created.json().id}/cancellation`, { reason: 'Fin du test' });
  });

  it('follows instalments: paid (idempotent), late after the due date, broken after the grace period, then renegotiated as a new version', async () => {
    const caseId = cases[0]!.id;
    const [plan] = (await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/plans`)).json().items;
    const pay = (number: number, reference: string) =>
      as(t.app, agent)('POST', `/api/v1/plans/${plan.id}/instalments/${number}/payment`, { paidOn: today, reference });
    const paid = await pay(1, 'VIR-0001');
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'active',
      versions: [
        {
          instalments: expect.arrayContaining([expect.objectContaining({ number: 1, status: 'paid', paidOn: today })]),
        },
      ],
    });
    expect((await pay(1, 'VIR-0001')).statusCode).toBe(200);
    expect((await pay(2, 'VIR-0001')).json().code).toBe('plans.payment_reference_used');
    expect(
      (
        await t.deps.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'plan.instalment_paid')
          .where('target_id', '=', plan.id)
          .execute()
      ).length,
    ).toBe(1);

    // The second instalment falls due about 35 days from now; 50 days later it is late beyond the 10 days of grace.
    t.clock.advance(50 * DAY);
    // Sessions end while the clock jumps: sign in again.
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    const report = await followUpPlans(t.deps);
    expect(report).toMatchObject({ instalmentsLate: 1, broken: 1 });
    expect(await followUpPlans(t.deps)).toEqual({ started: 0, instalmentsLate: 0, broken: 0 });
    const broken = (await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/plans`)).json();
    expect(broken.items[0].status).toBe('broken');
    expect(broken.items[0].versions[0].instalments[1]).toMatchObject({ number: 2, status: 'late' });
    expect(broken.reviews).toEqual([expect.objectContaining({ kind: 'broken_plan', status: 'open', planId: plan.id })]);
    const reviews = (await as(t.app, leader)('GET', '/api/v1/case-reviews')).json().items;
    expect(reviews.some((r: { planId: string }) => r.planId === plan.id)).toBe(true);

    const later = agencyToday(t.clock.now, t.deps.config);
    const renegotiated = await as(t.app, agent)('POST', `/api/v1/plans/${plan.id}/versions`, {
      kind: 'instalments',
      months: 12,
      firstDueOn: addDays(later, 5),
      knowinglyAboveCapacity: true,
      reason: 'Perte d’emploi du conjoint, nouvel accord',
    });
    expect(renegotiated.statusCode, renegotiated.body).toBe(201);
    const v2 = renegotiated.json();
    expect(v2).toMatchObject({ status: 'pending_approval', currentVersion: 2 });
    expect(v2.versions.map((v: { version: number; agreedCents: number }) => [v.version, v.agreedCents])).toEqual([
      [2, 280000],
      [1, 300000],
    ]);
    expect(v2.versions[0].approvalReasons).toEqual(['above_capacity']);
    // A person's reason is given as written.
    expect(v2.versions[0]).toMatchObject({ reasonText: null, reason: 'Perte d’emploi du conjoint, nouvel accord' });
    expect(v2.versions[1].instalments[0]).toMatchObject({ status: 'paid' });
    const after = (await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/plans`)).json();
    expect(after.reviews[0]).toMatchObject({ status: 'closed', outcome: 'renégocié : version 2' });
    await expect(sql`update plan_versions set agreed_cents = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it("moves the case's stage with its plan: to plan when agreed, back to amicable when cancelled or broken", async () => {
    const caseId = cases[1]!.id;
    await t.deps.db.updateTable('cases').set({ stage: 'amicable' }).where('id', '=', caseId).execute();
    const stage = async () =>
      (await t.deps.db.selectFrom('cases').select('stage').where('id', '=', caseId).executeTakeFirstOrThrow()).stage;
    const now = () => agencyToday(t.clock.now, t.deps.config);

    const agreed = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      firstDueOn: addDays(now(), 5),
    });
    expect(agreed.json().status).toBe('agreed');
    expect(await stage()).toBe('plan');
    t.clock.advance(60_000);
    await as(t.app, agent)('POST', `/api/v1/plans/${agreed.json().id}/cancellation`, {
      reason: 'Le débiteur paiera autrement',
    });
    expect(await stage()).toBe('amicable');
    t.clock.advance(60_000);

    const again = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      firstDueOn: addDays(now(), 5),
    });
    expect(again.json().status).toBe('agreed');
    expect(await stage()).toBe('plan');
    t.clock.advance(20 * DAY); // the first instalment unpaid beyond the 10 days of grace
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    expect((await followUpPlans(t.deps)).broken).toBe(1);
    expect(await stage()).toBe('amicable');

    const history = await t.deps.db
      .selectFrom('case_stage_history')
      .select(['from_stage', 'to_stage', 'reason_key'])
      .where('case_id', '=', caseId)
      .orderBy('changed_at')
      .execute();
    expect(history.slice(-4).map((h) => [h.from_stage, h.to_stage])).toEqual([
      ['amicable', 'plan'],
      ['plan', 'amicable'],
      ['amicable', 'plan'],
      ['plan', 'amicable'],
    ]);
    expect(history.at(-1)!.reason_key).toBe('plan_broken_to_amicable');
    const timeline = await t.deps.db
      .selectFrom('case_events')
      .select('summary_key')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'stage_change')
      .execute();
    expect(timeline.map((e) => e.summary_key)).toEqual(
      expect.arrayContaining(['plan_agreed', 'plan_cancelled_to_amicable', 'plan_broken_to_amicable']),
    );

    // A case a person moved to another stage stays there.
    await t.deps.db.updateTable('cases').set({ stage: 'dispute' }).where('id', '=', caseId).execute();
    await as(t.app, agent)('POST', `/api/v1/plans/${again.json().id}/cancellation`, { reason: 'Contestation' });
    expect(await stage()).toBe('dispute');
  });

  it('at capacity zero pushes no plan: the case is flagged for orientation and a person reviews it', async () => {
    const c = cases[2]!;
    expect((await as(t.app, agent)('POST', `/api/v1/debtors/${c.debtor_id}/assessments`, ZERO_BUDGET)).statusCode).toBe(
      201,
    );
    const proposals = (await as(t.app, agent)('GET', `/api/v1/cases/${c.id}/plan-proposals`)).json();
    expect(proposals).toMatchObject({ orientation: true, capacity: { capacityCents: 0 } });
    expect(proposals.proposals.map((p: { kind: string }) => p.kind)).not.toContain('instalments');
    expect((await as(t.app, agent)('POST', `/api/v1/cases/${cases[0]!.id}/orientation`, {})).json().code).toBe(
      'plans.orientation_not_needed',
    );

    const flagged = await as(t.app, agent)('POST', `/api/v1/cases/${c.id}/orientation`, {
      note: 'Accord du débiteur pour un rendez-vous conseil',
    });
    expect(flagged.statusCode, flagged.body).toBe(201);
    expect(flagged.json()).toMatchObject({ kind: 'orientation', reasons: ['capacity_zero'], status: 'open' });
    expect((await as(t.app, agent)('POST', `/api/v1/cases/${c.id}/orientation`, {})).json().id).toBe(flagged.json().id);
    const queue = (await as(t.app, leader)('GET', '/api/v1/case-reviews')).json().items;
    expect(queue.find((r: { id: string }) => r.id === flagged.json().id)).toMatchObject({ caseId: c.id });
    const closed = await as(t.app, leader)('POST', `/api/v1/case-reviews/${flagged.json().id}/closure`, {
      outcome: 'Orienté vers la Banque de France',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'Orienté vers la Banque de France' });
    expect(
      (
        await as(t.app, leader)('POST', `/api/v1/case-reviews/${flagged.json().id}/closure`, { outcome: 'encore' })
      ).json().code,
    ).toBe('plans.review_closed');
  });
});
