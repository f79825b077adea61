import type { Kysely, Transaction } from 'kysely';
import { recordAssessmentIn } from '../affordability/assessments.js';
import type { CapacityResult } from '../affordability/core/index.js';
import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import { loadCapacity } from '../plans/plan-facts.js';
import { loadPlan, loadPlans } from '../plans/plan-view.js';
import { planProposals } from '../plans/proposals-view.js';
import { createPlanIn } from '../plans/record-plan.js';
import { schedulePdf } from '../plans/schedule-pdf.js';
import {
  nextInstalment,
  PLAN_CONSENT_VERSION,
  planRefusal,
  proposalInWords,
  type PlanRefusal,
} from './core/plan-choice.js';
import type {
  PlanSigned,
  PortalBudget,
  PortalBudgetInput,
  PortalCurrentPlan,
  PortalPlans,
  SignPlanInput,
} from './plans/contract.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import type { PortalVisitor } from './portal-sessions.js';
import { activeHoldKinds } from './portal-facts.js';

/**
 * The person's budget and plan on the portal (docs/portal.md, "A budget and a plan"). The budget is computed by the
 * agents' own computation (affordability's `recordAssessmentIn`), the plans are the proposals an agent sees on the
 * case with an agent's authority (`planProposals`), and the plan chosen is recorded by the agents' own writer
 * (`createPlanIn`): agreed at once within that authority, otherwise in the team leaders' approval queue.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** Whose authority the person's choice is checked against: an agent's, exactly as if an agent recorded it. */
const AUTHORITY = { role: 'agent' } as const;

/** The person's own case (404 otherwise, like a case that does not exist), locked when `lock`. */
async function ownCase(db: Db, visitor: PortalVisitor, caseId: string, lock = false) {
  let query = db
    .selectFrom('cases')
    .select(['id', 'debtor_id', 'creditor_id', 'status', 'stage', 'balance_cents'])
    .where('id', '=', caseId)
    .where('debtor_id', '=', visitor.debtorId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('case');
  return { ...row, balanceCents: Number(row.balance_cents) };
}

type OwnCase = Awaited<ReturnType<typeof ownCase>>;

async function refusalOf(db: Db, found: OwnCase, now: Date): Promise<PlanRefusal | null> {
  const [holds, live, budget] = await Promise.all([
    activeHoldKinds(db, found, now),
    db
      .selectFrom('plans')
      .select('id')
      .where('case_id', '=', found.id)
      .where('status', 'not in', ['completed', 'cancelled', 'refused'])
      .executeTakeFirst(),
    db.selectFrom('debtor_assessments').select('id').where('debtor_id', '=', found.debtor_id).executeTakeFirst(),
  ]);
  return planRefusal({
    status: found.status,
    stage: found.stage,
    balanceCents: found.balanceCents,
    activeHolds: holds,
    livePlan: live !== undefined,
    hasBudget: budget !== undefined,
  });
}

const REFUSALS: Record<PlanRefusal, { code: string; message: string }> = {
  case_closed: { code: 'portal.case_closed', message: 'This file is closed: nothing more can be asked on it.' },
  on_hold: {
    code: 'portal.plan_on_hold',
    message: 'Your file is paused or followed by a person of our team: call us to agree a plan together.',
  },
  nothing_owed: { code: 'portal.nothing_owed', message: 'Nothing is left to pay on this file.' },
  plan_exists: { code: 'portal.plan_exists', message: 'This file already has a plan: call us to change it.' },
  budget_required: {
    code: 'portal.budget_required',
    message: 'Fill in your budget first: the plans proposed depend on it.',
  },
};

/** The person's latest budget: its capacity and the explanation, step by step, as the agent reads it. */
async function latestBudget(db: Db, debtorId: string): Promise<PortalBudget | null> {
  const row = await db
    .selectFrom('debtor_assessments')
    .select(['version', 'assessed_on', 'source', 'result'])
    .where('debtor_id', '=', debtorId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    version: row.version,
    date: row.assessed_on,
    source: row.source as 'agent' | 'portal',
    result: row.result as CapacityResult,
  };
}

/**
 * A budget the person declares for their household: recorded as the next version of their budget (source portal),
 * computed with the reference data in force today exactly as an agent's is, on the case's timeline and audited.
 */
export async function declarePortalBudget(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  input: PortalBudgetInput,
  requestId: string,
): Promise<PortalBudget> {
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const found = await ownCase(trx, visitor, caseId, true);
    if (found.status === 'closed') throw conflict(REFUSALS.case_closed.code, REFUSALS.case_closed.message);
    const saved = await recordAssessmentIn(
      trx,
      { userId: null, source: 'portal', audit: { actor: PORTAL_ACTOR, action: 'portal.budget_declared' } },
      found.debtor_id,
      {
        date: agencyToday(at, deps.config),
        household: input.household,
        resources: input.resources,
        expenses: input.expenses.map((expense) => ({ ...expense, basis: 'actual' as const })),
      },
      { at, requestId },
    );
    await appendCaseEvent(trx, {
      caseId: found.id,
      debtorId: found.debtor_id,
      at,
      kind: 'plan',
      channel: null,
      summary: recordText('portal_budget_declared', {}),
      actorUserId: null,
      data: { via: 'portal', assessmentId: saved.id, version: saved.version },
    });
    return { version: saved.version, date: saved.result.date, source: 'portal', result: saved.result };
  });
}

/** The case's live plan (or its latest), as the person reads it: the total, each payment and the next one to make. */
async function currentPlan(db: Db, caseId: string): Promise<PortalCurrentPlan | null> {
  const plans = await loadPlans(db, { caseId });
  const plan = plans.find((p) => !['completed', 'cancelled', 'refused'].includes(p.status)) ?? plans[0];
  if (!plan) return null;
  const version = plan.versions.find((v) => v.version === plan.currentVersion)!;
  const instalments = version.instalments.map((i) => ({
    number: i.number,
    dueOn: i.dueOn,
    amountCents: i.amountCents,
    status: i.status,
  }));
  return {
    id: plan.id,
    status: plan.status,
    kind: version.kind,
    totalCents: instalments.reduce((sum, i) => sum + i.amountCents, 0),
    waivedCents: version.discountCents,
    instalments,
    next: ['agreed', 'active', 'broken'].includes(plan.status) ? nextInstalment(instalments) : null,
    scheduleAvailable: !['proposed', 'pending_approval', 'refused'].includes(plan.status),
  };
}

/**
 * What the person may choose on their case: their budget's capacity, the plans an agent would be shown on it (said
 * plainly), or why none can be chosen here; and the plan they have.
 */
export async function portalPlans(deps: Deps, visitor: PortalVisitor, caseId: string): Promise<PortalPlans> {
  const found = await ownCase(deps.db, visitor, caseId);
  // Read at once; the capacity is this case's share, which the proposals below read the same way.
  const capacityRead = loadCapacity(deps.db, found.debtor_id, found.balanceCents);
  const [refusal, budget, current, share] = await Promise.all([
    refusalOf(deps.db, found, deps.now()),
    latestBudget(deps.db, found.debtor_id),
    currentPlan(deps.db, found.id),
    capacityRead,
  ]);
  const base = {
    balanceCents: found.balanceCents,
    budget,
    capacityCents: share?.capacityCents ?? null,
    refusal,
    consentVersion: PLAN_CONSENT_VERSION,
    current,
  };
  if (refusal !== null) return { ...base, orientation: false, proposals: [] };
  const offered = await planProposals(deps, AUTHORITY, found.id, undefined, deps.db, { capacity: capacityRead });
  return { ...base, orientation: offered.orientation, proposals: offered.proposals.map(proposalInWords) };
}

/**
 * The plan the person signs, with their explicit consent: one of the plans proposed now, exactly as shown (its kind,
 * first date, number of payments and total; otherwise 409, look again). Recorded by the agents' writer with an agent's
 * authority (agreed at once, or waiting for a team leader), on the timeline, the consent audited with its text's
 * version, in one transaction.
 */
export async function signPortalPlan(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  input: SignPlanInput,
  requestId: string,
): Promise<PlanSigned> {
  const at = deps.now();
  const planId = await deps.db.transaction().execute(async (trx) => {
    const found = await ownCase(trx, visitor, caseId, true);
    const refusal = await refusalOf(trx, found, at);
    if (refusal !== null) throw conflict(REFUSALS[refusal].code, REFUSALS[refusal].message);
    const offered = await planProposals(deps, AUTHORITY, found.id, undefined, trx);
    const chosen = offered.proposals.find((p) => p.kind === input.kind);
    const shown = chosen ? proposalInWords(chosen) : null;
    if (
      !chosen ||
      !shown ||
      shown.firstDueOn !== input.firstDueOn ||
      shown.count !== input.count ||
      shown.totalCents !== input.totalCents
    )
      throw conflict('portal.plan_not_offered', 'The plans proposed have changed: look at them again before you sign.');
    const id = await createPlanIn(
      trx,
      { userId: null, role: AUTHORITY.role, audit: PORTAL_ACTOR },
      found.id,
      {
        kind: chosen.kind,
        firstDueOn: offered.firstDueOn,
        ...(chosen.kind === 'settlement' ? { discountCents: chosen.discountCents } : {}),
        // The page said so before the person ticked their consent: above the capacity, the agency looks at it.
        knowinglyAboveCapacity: chosen.approvalReasons.includes('above_capacity'),
      },
      undefined,
      { at, requestId },
    );
    await appendCaseEvent(trx, {
      caseId: found.id,
      debtorId: found.debtor_id,
      at,
      kind: 'plan',
      channel: null,
      summary: recordText('portal_plan_signed', {}),
      actorUserId: null,
      data: { via: 'portal', planId: id, consentVersion: input.consentVersion },
    });
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.plan_signed',
      targetType: 'plan',
      targetId: id,
      creditorId: found.creditor_id,
      after: {
        caseId: found.id,
        debtorId: found.debtor_id,
        kind: chosen.kind,
        count: shown.count,
        totalCents: shown.totalCents,
        firstDueOn: shown.firstDueOn,
        consent: true,
        consentVersion: input.consentVersion,
        consentAt: at.toISOString(),
      },
      requestId,
      at,
    });
    return id;
  });
  const plan = await loadPlan(deps.db, planId);
  return {
    planId,
    status: plan.status,
    awaitingApproval: plan.status === 'pending_approval',
    signedAt: at.toISOString(),
  };
}

/** The schedule of the person's agreed plan as a PDF (the agents' document), the download audited. */
export async function portalSchedulePdf(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  planId: string,
  requestId: string,
): Promise<{ fileName: string; pdf: Buffer }> {
  const found = await ownCase(deps.db, visitor, caseId);
  const plan = await deps.db
    .selectFrom('plans')
    .select(['id', 'status'])
    .where('id', '=', planId)
    .where('case_id', '=', found.id)
    .executeTakeFirst();
  if (!plan) throw notFound('plan');
  if (['proposed', 'pending_approval', 'refused'].includes(plan.status))
    throw conflict('portal.plan_not_agreed', 'This plan is not agreed yet: its schedule exists once it is agreed.');
  const document = await schedulePdf(deps, plan.id);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.schedule_downloaded',
      targetType: 'plan',
      targetId: plan.id,
      creditorId: found.creditor_id,
      after: { caseId: found.id, debtorId: found.debtor_id },
      requestId,
      at: deps.now(),
    }),
  );
  return document;
}
