import type { Deps } from '../platform/deps.js';
import type { Actor } from '../identity/actor.js';
import { recordInstalmentPayment } from '../plans/instalments.js';
import type { PaymentView } from './payment-view.js';

/**
 * A payment on a case with a live plan pays its unpaid instalments in order, each one it covers in full, so the
 * plan follows the money (a part payment stays on the ledger and the instalment stays due). Runs after the payment
 * is committed; the payment id is the instalment's idempotency key, so running it again changes nothing.
 */
export async function payPlanInstalments(deps: Deps, actor: Actor, payment: PaymentView): Promise<number[]> {
  const plan = await deps.db
    .selectFrom('plans')
    .select(['id', 'current_version'])
    .where('case_id', '=', payment.caseId)
    .where('status', 'in', ['agreed', 'active'])
    .executeTakeFirst();
  if (!plan) return [];
  const instalments = await deps.db
    .selectFrom('plan_instalments')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_instalments.plan_version_id')
    .select(['plan_instalments.number', 'plan_instalments.amount_cents', 'plan_instalments.status', 'plan_instalments.payment_reference'])
    .where('plan_versions.plan_id', '=', plan.id)
    .where('plan_versions.version', '=', plan.current_version)
    .orderBy('plan_instalments.number')
    .execute();
  let left = payment.amountCents;
  const paid: number[] = [];
  for (const instalment of instalments) {
    if (instalment.status === 'paid') continue;
    if (instalment.amount_cents > left) break;
    await recordInstalmentPayment(deps, actor, plan.id, instalment.number, { paidOn: payment.receivedOn, reference: `${payment.id}:${instalment.number}` }, null);
    left -= instalment.amount_cents;
    paid.push(instalment.number);
  }
  return paid;
}
