import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { agencyToday } from '../platform/calendar/index.js';
import { addDays } from './core/index.js';

/** The worked example of REGULATION.md with expenses of 2,000: capacity 200 € a month. */
const BUDGET = {
  date: '2026-05-01',
  household: { adults: 2, children: 2, dependants: 3 },
  resources: [{ type: 'salary', amountCents: 220000 }],
  expenses: [{ category: 'housing', amountCents: 200000 }],
};

interface InstalmentJson {
  number: number;
  amountCents: number;
  status: string;
  dueOn: string;
}

/** A plan never asks for more than the case owes: payments, reversals, corrections and approvals bring it down. */
describe.each(ENGINES)('a plan follows the balance on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let leader: Session;
  let caseId: string;
  let claimId: string;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    const found = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'mandate_id'])
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
        eb.not(
          eb.exists(
            eb
              .selectFrom('plans')
              .select('plans.id')
              .whereRef('plans.case_id', '=', 'cases.id')
              .where('plans.status', 'not in', ['completed', 'cancelled', 'refused']),
          ),
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
      .executeTakeFirstOrThrow();
    caseId = found.id;
    await t.deps.db
      .updateTable('mandates')
      .set({ max_plan_months: 24, max_discount_bp: 2000, settlements_allowed: true, payment_grace_days: 10 })
      .where('id', '=', found.mandate_id)
      .execute();
    // The case owes exactly 4,565.25 €, all on its first claim.
    const claims = await t.deps.db
      .selectFrom('claims')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .orderBy('reference')
      .execute();
    claimId = claims[0]!.id;
    await t.deps.db
      .updateTable('claims')
      .set({ principal_cents: 0, interest_cents: 0, fees_cents: 0 })
      .where('case_id', '=', caseId)
      .execute();
    await t.deps.db.updateTable('claims').set({ principal_cents: 456_525 }).where('id', '=', claimId).execute();
    await t.deps.db.updateTable('cases').set({ balance_cents: 456_525 }).where('id', '=', caseId).execute();
    const budget = await as(t.app, agent)('POST', `/api/v1/debtors/${found.debtor_id}/assessments`, BUDGET);
    expect(budget.statusCode, budget.body).toBe(201);
    today = agencyToday(t.clock.now, t.deps.config);
  });
  afterAll(() => t.close());

  const open = (instalments: InstalmentJson[]) =>
    instalments.filter((i) => i.status !== 'paid').reduce((a, i) => a + i.amountCents, 0);
  const balance = async () =>
    Number(
      (await t.deps.db.selectFrom('cases').select('balance_cents').where('id', '=', caseId).executeTakeFirstOrThrow())
        .balance_cents,
    );
  async function currentPlan(planId: string) {
    const plan = (await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/plans`))
      .json()
      .items.find((p: { id: string }) => p.id === planId);
    const version = plan.versions.find((v: { version: number }) => v.version === plan.currentVersion);
    return { plan, instalments: version.instalments as InstalmentJson[] };
  }
  let paymentSeq = 0;
  async function pay(amountCents: number) {
    paymentSeq += 1;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'idempotency-key': `follows-balance-${paymentSeq}` },
      payload: { caseId, amountCents, channel: 'bank_transfer', receivedOn: today },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }

  it('an 18-month plan for 4,565.25 €, then a payment of 150.50 €, then the approval: the plan totals 4,414.75 €', async () => {
    const created = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      months: 18,
      firstDueOn: addDays(today, 10),
      knowinglyAboveCapacity: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const planId = created.json().id as string;
    expect(created.json().status).toBe('pending_approval');
    const before = await currentPlan(planId);
    expect(open(before.instalments)).toBe(456_525);

    await pay(15_050);
    expect(await balance()).toBe(441_475);
    const afterPayment = await currentPlan(planId);
    expect(open(afterPayment.instalments)).toBe(441_475);
    // The debtor keeps the monthly amount agreed; the plan ends sooner: the last instalment carries the reduction.
    expect(afterPayment.instalments.slice(0, 17)).toEqual(before.instalments.slice(0, 17));
    expect(afterPayment.instalments).toHaveLength(18);

    const approval = (await as(t.app, leader)('GET', '/api/v1/plan-approvals'))
      .json()
      .items.find((a: { planId: string }) => a.planId === planId);
    expect(approval).toMatchObject({ agreedCents: 456_525, scheduledCents: 441_475 });
    const decided = await as(t.app, leader)('POST', `/api/v1/plan-approvals/${approval.id}/decision`, {
      decision: 'accept',
      reason: 'Accord conforme au budget',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const approved = await currentPlan(planId);
    expect(approved.plan.status).toBe('agreed');
    expect(open(approved.instalments)).toBe(441_475);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', planId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['plan.proposed', 'plan.adjusted', 'plan.approved']);
    expect(audit[1]!.after).toMatchObject({ cause: 'payment', fromCents: 456_525, toCents: 441_475 });
    const timeline = await t.deps.db
      .selectFrom('case_events')
      .select(['summary_key', 'summary_params'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'plan')
      .execute();
    expect(timeline).toEqual(
      expect.arrayContaining([
        {
          summary_key: 'plan_adjusted',
          summary_params: expect.objectContaining({ fromCents: 456_525, toCents: 441_475 }),
        },
      ]),
    );
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('an approval re-checks the balance: a plan that asks for more than is owed is brought down before it is agreed', async () => {
    const [plan] = await t.deps.db
      .selectFrom('plans')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', '=', 'agreed')
      .execute();
    await as(t.app, agent)('POST', `/api/v1/plans/${plan!.id}/cancellation`, { reason: 'Nouvel accord' });
    const created = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      months: 18,
      firstDueOn: addDays(today, 10),
      knowinglyAboveCapacity: true,
    });
    const planId = created.json().id as string;
    // The balance drops by a path that does not touch plans (a creditor's file, a direct fix).
    // (the 150.50 € already paid stays settled on the claim)
    await t.deps.db.updateTable('claims').set({ principal_cents: 415_050 }).where('id', '=', claimId).execute();
    await t.deps.db.updateTable('cases').set({ balance_cents: 400_000 }).where('id', '=', caseId).execute();
    const approval = (await as(t.app, leader)('GET', '/api/v1/plan-approvals'))
      .json()
      .items.find((a: { planId: string }) => a.planId === planId);
    const decided = await as(t.app, leader)('POST', `/api/v1/plan-approvals/${approval.id}/decision`, {
      decision: 'accept',
      reason: 'Accord conforme',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const { plan: approved, instalments } = await currentPlan(planId);
    expect(approved.status).toBe('agreed');
    expect(open(instalments)).toBe(400_000);
    const adjusted = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('target_id', '=', planId)
      .where('action', '=', 'plan.adjusted')
      .executeTakeFirstOrThrow();
    expect(adjusted.after).toMatchObject({ cause: 'approval', fromCents: 441_475, toCents: 400_000 });
  });

  it('a correction down and a part payment trim the plan; a reversal never makes it ask for more than is owed', async () => {
    const planId = (
      await t.deps.db
        .selectFrom('plans')
        .select('id')
        .where('case_id', '=', caseId)
        .where('status', '=', 'agreed')
        .executeTakeFirstOrThrow()
    ).id;
    const corrected = await as(t.app, leader)('POST', `/api/v1/claims/${claimId}/adjustments`, {
      component: 'principal',
      amountCents: -50_000,
      reason: 'Frais contestés retirés par le créancier',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await balance()).toBe(350_000);
    expect(open((await currentPlan(planId)).instalments)).toBe(350_000);

    const paymentId = await pay(30_000); // covers the first instalment (about 253 €) in full, and a part of the next
    const paid = await currentPlan(planId);
    expect(paid.plan.status).toBe('active');
    expect(open(paid.instalments)).toBe(await balance());
    expect(await balance()).toBe(320_000);

    const reversed = await as(t.app, leader)('POST', `/api/v1/payments/${paymentId}/reversal`, {
      kind: 'returned_direct_debit',
      reason: 'Retour AM04',
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    const after = await currentPlan(planId);
    expect(await balance()).toBe(350_000);
    expect(open(after.instalments)).toBeLessThanOrEqual(350_000);
    const sum = after.instalments.reduce((a, i) => a + i.amountCents, 0);
    expect(sum).toBe(open(after.instalments));
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
