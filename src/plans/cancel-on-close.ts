import type { Transaction } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/append.js';
import type { CloseReason } from '../cases/core/lifecycle.js';
import { recordText } from '../cases/core/record-texts.js';
import type { DB } from '../platform/db/schema.js';
import { TERMINAL_STATUSES } from './core/index.js';
import { writeReason } from './core/event-reasons.js';
import { applyEvent, lockPlan, planCaseEvent, withdrawPendingApproval } from './plan-status.js';

export interface ClosedCasePlans {
  /** Cases the caller's transaction has just closed. */
  caseIds: readonly string[];
  actor: AuditActor;
  at: Date;
  requestId?: string | null;
}

/**
 * A closed case owes nothing through the agency, so its live plan (proposed, waiting for approval, agreed, active or
 * broken) is cancelled in the closing transaction, through the plan's own status change: its history line (the
 * case closed, with the reason), an approval still waiting withdrawn, a line on the case's timeline and the audit
 * entry. Called after the case closed: the lifecycle leaves a closed case where it is when its plan is cancelled.
 * Answers the plans cancelled.
 */
export async function cancelPlansOfClosedCases(trx: Transaction<DB>, p: ClosedCasePlans): Promise<string[]> {
  if (p.caseIds.length === 0) return [];
  const live = await trx
    .selectFrom('plans')
    .innerJoin('cases', 'cases.id', 'plans.case_id')
    .select(['plans.id', 'cases.close_reason'])
    .where('plans.case_id', 'in', [...p.caseIds])
    .where('cases.status', '=', 'closed')
    .where('plans.status', 'not in', [...TERMINAL_STATUSES])
    .orderBy('plans.id')
    .execute();
  for (const row of live) {
    const closeReason = (row.close_reason ?? 'settled') as CloseReason;
    const plan = await lockPlan(trx, row.id);
    const from = plan.status;
    await applyEvent(
      trx,
      plan,
      { type: 'cancel' },
      { reason: writeReason.caseClosed(closeReason), actorUserId: p.actor.userId, at: p.at },
    );
    await withdrawPendingApproval(trx, plan, p.at);
    await planCaseEvent(trx, plan, recordText('plan_cancelled_case_closed', { closeReason }), p.actor.userId, p.at);
    await appendAudit(trx, {
      actor: p.actor,
      action: 'plan.cancelled',
      targetType: 'plan',
      targetId: plan.id,
      creditorId: plan.creditor_id,
      before: { status: from },
      after: { status: 'cancelled', caseClosed: closeReason },
      requestId: p.requestId ?? null,
      at: p.at,
    });
  }
  return live.map((row) => row.id);
}
