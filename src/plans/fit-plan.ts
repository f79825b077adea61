import { sql, type Transaction } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import { applyFit, fitToBalance, type InstalmentState } from './core/index.js';
import { reasonColumns, writeReason, type AdjustmentCause, type PlanEventReason } from './core/event-reasons.js';
import { applyEvent, lockPlan, planCaseEvent, type LockedPlan } from './plan-status.js';
import { recordText } from '../cases/core/record-texts.js';

/** The live plans whose schedule still asks for money (a refused, cancelled or completed one asks for nothing). */
export const ASKING = ['proposed', 'pending_approval', 'agreed', 'active', 'broken'] as const;

/**
 * Brings the case's live plan down to its balance (plans/core/fit-to-balance.ts), in the caller's transaction: after
 * a payment has paid the instalments it covers, after a reversal has reopened them, after a credit or a correction,
 * and when a team leader approves. Nothing happens when the plan already asks for no more than the balance.
 * An instalment already sent for collection by direct debit is left as it is (its money is on its way).
 * When nothing remains owed, a plan with paid instalments is completed and one without is cancelled.
 * The plan's history, the case's timeline and the audit trail each say what changed and why.
 */
export async function fitPlanToBalance(
  trx: Transaction<DB>,
  actor: Actor | null,
  caseId: string,
  cause: AdjustmentCause,
  context: { at: Date; requestId: string | null },
): Promise<void> {
  const live = await trx
    .selectFrom('plans')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', 'in', ASKING)
    .executeTakeFirst();
  if (!live) return;
  const plan = await lockPlan(trx, live.id);
  const { balance_cents } = await trx
    .selectFrom('cases')
    .select('balance_cents')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const rows = await currentSchedule(trx, plan);
  const schedule: InstalmentState[] = rows.map((r) => ({
    number: r.number,
    dueOn: r.due_on,
    amountCents: Number(r.amount_cents),
    // Money already requested by direct debit is treated as on its way: that instalment is not trimmed.
    status: r.collected ? 'paid' : r.status,
  }));
  const inFlightCents = schedule
    .filter((i, k) => i.status === 'paid' && rows[k]!.status !== 'paid')
    .reduce((a, i) => a + i.amountCents, 0);
  const fit = fitToBalance(schedule, Number(balance_cents) - inFlightCents);
  if (!fit) return;
  const fromCents = fit.fromCents + inFlightCents;
  const toCents = fit.toCents + inFlightCents;
  const after = applyFit(schedule, fit);
  const ids = new Map(rows.map((r) => [r.number, r.id]));
  for (const lowered of fit.lowered)
    await trx
      .updateTable('plan_instalments')
      .set({ amount_cents: lowered.toCents })
      .where('id', '=', ids.get(lowered.number)!)
      .execute();
  if (fit.dropped.length > 0)
    await trx
      .deleteFrom('plan_instalments')
      .where(
        'id',
        'in',
        fit.dropped.map((n) => ids.get(n)!),
      )
      .execute();
  const actorUserId = actor?.userId ?? null;
  const from = plan.status;
  const reason = writeReason.adjustedToBalance(cause, fromCents, toCents);
  const paidNumbers = new Set(rows.filter((r) => r.status === 'paid').map((r) => r.number));
  await recordOnPlan(trx, plan, { reason, actorUserId, at: context.at }, after, paidNumbers);
  await planCaseEvent(
    trx,
    plan,
    recordText('plan_adjusted', {
      version: plan.current_version,
      fromCents,
      toCents,
      remaining: after.filter((i) => i.status !== 'paid').length,
    }),
    actorUserId,
    context.at,
    { version: plan.current_version, adjusted: { cause, fromCents, toCents } },
  );
  await appendAudit(trx, {
    actor: actor ? auditActor(actor) : SYSTEM_ACTOR,
    action: 'plan.adjusted',
    targetType: 'plan',
    targetId: plan.id,
    creditorId: plan.creditor_id,
    before: { status: from, openCents: fromCents },
    after: {
      caseId,
      version: plan.current_version,
      cause,
      balanceCents: Number(balance_cents),
      fromCents,
      toCents,
      lowered: fit.lowered,
      dropped: fit.dropped,
      status: plan.status,
    },
    requestId: context.requestId,
    at: context.at,
  });
}

/** The current version's instalments, locked, each with whether a direct debit was already issued for it. */
async function currentSchedule(trx: Transaction<DB>, plan: LockedPlan) {
  return await trx
    .selectFrom('plan_instalments')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_instalments.plan_version_id')
    .select(['plan_instalments.id', 'plan_instalments.number', 'plan_instalments.due_on'])
    .select(['plan_instalments.amount_cents', 'plan_instalments.status'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('sepa_collections').select('id').whereRef('instalment_id', '=', 'plan_instalments.id'))
        .as('collected'),
    )
    .where('plan_versions.plan_id', '=', plan.id)
    .where('plan_versions.version', '=', plan.current_version)
    .orderBy('plan_instalments.number')
    .forUpdate(['plan_instalments'])
    .execute();
}

/**
 * The change in the plan's history: a plan left with nothing to pay is completed (some instalments were paid) or
 * cancelled (none was); otherwise its status stays and an event records the adjustment with its reason.
 */
async function recordOnPlan(
  trx: Transaction<DB>,
  plan: LockedPlan,
  change: { reason: PlanEventReason; actorUserId: string | null; at: Date },
  after: readonly InstalmentState[],
  paidNumbers: ReadonlySet<number>,
): Promise<void> {
  const { reason, actorUserId } = change;
  const context = { at: change.at };
  const nothingLeft = after.every((i) => paidNumbers.has(i.number));
  if (nothingLeft && after.length > 0 && ['agreed', 'active', 'broken'].includes(plan.status)) {
    await applyEvent(trx, plan, { type: 'pay', allPaid: true }, { reason, actorUserId, at: context.at });
  } else if (nothingLeft) {
    await applyEvent(trx, plan, { type: 'cancel' }, { reason, actorUserId, at: context.at });
  } else {
    // The status stays: the plan's history still records the change, with its reason.
    await trx
      .insertInto('plan_events')
      .values({
        plan_id: plan.id,
        version: plan.current_version,
        from_status: plan.status,
        to_status: plan.status,
        ...reasonColumns(reason),
        actor_user_id: actorUserId,
        occurred_at: context.at,
      })
      .execute();
    await sql`update plans set updated_at = ${context.at} where id = ${plan.id}`.execute(trx);
  }
}
