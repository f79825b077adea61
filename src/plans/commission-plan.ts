import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { recordText } from '../cases/core/record-texts.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import { conflict, invalid } from '../platform/errors.js';
import { TERMINAL_STATUSES } from './core/index.js';
import { frenchReason, reasonColumns, writeReason } from './core/event-reasons.js';
import { applyEvent, lockPlan, planCaseEvent, withdrawPendingApproval } from './plan-status.js';

export interface CommissionInstalment {
  dueOn: string;
  amountCents: number;
}

export interface CommissionPlan {
  caseId: string;
  /** The commission's decision (a plan conventionnel adopted, mesures imposées, an Italian plan approved). */
  decisionRef: string;
  instalments: readonly CommissionInstalment[];
  at: Date;
  requestId: string | null;
}

/**
 * Imports the schedule an over-indebtedness commission (or judge, or the OCC) set as the case's plan, in the caller's
 * transaction: a plan agreed at once (the decision binds the debtor and the creditor; no budget of the agency and no
 * mandate limit is checked against it), its instalments as the decision dates them, followed from then on by the
 * plans machinery (a payment pays them, the nightly follow-up marks them late). Any other live plan of the case is
 * cancelled first. Answers the plan's id.
 */
export async function importCommissionPlanIn(trx: Transaction<DB>, actor: Actor, p: CommissionPlan): Promise<string> {
  if (p.instalments.length === 0 || p.instalments.length > 84 * 2)
    throw invalid('plans.commission_schedule', 'The commission’s schedule needs between 1 and 168 instalments.');
  const kase = await trx
    .selectFrom('cases')
    .select(['id', 'debtor_id', 'creditor_id', 'balance_cents', 'status'])
    .where('id', '=', p.caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (kase.status === 'closed') throw conflict('plans.case_closed', 'This case is closed: no plan can be imported.');
  await cancelLivePlansIn(trx, actor, [p.caseId], `Décision de la commission ${p.decisionRef}`, p.at, p.requestId);
  const agreed = p.instalments.reduce((sum, i) => sum + i.amountCents, 0);
  const balance = Math.max(Number(kase.balance_cents), agreed);
  const plan = await trx
    .insertInto('plans')
    .values({
      case_id: kase.id,
      debtor_id: kase.debtor_id,
      creditor_id: kase.creditor_id,
      status: 'proposed',
      current_version: 1,
      created_by: actor.userId,
      created_at: p.at,
      updated_at: p.at,
    })
    .returning(['id', 'case_id', 'debtor_id', 'creditor_id', 'status', 'current_version'])
    .executeTakeFirstOrThrow();
  // The history stores the reason by key; the version keeps it in words (plan_versions.reason has no key columns).
  const reason = writeReason.commissionSchedule(p.decisionRef);
  await trx
    .insertInto('plan_events')
    .values({
      plan_id: plan.id,
      version: 1,
      from_status: null,
      to_status: 'proposed',
      ...reasonColumns(reason),
      actor_user_id: actor.userId,
      occurred_at: p.at,
    })
    .execute();
  await insertSchedule(trx, actor, p, plan.id, {
    balance,
    agreed,
    reason: frenchReason.commissionSchedule(p.decisionRef),
  });
  await applyEvent(
    trx,
    plan,
    { type: 'submit', needsApproval: false },
    { reason, actorUserId: actor.userId, at: p.at, version: 1 },
  );
  await planCaseEvent(
    trx,
    plan,
    recordText('plan_recorded_agreed', {
      version: 1,
      planKind: 'instalments',
      amountCents: agreed,
      instalments: p.instalments.length,
    }),
    actor.userId,
    p.at,
    { version: 1, status: 'agreed', decisionRef: p.decisionRef },
  );
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'plan.proposed',
    targetType: 'plan',
    targetId: plan.id,
    creditorId: plan.creditor_id,
    after: {
      caseId: kase.id,
      version: 1,
      kind: 'instalments',
      agreedCents: agreed,
      source: 'commission',
      status: 'agreed',
    },
    requestId: p.requestId,
    at: p.at,
  });
  return plan.id;
}

/** The plan's only version and its instalments, as the decision dates them. */
async function insertSchedule(
  trx: Transaction<DB>,
  actor: Actor,
  p: CommissionPlan,
  planId: string,
  amounts: { balance: number; agreed: number; reason: string },
): Promise<void> {
  const { balance, agreed, reason } = amounts;
  const plan = { id: planId };
  const version = await trx
    .insertInto('plan_versions')
    .values({
      plan_id: plan.id,
      version: 1,
      kind: 'instalments',
      reason,
      balance_cents: balance,
      agreed_cents: agreed,
      discount_cents: balance - agreed,
      capacity_cents: Math.max(...p.instalments.map((i) => i.amountCents)),
      assessment_id: null,
      max_plan_months: 84,
      max_discount_bp: 10_000,
      authority: JSON.stringify({ role: actor.role, source: 'commission', decisionRef: p.decisionRef }),
      approval_reasons: JSON.stringify([]),
      knowingly_above_capacity: false,
      created_by: actor.userId,
      created_at: p.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('plan_instalments')
    .values(
      [...p.instalments]
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
        .map((i, index) => ({
          plan_id: plan.id,
          plan_version_id: version.id,
          number: index + 1,
          due_on: i.dueOn,
          amount_cents: i.amountCents,
          paid_on: null,
          payment_reference: null,
        })),
    )
    .execute();
}

/**
 * Cancels the live plans of cases (an amicable plan the stay of an admissible over-indebtedness file stops), each
 * through its own status change, with its history line, its timeline line and its audit entry. Answers their ids.
 */
export async function cancelLivePlansIn(
  trx: Transaction<DB>,
  actor: Actor,
  caseIds: readonly string[],
  reason: string,
  at: Date,
  requestId: string | null,
): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const live = await trx
    .selectFrom('plans')
    .select('id')
    .where('case_id', 'in', [...caseIds])
    .where('status', 'not in', [...TERMINAL_STATUSES])
    .orderBy('id')
    .execute();
  for (const row of live) {
    const plan = await lockPlan(trx, row.id);
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
  }
  return live.map((row) => row.id);
}
