import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { portalSessionOf } from '../../test/support/portal.js';
import { verifyAuditTrail } from '../audit/verify.js';
import type { ProposalsView } from '../plans/contract.js';
import type { PlanSigned, PortalBudget, PortalBudgetInput, PortalPlans } from './plans/contract.js';

// A Wednesday, 10:00 in Paris.
const START = new Date('2026-11-25T09:00:00Z');

interface Candidate {
  caseId: string;
  debtorId: string;
  balanceCents: number;
}

/**
 * A single person's budget whose capacity is `monthlyEuros` (bound by the expenses: 3,000 € earned, the rest spent),
 * well under the seizable share of 3,000 € a month.
 */
function budgetFor(monthlyEuros: number): PortalBudgetInput {
  return {
    household: { adults: 1, children: 0, dependants: 0 },
    resources: [{ type: 'salary', amountCents: 300_000 }],
    expenses: [
      { category: 'housing', amountCents: 300_000 - monthlyEuros * 100 - 40_000 },
      { category: 'food_household', amountCents: 40_000 },
    ],
  };
}

describe.each(ENGINES)('the debtor’s budget and plan on the portal on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let leader: Session;
  /** Within an agent's authority (about 6 instalments), beyond it (about 18), under a hold. */
  let within: Candidate;
  let beyond: Candidate;
  let held: Candidate;
  let person: Session;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    // Amicable cases of people with one open case, no budget, no plan, no hold: the plans depend on this case alone.
    // Their mandate allows 18 months, so that "beyond an agent's authority" is still within the creditor's.
    const rows = await sql<{ case_id: string; debtor_id: string; balance_cents: string }>`
      select c.id as case_id, c.debtor_id, c.balance_cents from cases c
      join mandates m on m.id = c.mandate_id
      where c.status = 'open' and m.max_plan_months >= 18 and c.stage = 'amicable' and c.balance_cents between 30000 and 800000
        and (select count(*) from cases o where o.debtor_id = c.debtor_id and o.status <> 'closed') = 1
        and not exists (select 1 from plans p where p.case_id = c.id)
        and not exists (select 1 from holds h where h.debtor_id = c.debtor_id)
        and not exists (select 1 from debtor_assessments a where a.debtor_id = c.debtor_id)
      order by c.reference limit 3`.execute(t.deps.db);
    expect(rows.rows).toHaveLength(3);
    [within, beyond, held] = rows.rows.map((row) => ({
      caseId: row.case_id,
      debtorId: row.debtor_id,
      balanceCents: Number(row.balance_cents),
    })) as [Candidate, Candidate, Candidate];
    person = await portalSessionOf(t.deps, within.debtorId);
  });
  afterAll(() => t.close());

  const sixMonths = () => Math.ceil(within.balanceCents / 6 / 100);

  it('computes the budget the person declares exactly as the agent’s computation does, recorded as theirs', async () => {
    const noBudget = (await as(t.app, person)('GET', `/api/portal/v1/cases/${within.caseId}/plans`)).json();
    expect(noBudget).toMatchObject({ refusal: 'budget_required', proposals: [], budget: null, current: null });

    const input = budgetFor(sixMonths());
    const declared = await as(t.app, person)('POST', `/api/portal/v1/cases/${within.caseId}/budget`, input);
    expect(declared.statusCode, declared.body).toBe(201);
    const mine = declared.json() as PortalBudget;
    expect(mine.source).toBe('portal');
    expect(mine.result.capacityCents).toBe(sixMonths() * 100);
    expect(mine.result.bindingConstraint).toBe('expenses');

    // The agent records the same facts for the same person: the same figures, the same explanation, step by step.
    const recorded = await as(t.app, agent)('POST', `/api/v1/debtors/${within.debtorId}/assessments`, {
      date: mine.date,
      ...input,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect((recorded.json() as { result: unknown }).result).toEqual(mine.result);

    const rows = await t.deps.db
      .selectFrom('debtor_assessments')
      .select(['version', 'source', 'recorded_by'])
      .where('debtor_id', '=', within.debtorId)
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      { version: 1, source: 'portal', recorded_by: null },
      { version: 2, source: 'agent', recorded_by: agent.userId },
    ]);
    // The agents read it among the person's budgets, declared on the portal.
    const versions = (await as(t.app, agent)('GET', `/api/v1/debtors/${within.debtorId}/assessments`)).json() as {
      items: { version: number; source: string; recordedBy: unknown }[];
    };
    expect(versions.items.find((v) => v.version === 1)).toMatchObject({ source: 'portal', recordedBy: null });

    const trail = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_role', 'actor_user_id', 'target_id'])
      .where('action', '=', 'portal.budget_declared')
      .execute();
    expect(trail).toEqual([{ actor_role: 'debtor', actor_user_id: null, target_id: within.debtorId }]);
    const events = await t.deps.db
      .selectFrom('case_events')
      .select('summary_key')
      .where('case_id', '=', within.caseId)
      .execute();
    expect(events.map((e) => e.summary_key)).toContain('portal_budget_declared');
  });

  it('proposes the plans an agent sees on the case, said plainly', async () => {
    const portal = (
      await as(t.app, person)('GET', `/api/portal/v1/cases/${within.caseId}/plans`)
    ).json() as PortalPlans;
    const staff = (
      await as(t.app, agent)('GET', `/api/v1/cases/${within.caseId}/plan-proposals`)
    ).json() as ProposalsView;
    expect(portal.refusal).toBeNull();
    expect(portal.capacityCents).toBe(staff.capacity!.capacityCents);
    expect(
      portal.proposals.map((p) => ({ kind: p.kind, schedule: p.schedule, needsApproval: p.needsApproval })),
    ).toEqual(
      staff.proposals.map((p) => ({ kind: p.kind, schedule: p.schedule, needsApproval: p.approvalReasons.length > 0 })),
    );
    const instalments = portal.proposals.find((p) => p.kind === 'instalments')!;
    expect(instalments.count).toBeGreaterThanOrEqual(6);
    expect(instalments.count).toBeLessThanOrEqual(7);
    expect(instalments.totalCents).toBe(within.balanceCents);
    expect(instalments.amountCents).toBe(sixMonths() * 100);
    expect(instalments.firstDueOn).toBe(staff.firstDueOn);
    expect(instalments.lastDueOn).toBe(instalments.schedule.at(-1)!.dueOn);
    expect(instalments.needsApproval).toBe(false);
  });

  it('refuses what was not proposed, without consent, or with a wrong body', async () => {
    const { proposals } = (
      await as(t.app, person)('GET', `/api/portal/v1/cases/${within.caseId}/plans`)
    ).json() as PortalPlans;
    const chosen = proposals.find((p) => p.kind === 'instalments')!;
    const body = {
      kind: chosen.kind,
      firstDueOn: chosen.firstDueOn,
      count: chosen.count,
      totalCents: chosen.totalCents,
      consent: true,
      consentVersion: 'portal-plan-consent-1',
    };
    const url = `/api/portal/v1/cases/${within.caseId}/plans`;
    for (const bad of [
      { ...body, consent: false },
      { ...body, consentVersion: 'v0' },
      { ...body, count: 0 },
      { ...body, kind: 'everything' },
      { ...body, extra: 1 },
    ])
      expect((await as(t.app, person)('POST', url, bad)).statusCode).toBe(400);
    const changed = await as(t.app, person)('POST', url, { ...body, totalCents: body.totalCents - 1 });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'portal.plan_not_offered' });
    expect((await as(t.app, person)('POST', `/api/portal/v1/cases/${within.caseId}/budget`, {})).statusCode).toBe(400);
    expect(
      (
        await as(t.app, person)('POST', `/api/portal/v1/cases/${within.caseId}/budget`, {
          ...budgetFor(100),
          household: { adults: 0, children: 0, dependants: 0 },
        })
      ).statusCode,
    ).toBe(400);
    expect(await t.deps.db.selectFrom('plans').select('id').where('case_id', '=', within.caseId).execute()).toEqual([]);
  });

  it('signs a plan within an agent’s authority: agreed at once, on the timeline, audited, its schedule a PDF', async () => {
    const { proposals, consentVersion } = (
      await as(t.app, person)('GET', `/api/portal/v1/cases/${within.caseId}/plans`)
    ).json() as PortalPlans;
    const chosen = proposals.find((p) => p.kind === 'instalments')!;
    const signed = await as(t.app, person)('POST', `/api/portal/v1/cases/${within.caseId}/plans`, {
      kind: chosen.kind,
      firstDueOn: chosen.firstDueOn,
      count: chosen.count,
      totalCents: chosen.totalCents,
      consent: true,
      consentVersion,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const result = signed.json() as PlanSigned;
    expect(result).toMatchObject({ status: 'agreed', awaitingApproval: false, signedAt: START.toISOString() });

    const plan = await t.deps.db
      .selectFrom('plans')
      .innerJoin('plan_versions', 'plan_versions.plan_id', 'plans.id')
      .select(['plans.created_by', 'plans.status', 'plan_versions.authority', 'plan_versions.agreed_cents'])
      .where('plans.id', '=', result.planId)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ created_by: null, status: 'agreed' });
    expect(Number(plan.agreed_cents)).toBe(chosen.totalCents);
    expect(plan.authority).toMatchObject({ role: 'agent', maxPlanMonths: 12 });
    const instalments = await t.deps.db
      .selectFrom('plan_instalments')
      .select(['number', 'due_on as dueOn', 'amount_cents'])
      .where('plan_id', '=', result.planId)
      .orderBy('number')
      .execute();
    expect(instalments.map((i) => ({ number: i.number, dueOn: i.dueOn, amountCents: Number(i.amount_cents) }))).toEqual(
      chosen.schedule,
    );
    const trail = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'after'])
      .where('target_id', '=', result.planId)
      .orderBy('seq')
      .execute();
    expect(trail.map((a) => [a.action, a.actor_role])).toEqual([
      ['plan.proposed', 'debtor'],
      ['portal.plan_signed', 'debtor'],
    ]);
    expect(trail[1]!.after).toMatchObject({
      consent: true,
      consentVersion: 'portal-plan-consent-1',
      consentAt: START.toISOString(),
      count: chosen.count,
    });
    const events = await t.deps.db
      .selectFrom('case_events')
      .select('summary_key')
      .where('case_id', '=', within.caseId)
      .execute();
    expect(events.map((e) => e.summary_key)).toEqual(
      expect.arrayContaining(['plan_recorded_agreed', 'portal_plan_signed']),
    );

    // The case page's plan: the next instalment to pay; a second plan is refused plainly.
    const after = (await as(t.app, person)('GET', `/api/portal/v1/cases/${within.caseId}/plans`)).json() as PortalPlans;
    expect(after.refusal).toBe('plan_exists');
    expect(after.current).toMatchObject({ id: result.planId, status: 'agreed', scheduleAvailable: true });
    expect(after.current!.next).toMatchObject({ number: 1, dueOn: chosen.firstDueOn, status: 'due' });
    const again = await as(t.app, person)('POST', `/api/portal/v1/cases/${within.caseId}/plans`, {
      kind: chosen.kind,
      firstDueOn: chosen.firstDueOn,
      count: chosen.count,
      totalCents: chosen.totalCents,
      consent: true,
      consentVersion,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'portal.plan_exists' });

    const pdf = await as(t.app, person)(
      'GET',
      `/api/portal/v1/cases/${within.caseId}/plans/${result.planId}/schedule.pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.subarray(-8).toString('latin1')).toContain('%%EOF');
    const downloads = await t.deps.db
      .selectFrom('audit_log')
      .select('actor_role')
      .where('action', '=', 'portal.schedule_downloaded')
      .where('target_id', '=', result.planId)
      .execute();
    expect(downloads).toEqual([{ actor_role: 'debtor' }]);
  });

  it('sends a plan beyond an agent’s authority to the team leaders’ approvals, as an agent’s would', async () => {
    const session = await portalSessionOf(t.deps, beyond.debtorId);
    const eighteen = Math.ceil(beyond.balanceCents / 18 / 100);
    expect(
      (await as(t.app, session)('POST', `/api/portal/v1/cases/${beyond.caseId}/budget`, budgetFor(eighteen)))
        .statusCode,
    ).toBe(201);
    const { proposals, consentVersion } = (
      await as(t.app, session)('GET', `/api/portal/v1/cases/${beyond.caseId}/plans`)
    ).json() as PortalPlans;
    const chosen = proposals.find((p) => p.kind === 'instalments')!;
    expect(chosen.needsApproval).toBe(true);
    const signed = await as(t.app, session)('POST', `/api/portal/v1/cases/${beyond.caseId}/plans`, {
      kind: chosen.kind,
      firstDueOn: chosen.firstDueOn,
      count: chosen.count,
      totalCents: chosen.totalCents,
      consent: true,
      consentVersion,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const result = signed.json() as PlanSigned;
    expect(result).toMatchObject({ status: 'pending_approval', awaitingApproval: true });
    const queue = (await as(t.app, leader)('GET', '/api/v1/plan-approvals')).json() as {
      items: { planId: string; reasons: string[] }[];
    };
    expect(queue.items.find((item) => item.planId === result.planId)?.reasons).toEqual(['beyond_agent_months']);
    // Not agreed yet: no schedule document.
    const early = await as(t.app, session)(
      'GET',
      `/api/portal/v1/cases/${beyond.caseId}/plans/${result.planId}/schedule.pdf`,
    );
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'portal.plan_not_agreed' });
    const view = (await as(t.app, session)('GET', `/api/portal/v1/cases/${beyond.caseId}/plans`)).json() as PortalPlans;
    expect(view.current).toMatchObject({ status: 'pending_approval', next: null, scheduleAvailable: false });
  });

  it('refuses a plan on a file under a hold, and keeps every other person’s file out of reach', async () => {
    const session = await portalSessionOf(t.deps, held.debtorId);
    expect(
      (await as(t.app, session)('POST', `/api/portal/v1/cases/${held.caseId}/budget`, budgetFor(100))).statusCode,
    ).toBe(201);
    await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: held.debtorId,
        case_id: held.caseId,
        kind: 'dispute',
        reason: 'Contestation du montant',
        starts_at: new Date(START.getTime() - 3_600_000),
        review_at: new Date(START.getTime() + 30 * 86_400_000),
      })
      .execute();
    const view = (await as(t.app, session)('GET', `/api/portal/v1/cases/${held.caseId}/plans`)).json() as PortalPlans;
    expect(view).toMatchObject({ refusal: 'on_hold', proposals: [] });
    const refused = await as(t.app, session)('POST', `/api/portal/v1/cases/${held.caseId}/plans`, {
      kind: 'pay_in_full',
      firstDueOn: '2026-12-28',
      count: 1,
      totalCents: held.balanceCents,
      consent: true,
      consentVersion: 'portal-plan-consent-1',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'portal.plan_on_hold' });

    // Another person's file: 404 like a file that does not exist, for every operation, and nothing of it said.
    const plan = await t.deps.db
      .selectFrom('plans')
      .select('id')
      .where('case_id', '=', within.caseId)
      .executeTakeFirstOrThrow();
    const theirs = [
      ['GET', `/api/portal/v1/cases/${within.caseId}/plans`, undefined],
      ['POST', `/api/portal/v1/cases/${within.caseId}/budget`, budgetFor(100)],
      [
        'POST',
        `/api/portal/v1/cases/${within.caseId}/plans`,
        {
          kind: 'pay_in_full',
          firstDueOn: '2026-12-28',
          count: 1,
          totalCents: within.balanceCents,
          consent: true,
          consentVersion: 'portal-plan-consent-1',
        },
      ],
      ['GET', `/api/portal/v1/cases/${within.caseId}/plans/${plan.id}/schedule.pdf`, undefined],
      ['GET', `/api/portal/v1/cases/${held.caseId}/plans/${plan.id}/schedule.pdf`, undefined],
    ] as const;
    for (const [method, url, body] of theirs) {
      const response = await as(t.app, session)(method, url, body);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain(String(within.balanceCents));
      expect(response.body).not.toContain(within.debtorId);
    }
    // A staff session opens none of it.
    expect((await as(t.app, agent)('GET', `/api/portal/v1/cases/${within.caseId}/plans`)).statusCode).toBe(401);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
