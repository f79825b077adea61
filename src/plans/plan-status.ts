import type { Transaction } from 'kysely';
import type { DB, PlanStatus } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { nextStatus, type PlanEvent } from './core/index.js';
import { reasonColumns, type PlanEventReason } from './core/event-reasons.js';
import { appendCaseEvent } from '../cases/append-case-event.js';
import { changeCase } from '../cases/change-case.js';
import type { CaseChange } from '../cases/core/lifecycle.js';
import type { RecordText } from '../cases/core/record-texts.js';

export interface LockedPlan {
  id: string;
  case_id: string;
  debtor_id: string;
  creditor_id: string;
  status: PlanStatus;
  current_version: number;
}

/**
 * The plan row, locked for the transaction: every change of a plan is ordered by this lock. Its case's row is locked
 * first: a payment locks its case and then pays the plan's instalments in its transaction, so every writer takes the
 * two locks in the same order (case, then plan) and none waits for another that waits for it.
 */
export async function lockPlan(trx: Transaction<DB>, planId: string): Promise<LockedPlan> {
  const owner = await trx.selectFrom('plans').select('case_id').where('id', '=', planId).executeTakeFirst();
  if (!owner) throw notFound('The plan');
  await trx.selectFrom('cases').select('id').where('id', '=', owner.case_id).forUpdate().execute();
  const plan = await trx
    .selectFrom('plans')
    .select(['id', 'case_id', 'debtor_id', 'creditor_id', 'status', 'current_version'])
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!plan) throw notFound('The plan');
  return plan;
}

/**
 * Applies a lifecycle event (core/lifecycle.ts) to a locked plan: refuses one its status does not allow, records
 * the change as a plan event with its reason, and moves the plan's head. Returns the new status.
 */
export async function applyEvent(
  trx: Transaction<DB>,
  plan: LockedPlan,
  event: PlanEvent,
  change: { reason: PlanEventReason; actorUserId: string | null; at: Date; version?: number },
): Promise<PlanStatus> {
  const to = nextStatus(plan.status, event);
  if (to === null) {
    throw conflict(
      'plans.wrong_status',
      `A plan that is ${plan.status} cannot be changed this way (${event.type}): reload the plan and check its status.`,
      { planStatus: plan.status },
    );
  }
  const version = change.version ?? plan.current_version;
  await trx
    .insertInto('plan_events')
    .values({
      plan_id: plan.id,
      version,
      from_status: plan.status,
      to_status: to,
      ...reasonColumns(change.reason),
      actor_user_id: change.actorUserId,
      occurred_at: change.at,
    })
    .execute();
  await trx
    .updateTable('plans')
    .set({ status: to, current_version: version, updated_at: change.at })
    .where('id', '=', plan.id)
    .execute();
  plan.status = to;
  plan.current_version = version;
  await followCaseStage(trx, plan, to, change);
  return to;
}

const CASE_CHANGES_OF_PLAN: Partial<Record<PlanStatus, (plan: LockedPlan) => CaseChange>> = {
  agreed: (plan) => ({ reason: 'plan_agreed', planId: plan.id, planVersion: plan.current_version }),
  cancelled: (plan) => ({ reason: 'plan_cancelled', planId: plan.id }),
  broken: (plan) => ({ reason: 'plan_broken', planId: plan.id }),
};

/**
 * The case's stage follows its plan, in the plan change's transaction (cases/core/lifecycle.ts): an agreed plan
 * moves an amicable case to `plan`; a cancelled or broken one moves it back to `amicable`. A case at another stage
 * (dispute, over-indebtedness, judicial, closed) is left where a person put it.
 */
async function followCaseStage(
  trx: Transaction<DB>,
  plan: LockedPlan,
  to: PlanStatus,
  change: { actorUserId: string | null; at: Date },
): Promise<void> {
  const caseChange = CASE_CHANGES_OF_PLAN[to]?.(plan);
  if (caseChange)
    await changeCase(trx, {
      caseId: plan.case_id,
      change: caseChange,
      actorUserId: change.actorUserId,
      now: change.at,
    });
}

/** A line on the case's timeline (by key: the web app says it in the reader's language). */
export async function planCaseEvent(
  trx: Transaction<DB>,
  plan: { id: string; case_id: string; debtor_id: string },
  summary: RecordText,
  actorUserId: string | null,
  at: Date,
  data: Record<string, unknown> = {},
) {
  await appendCaseEvent(trx, {
    caseId: plan.case_id,
    debtorId: plan.debtor_id,
    at,
    kind: 'plan',
    summary,
    actorUserId,
    data: { planId: plan.id, ...data },
  });
}

/** A plan changed or cancelled before a decision: the approval it waited for is withdrawn. */
export async function withdrawPendingApproval(trx: Transaction<DB>, plan: LockedPlan, at: Date): Promise<void> {
  await trx
    .updateTable('plan_approvals')
    .set({ status: 'withdrawn', decided_at: at, decision_reason: 'plan changed before a decision' })
    .where('plan_id', '=', plan.id)
    .where('status', '=', 'pending')
    .execute();
}
