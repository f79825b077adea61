import { sql } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { applyEvent, lockPlan, planCaseEvent } from './plan-status.js';
import { fitPlanToBalance } from './fit-plan.js';
import { recordText } from '../cases/core/record-texts.js';
import { loadPlan } from './plan-view.js';
import type { ApprovalItem, PlanView } from './contract.js';

/** The approvals waiting for a team leader, oldest first. */
export async function listPendingApprovals(deps: Deps): Promise<ApprovalItem[]> {
  const rows = await deps.db
    .selectFrom('plan_approvals')
    .innerJoin('plans', 'plans.id', 'plan_approvals.plan_id')
    .innerJoin('plan_versions', (j) =>
      j
        .onRef('plan_versions.plan_id', '=', 'plan_approvals.plan_id')
        .onRef('plan_versions.version', '=', 'plan_approvals.version'),
    )
    .innerJoin('cases', 'cases.id', 'plans.case_id')
    .innerJoin('debtors', 'debtors.id', 'plans.debtor_id')
    .leftJoin('users', 'users.id', 'plan_approvals.requested_by')
    .select([
      'plan_approvals.id',
      'plan_approvals.plan_id',
      'plan_approvals.version',
      'plan_approvals.reasons',
      'plan_approvals.requested_at',
      'users.display_name',
    ])
    .select([
      'cases.id as case_id',
      'cases.reference',
      'debtors.kind as debtor_kind',
      'debtors.first_name',
      'debtors.last_name',
      'debtors.company_name',
    ])
    .select([
      'plan_versions.id as version_id',
      'plan_versions.kind',
      'plan_versions.agreed_cents',
      'plan_versions.discount_cents',
      'plan_versions.balance_cents',
      'plan_versions.capacity_cents',
      'plan_versions.knowingly_above_capacity',
    ])
    .select((eb) => [
      eb
        .selectFrom('plan_instalments')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('plan_instalments.plan_version_id', '=', 'plan_versions.id')
        .as('instalments'),
      eb
        .selectFrom('plan_instalments')
        .select(sql<string>`max(amount_cents)`.as('m'))
        .whereRef('plan_instalments.plan_version_id', '=', 'plan_versions.id')
        .as('largest'),
      eb
        .selectFrom('plan_instalments')
        .select(sql<string>`coalesce(sum(amount_cents) filter (where status <> 'paid'), 0)`.as('s'))
        .whereRef('plan_instalments.plan_version_id', '=', 'plan_versions.id')
        .as('scheduled'),
    ])
    .where('plan_approvals.status', '=', 'pending')
    .orderBy('plan_approvals.requested_at')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    version: r.version,
    reasons: r.reasons,
    requestedBy: r.display_name,
    requestedAt: new Date(r.requested_at).toISOString(),
    caseId: r.case_id,
    caseReference: r.reference,
    debtorName: debtorName({
      kind: r.debtor_kind,
      first_name: r.first_name,
      last_name: r.last_name,
      company_name: r.company_name,
    }),
    kind: r.kind,
    agreedCents: Number(r.agreed_cents),
    discountCents: Number(r.discount_cents),
    balanceCents: Number(r.balance_cents),
    capacityCents: Number(r.capacity_cents),
    instalments: Number(r.instalments),
    largestInstalmentCents: Number(r.largest),
    scheduledCents: Number(r.scheduled),
    knowinglyAboveCapacity: r.knowingly_above_capacity,
  }));
}

/**
 * A team leader accepts (the plan is agreed) or refuses (the plan is refused) a pending approval, with a reason.
 * Nobody approves a plan they recorded themselves. Re-checked under the plan's lock.
 */
export async function decideApproval(
  deps: Deps,
  actor: Actor,
  approvalId: string,
  decision: 'accept' | 'refuse',
  reason: string,
  requestId: string | null,
): Promise<PlanView> {
  const at = deps.now();
  const planId = await deps.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('plan_approvals')
      .select('plan_id')
      .where('id', '=', approvalId)
      .executeTakeFirst();
    if (!found) throw notFound('The approval');
    let plan = await lockPlan(trx, found.plan_id);
    const approval = await trx
      .selectFrom('plan_approvals')
      .selectAll()
      .where('id', '=', approvalId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (
      approval.status !== 'pending' ||
      approval.version !== plan.current_version ||
      plan.status !== 'pending_approval'
    ) {
      throw conflict(
        'plans.approval_decided',
        'This approval was already decided, or the plan changed since: reload the list.',
        { approvalStatus: approval.status },
      );
    }
    if (approval.requested_by === actor.userId) {
      throw new AppError('plans.own_approval', 403, 'You recorded this plan: another team leader decides on it.');
    }
    if (decision === 'accept') {
      // The balance may have moved since the plan was recorded: it is agreed only once it asks for no more than is owed.
      await fitPlanToBalance(trx, actor, plan.case_id, 'approval', { at, requestId });
      plan = await lockPlan(trx, plan.id);
      if (plan.status !== 'pending_approval')
        throw conflict(
          'plans.nothing_owed',
          'Nothing is owed on this case any more: the plan was closed and there is nothing to approve.',
        );
    }
    await applyEvent(
      trx,
      plan,
      { type: decision === 'accept' ? 'approve' : 'refuse' },
      { reason, actorUserId: actor.userId, at },
    );
    await trx
      .updateTable('plan_approvals')
      .set({
        status: decision === 'accept' ? 'accepted' : 'refused',
        decided_by: actor.userId,
        decided_at: at,
        decision_reason: reason,
      })
      .where('id', '=', approvalId)
      .execute();
    await planCaseEvent(
      trx,
      plan,
      recordText(decision === 'accept' ? 'plan_approved' : 'plan_refused', {
        version: plan.current_version,
        by: actor.displayName,
        reason,
      }),
      actor.userId,
      at,
      { approvalId },
    );
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: decision === 'accept' ? 'plan.approved' : 'plan.refused',
      targetType: 'plan',
      targetId: plan.id,
      creditorId: plan.creditor_id,
      after: { approvalId, version: plan.current_version, reasons: approval.reasons, reason, status: plan.status },
      requestId,
      at,
    });
    return plan.id;
  });
  return loadPlan(deps.db, planId);
}
