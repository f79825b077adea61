import { appendAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { agencyToday, latestToday } from '../platform/calendar/index.js';
import { debtorLocation } from '../contact-policy/load-facts.js';
import { writeReason } from './core/event-reasons.js';
import { followUp, nextStatus } from './core/index.js';
import { applyEvent, lockPlan, planCaseEvent, type LockedPlan } from './plan-status.js';
import { recordText } from '../cases/core/record-texts.js';
import type { PlanView } from './contract.js';
import { loadPlan } from './plan-view.js';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

export interface InstalmentPayment {
  /** The day the money arrived. */
  paidOn: string;
  /** The caller's idempotency key: the same reference again changes nothing (the ledger's entry id, later). */
  reference: string;
}

async function currentInstalments(trx: Transaction<DB>, plan: LockedPlan) {
  return trx
    .selectFrom('plan_instalments')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_instalments.plan_version_id')
    .selectAll('plan_instalments')
    .where('plan_versions.plan_id', '=', plan.id)
    .where('plan_versions.version', '=', plan.current_version)
    .orderBy('plan_instalments.number')
    .forUpdate(['plan_instalments'])
    .execute();
}

/**
 * Marks an instalment of the plan's current version paid, in full, for an agent (`actor`) or the system (null), with
 * the payment's reference as the idempotency key. The first payment starts an agreed plan; the last one completes it.
 */
export async function recordInstalmentPayment(
  deps: Deps,
  actor: Actor | null,
  planId: string,
  number: number,
  payment: InstalmentPayment,
  requestId: string | null,
): Promise<PlanView> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    // The payments' rule (payments/core/payment-checks.ts): not after today where it is latest, the agency's or the debtor's.
    const plan = await trx.selectFrom('plans').select('debtor_id').where('id', '=', planId).executeTakeFirst();
    const zones = [deps.config.AGENCY_TZ, ...(plan ? [(await debtorLocation(trx, plan.debtor_id)).timeZone] : [])];
    return payInstalmentIn(trx, actor, planId, number, payment, {
      at,
      latestPaidOn: latestToday(at, zones),
      requestId,
    });
  });
  return loadPlan(deps.db, planId);
}

/**
 * `recordInstalmentPayment` in the caller's transaction: a recorded payment pays the instalments it covers in its own
 * transaction (payments/plan-instalments.ts). `latestPaidOn` null: the caller already checked the payment's date.
 */
export async function payInstalmentIn(
  trx: Transaction<DB>,
  actor: Actor | null,
  planId: string,
  number: number,
  payment: InstalmentPayment,
  context: { at: Date; latestPaidOn: string | null; requestId: string | null },
): Promise<void> {
  const { at, requestId } = context;
  const who: AuditActor = actor ? auditActor(actor) : SYSTEM_ACTOR;
  const plan = await lockPlan(trx, planId);
  const instalments = await currentInstalments(trx, plan);
  const same = instalments.find((i) => i.payment_reference === payment.reference);
  if (same) {
    if (same.number !== number)
      throw conflict(
        'plans.payment_reference_used',
        'This payment reference was already recorded on another instalment: check the reference.',
        { number: same.number },
      );
    return; // already recorded: nothing changes
  }
  const target = instalments.find((i) => i.number === number);
  if (!target) throw notFound('The instalment');
  if (target.status === 'paid')
    throw conflict('plans.instalment_paid', 'This instalment is already paid (with another reference).');
  if (context.latestPaidOn !== null && payment.paidOn > context.latestPaidOn)
    throw invalid('plans.paid_in_future', 'The payment date is in the future: give the day the money arrived.');
  const allPaid = instalments.every((i) => i.number === number || i.status === 'paid');
  const from = plan.status;
  await trx
    .updateTable('plan_instalments')
    .set({ status: 'paid', paid_on: payment.paidOn, payment_reference: payment.reference })
    .where('id', '=', target.id)
    .execute();
  const to = await applyEvent(
    trx,
    plan,
    { type: 'pay', allPaid },
    { reason: writeReason.instalmentPaid(number, payment.reference), actorUserId: actor?.userId ?? null, at },
  );
  if (to === 'completed') await planCaseEvent(trx, plan, recordText('plan_completed', {}), actor?.userId ?? null, at);
  await appendAudit(trx, {
    actor: who,
    action: 'plan.instalment_paid',
    targetType: 'plan',
    targetId: plan.id,
    creditorId: plan.creditor_id,
    before: { status: from, instalment: { number, status: target.status } },
    after: {
      status: to,
      instalment: {
        number,
        status: 'paid',
        paidOn: payment.paidOn,
        amountCents: Number(target.amount_cents),
        reference: payment.reference,
      },
    },
    requestId,
    at,
  });
}

/**
 * A reversed payment (a returned direct debit, a bounced cheque) no longer pays the instalments it had paid: each
 * owes again (late when its due date has passed), and a plan it had completed is active again; the plan's history
 * says why. Runs in the reversal's own transaction; a payment that paid no instalment changes nothing.
 */
export async function reopenInstalmentsPaidBy(
  trx: Transaction<DB>,
  actor: Actor | null,
  payment: { id: string; receiptNumber: string },
  context: { at: Date; today: string },
): Promise<number> {
  const { at, today } = context;
  const paymentId = payment.id;
  const paid = await trx
    .selectFrom('plan_instalments')
    .select(['plan_id'])
    .where('payment_reference', 'like', `${paymentId}:%`)
    .where('status', '=', 'paid')
    .execute();
  let reopened = 0;
  for (const planId of new Set(paid.map((row) => row.plan_id))) {
    const plan = await lockPlan(trx, planId);
    const rows = await trx
      .updateTable('plan_instalments')
      .set({
        status: sql<'due' | 'late'>`case when due_on < ${today}::date then 'late' else 'due' end`,
        paid_on: null,
        payment_reference: null,
      })
      .where('plan_id', '=', planId)
      .where('payment_reference', 'like', `${paymentId}:%`)
      .where('status', '=', 'paid')
      .returning(['number', 'status'])
      .execute();
    if (rows.length === 0) continue;
    reopened += rows.length;
    const numbers = rows.map((row) => row.number).sort((a, b) => a - b);
    const from = plan.status;
    if (nextStatus(plan.status, { type: 'unpay' }) !== null) {
      await applyEvent(
        trx,
        plan,
        { type: 'unpay' },
        {
          reason: writeReason.dueAgain(numbers, payment.receiptNumber),
          actorUserId: actor?.userId ?? null,
          at,
        },
      );
    }
    await appendAudit(trx, {
      actor: actor ? auditActor(actor) : SYSTEM_ACTOR,
      action: 'plan.instalments_reopened',
      targetType: 'plan',
      targetId: planId,
      creditorId: plan.creditor_id,
      before: { status: from },
      after: { status: plan.status, instalments: rows, paymentId },
      at,
    });
  }
  return reopened;
}

export interface PlanFollowUpReport {
  started: number;
  instalmentsLate: number;
  broken: number;
}

/**
 * The nightly step (anchored to due dates, so a missed night or a second run changes nothing more): agreed plans
 * whose first instalment is due start; unpaid instalments turn late the day after their due date; a plan with an
 * instalment unpaid beyond the mandate's grace period is broken, which opens a follow-up for a person (a case review)
 * and allows a renegotiation. One transaction per plan, each re-checked under the plan's lock.
 */
export async function followUpPlans(deps: Deps): Promise<PlanFollowUpReport> {
  const at = deps.now();
  const today = agencyToday(at, deps.config);
  const candidates = await deps.db
    .selectFrom('plans')
    .innerJoin('plan_versions', (j) =>
      j.onRef('plan_versions.plan_id', '=', 'plans.id').onRef('plan_versions.version', '=', 'plans.current_version'),
    )
    .innerJoin('plan_instalments', 'plan_instalments.plan_version_id', 'plan_versions.id')
    .select('plans.id')
    .distinct()
    .where('plans.status', 'in', ['agreed', 'active'])
    .where('plan_instalments.status', '<>', 'paid')
    .where('plan_instalments.due_on', '<=', today)
    .execute();
  const report: PlanFollowUpReport = { started: 0, instalmentsLate: 0, broken: 0 };
  for (const { id } of candidates) {
    await deps.db.transaction().execute(async (trx) => {
      const plan = await lockPlan(trx, id);
      if (plan.status !== 'agreed' && plan.status !== 'active') return;
      const grace = await trx
        .selectFrom('cases')
        .innerJoin('mandates', 'mandates.id', 'cases.mandate_id')
        .select('mandates.payment_grace_days')
        .where('cases.id', '=', plan.case_id)
        .executeTakeFirstOrThrow();
      const instalments = await currentInstalments(trx, plan);
      const states = instalments.map((i) => ({
        number: i.number,
        dueOn: i.due_on,
        amountCents: Number(i.amount_cents),
        status: i.status,
      }));
      const result = followUp(states, today, grace.payment_grace_days);
      const before = plan.status;
      if (plan.status === 'agreed') {
        await applyEvent(
          trx,
          plan,
          { type: 'start' },
          { reason: writeReason.firstDue(instalments[0]!.due_on), actorUserId: null, at },
        );
        report.started++;
      }
      if (result.late.length > 0) {
        await trx
          .updateTable('plan_instalments')
          .set({ status: 'late' })
          .where('plan_version_id', '=', instalments[0]!.plan_version_id)
          .where('number', 'in', result.late)
          .where('status', '=', 'due')
          .execute();
        report.instalmentsLate += result.late.length;
      }
      if (result.broken) {
        const reason = writeReason.unpaidBeyondGrace(result.brokenBy!, grace.payment_grace_days);
        await applyEvent(trx, plan, { type: 'break' }, { reason, actorUserId: null, at });
        await planCaseEvent(
          trx,
          plan,
          recordText('plan_broken', { instalment: result.brokenBy!, graceDays: grace.payment_grace_days }),
          null,
          at,
        );
        await trx
          .insertInto('case_reviews')
          .values({
            case_id: plan.case_id,
            debtor_id: plan.debtor_id,
            plan_id: plan.id,
            kind: 'broken_plan',
            reasons: JSON.stringify([`instalment_${result.brokenBy}_unpaid`]),
            opened_by: null,
            opened_at: at,
          })
          .onConflict((oc) => oc.columns(['case_id', 'kind']).where('status', '=', 'open').doNothing())
          .execute();
        report.broken++;
      }
      if (before !== plan.status || result.late.length > 0) {
        await appendAudit(trx, {
          actor: SYSTEM_ACTOR,
          action: 'plan.followed_up',
          targetType: 'plan',
          targetId: plan.id,
          creditorId: plan.creditor_id,
          before: { status: before },
          after: { status: plan.status, late: result.late, today },
          at,
        });
      }
    });
  }
  return report;
}
