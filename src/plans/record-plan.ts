import { sql, type Transaction } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { DB, Role } from '../platform/db/schema.js';
import { conflict } from '../platform/errors.js';
import { checkTerms, type Authority, type CheckedTerms, type PlanStatus, type Reason } from './core/index.js';
import { frenchReason, reasonColumns, writeReason } from './core/event-reasons.js';
import {
  assertCaseOpen,
  assertNotInProcedure,
  loadAuthority,
  loadCapacity,
  loadCase,
  type CapacityFacts,
  type CaseFacts,
} from './plan-facts.js';
import { applyEvent, lockPlan, planCaseEvent, withdrawPendingApproval, type LockedPlan } from './plan-status.js';
import { recordText } from '../cases/core/record-texts.js';
import { loadPlan } from './plan-view.js';
import type { PlanTerms, PlanView } from './contract.js';

/**
 * Who records a plan: an agent (their role's authority, their name on it), or the debtor choosing on the portal, who
 * is held to an agent's authority (no staff author; the audit trail names the debtor).
 */
export interface PlanAuthor {
  userId: string | null;
  /** The role whose authority the plan is checked against (plan_authority). */
  role: Role;
  audit: AuditActor;
}

export function planAuthorOf(actor: Actor): PlanAuthor {
  return { userId: actor.userId, role: actor.role, audit: auditActor(actor) };
}

interface VersionInput {
  plan: LockedPlan;
  version: number;
  owedCents: number;
  facts: CaseFacts;
  capacity: CapacityFacts;
  authority: Authority;
  terms: PlanTerms;
  reason: string;
  actor: PlanAuthor;
  at: Date;
  requestId: string | null;
}

/**
 * Writes a version: its terms and schedule, checked against the mandate (refused beyond it), the capacity and the
 * actor's authority (a team leader's approval beyond them), then submits it: agreed, or waiting for approval.
 */
async function writeVersion(trx: Transaction<DB>, v: VersionInput): Promise<void> {
  const checked = checkTerms(v.terms, {
    owedCents: v.owedCents,
    capacityCents: v.capacity.capacityCents,
    mandate: v.facts.mandate,
    authority: v.authority,
    place: v.facts.place,
  });
  await insertVersion(trx, v, checked);
  const status = await submitVersion(trx, v, checked.approvalReasons);
  await recordVersion(trx, v, checked, status);
}

/** The version's row and its schedule. */
async function insertVersion(trx: Transaction<DB>, v: VersionInput, checked: CheckedTerms): Promise<void> {
  const inserted = await trx
    .insertInto('plan_versions')
    .values({
      plan_id: v.plan.id,
      version: v.version,
      kind: v.terms.kind,
      reason: v.reason,
      balance_cents: v.owedCents,
      agreed_cents: checked.agreedCents,
      discount_cents: checked.discountCents,
      capacity_cents: v.capacity.capacityCents,
      assessment_id: v.capacity.assessmentId,
      max_plan_months: v.facts.mandate.maxPlanMonths,
      max_discount_bp: v.facts.mandate.maxDiscountBp,
      authority: JSON.stringify({ role: v.actor.role, ...v.authority }),
      approval_reasons: JSON.stringify(checked.approvalReasons),
      knowingly_above_capacity: checked.aboveCapacity,
      created_by: v.actor.userId,
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('plan_instalments')
    .values(
      checked.schedule.map((i) => ({
        plan_id: v.plan.id,
        plan_version_id: inserted.id,
        number: i.number,
        due_on: i.dueOn,
        amount_cents: i.amountCents,
        paid_on: null,
        payment_reference: null,
      })),
    )
    .execute();
}

/** Submits the version: agreed at once, or waiting for a team leader's approval for its reasons. */
async function submitVersion(trx: Transaction<DB>, v: VersionInput, approvalReasons: Reason[]): Promise<PlanStatus> {
  const needsApproval = approvalReasons.length > 0;
  const status = await applyEvent(
    trx,
    v.plan,
    { type: 'submit', needsApproval },
    {
      reason: needsApproval ? writeReason.needsApproval(approvalReasons) : writeReason.withinAuthority(),
      actorUserId: v.actor.userId,
      at: v.at,
      version: v.version,
    },
  );
  if (needsApproval) {
    await trx
      .insertInto('plan_approvals')
      .values({
        plan_id: v.plan.id,
        version: v.version,
        reasons: JSON.stringify(approvalReasons),
        requested_by: v.actor.userId,
        requested_at: v.at,
      })
      .execute();
  }
  return status;
}

/** The case's timeline and the audit trail say what was recorded and where it stands. */
async function recordVersion(
  trx: Transaction<DB>,
  v: VersionInput,
  checked: CheckedTerms,
  status: PlanStatus,
): Promise<void> {
  const { agreedCents, discountCents, schedule, approvalReasons } = checked;
  await planCaseEvent(
    trx,
    v.plan,
    recordText(approvalReasons.length > 0 ? 'plan_recorded_pending' : 'plan_recorded_agreed', {
      version: v.version,
      planKind: v.terms.kind,
      amountCents: agreedCents,
      instalments: schedule.length,
    }),
    v.actor.userId,
    v.at,
    { version: v.version, status },
  );
  await appendAudit(trx, {
    actor: v.actor.audit,
    action: v.version === 1 ? 'plan.proposed' : 'plan.renegotiated',
    targetType: 'plan',
    targetId: v.plan.id,
    creditorId: v.plan.creditor_id,
    after: {
      caseId: v.plan.case_id,
      version: v.version,
      kind: v.terms.kind,
      agreedCents,
      discountCents,
      instalments: schedule.length,
      capacityCents: v.capacity.capacityCents,
      assessmentId: v.capacity.assessmentId,
      approvalReasons,
      knowinglyAboveCapacity: checked.aboveCapacity,
      status,
      reason: v.reason,
    },
    requestId: v.requestId,
    at: v.at,
  });
}

async function capacityOrRefuse(trx: Transaction<DB>, facts: CaseFacts): Promise<CapacityFacts> {
  const capacity = await loadCapacity(trx, facts.debtorId, facts.balanceCents);
  if (!capacity)
    throw conflict(
      'plans.assessment_required',
      "Record the household's budget first: a plan is proposed from the debtor's repayment capacity.",
    );
  return capacity;
}

/** Records the plan a debtor chose on a case: agreed at once within the agent's authority and the capacity, else sent for approval. */
export async function createPlan(
  deps: Deps,
  actor: Actor,
  caseId: string,
  terms: PlanTerms,
  note: string | undefined,
  requestId: string | null,
): Promise<PlanView> {
  const at = deps.now();
  const planId = await deps.db
    .transaction()
    .execute((trx) => createPlanIn(trx, planAuthorOf(actor), caseId, terms, note, { at, requestId }));
  return loadPlan(deps.db, planId);
}

/**
 * Records a new plan in the caller's transaction (the agent's path and the debtor's on the portal): the case locked
 * and re-checked (open, not in an over-indebtedness procedure, something owed, no live plan, a budget on file), then
 * its first version checked and submitted. Returns the plan's id.
 */
export async function createPlanIn(
  trx: Transaction<DB>,
  author: PlanAuthor,
  caseId: string,
  terms: PlanTerms,
  note: string | undefined,
  context: { at: Date; requestId: string | null },
): Promise<string> {
  const { at, requestId } = context;
  const facts = await loadCase(trx, caseId, true);
  assertCaseOpen(facts);
  assertNotInProcedure(facts);
  if (facts.balanceCents <= 0)
    throw conflict('plans.nothing_owed', 'Nothing is owed on this case: there is no plan to make.');
  const live = await trx
    .selectFrom('plans')
    .select(['id', 'status'])
    .where('case_id', '=', caseId)
    .where('status', 'not in', ['completed', 'cancelled', 'refused'])
    .executeTakeFirst();
  if (live)
    throw conflict(
      'plans.plan_exists',
      'This case already has a live plan: renegotiate it (a new version) or cancel it first.',
      { planId: live.id },
    );
  const capacity = await capacityOrRefuse(trx, facts);
  const authority = await loadAuthority(trx, author.role);
  const row = await trx
    .insertInto('plans')
    .values({
      case_id: caseId,
      debtor_id: facts.debtorId,
      creditor_id: facts.creditorId,
      status: 'proposed',
      current_version: 1,
      created_by: author.userId,
      created_at: at,
      updated_at: at,
    })
    .returning(['id', 'case_id', 'debtor_id', 'creditor_id', 'status', 'current_version'])
    .executeTakeFirstOrThrow();
  const written = note?.trim() || null;
  // The version keeps its reason in words (plan_versions.reason, read back by key: versionReasonView); the history
  // stores it by key.
  const reason = written ?? frenchReason.chosenWithDebtor();
  await trx
    .insertInto('plan_events')
    .values({
      plan_id: row.id,
      version: 1,
      from_status: null,
      to_status: 'proposed',
      ...reasonColumns(written ?? writeReason.chosenWithDebtor()),
      actor_user_id: author.userId,
      occurred_at: at,
    })
    .execute();
  await writeVersion(trx, {
    plan: row,
    version: 1,
    owedCents: facts.balanceCents,
    facts,
    capacity,
    authority,
    terms,
    reason,
    actor: author,
    at,
    requestId,
  });
  return row.id;
}

/** What remains to pay on the plan's current version. */
async function remainingCents(trx: Transaction<DB>, plan: LockedPlan): Promise<number> {
  const row = await trx
    .selectFrom('plan_instalments')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_instalments.plan_version_id')
    .select(
      sql<string>`coalesce(sum(plan_instalments.amount_cents) filter (where plan_instalments.status <> 'paid'), 0)`.as(
        'open',
      ),
    )
    .where('plan_versions.plan_id', '=', plan.id)
    .where('plan_versions.version', '=', plan.current_version)
    .executeTakeFirstOrThrow();
  return Number(row.open);
}

/** A pending approval of the plan's current version is withdrawn when the plan changes before a decision. */

/**
 * Renegotiates a plan: a new version on what remains unpaid, with its reason. The earlier versions and their
 * instalments stay as they were. A broken plan's follow-up is closed as renegotiated.
 */
export async function renegotiatePlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  terms: PlanTerms,
  reason: string,
  requestId: string | null,
): Promise<PlanView> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, planId);
    const facts = await loadCase(trx, plan.case_id, true);
    assertCaseOpen(facts);
    assertNotInProcedure(facts);
    const owedCents = await remainingCents(trx, plan);
    if (owedCents <= 0)
      throw conflict('plans.nothing_owed', 'Every instalment of this plan is paid: there is nothing to renegotiate.');
    const capacity = await capacityOrRefuse(trx, facts);
    const authority = await loadAuthority(trx, actor.role);
    const version = plan.current_version + 1;
    await withdrawPendingApproval(trx, plan, at);
    await applyEvent(trx, plan, { type: 'renegotiate' }, { reason, actorUserId: actor.userId, at, version });
    await writeVersion(trx, {
      plan,
      version,
      owedCents,
      facts,
      capacity,
      authority,
      terms,
      reason,
      actor: planAuthorOf(actor),
      at,
      requestId,
    });
    await trx
      .updateTable('case_reviews')
      .set({ status: 'closed', closed_by: actor.userId, closed_at: at, outcome: `renégocié : version ${version}` })
      .where('plan_id', '=', plan.id)
      .where('kind', '=', 'broken_plan')
      .where('status', '=', 'open')
      .execute();
  });
  return loadPlan(deps.db, planId);
}

/** Cancels a live plan, with its reason. */
export async function cancelPlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  reason: string,
  requestId: string | null,
): Promise<PlanView> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, planId);
    const from = plan.status;
    await applyEvent(trx, plan, { type: 'cancel' }, { reason, actorUserId: actor.userId, at });
    await withdrawPendingApproval(trx, plan, at);
    await planCaseEvent(trx, plan, recordText('plan_cancelled', { reason }), actor.userId, at);
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'plan.cancelled',
      targetType: 'plan',
      targetId: plan.id,
      creditorId: plan.creditor_id,
      before: { status: from },
      after: { status: 'cancelled', reason },
      requestId,
      at,
    });
  });
  return loadPlan(deps.db, planId);
}
