import type { Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import { payInstalmentIn } from '../plans/instalments.js';

/**
 * A payment on a case with a live plan pays its unpaid instalments in order, each one it covers in full, so the
 * plan follows the money (a part payment stays on the ledger and the instalment stays due). Runs in the payment's
 * own transaction, after its date was checked; the payment id is the instalment's idempotency key.
 */
export async function payPlanInstalments(
  trx: Transaction<DB>,
  actor: Actor,
  payment: { id: string; caseId: string; amountCents: number; receivedOn: string },
  at: Date,
): Promise<number[]> {
  const plan = await trx
    .selectFrom('plans')
    .select(['id', 'current_version'])
    .where('case_id', '=', payment.caseId)
    .where('status', 'in', ['agreed', 'active'])
    .executeTakeFirst();
  if (!plan) return [];
  const instalments = await trx
    .selectFrom('plan_instalments')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_instalments.plan_version_id')
    .select([
      'plan_instalments.number',
      'plan_instalments.amount_cents',
      'plan_instalments.status',
      'plan_instalments.payment_reference',
    ])
    .where('plan_versions.plan_id', '=', plan.id)
    .where('plan_versions.version', '=', plan.current_version)
    .orderBy('plan_instalments.number')
    .execute();
  let left = payment.amountCents;
  const paid: number[] = [];
  for (const instalment of instalments) {
    if (instalment.status === 'paid') continue;
    if (instalment.amount_cents > left) break;
    await payInstalmentIn(
      trx,
      actor,
      plan.id,
      instalment.number,
      { paidOn: payment.receivedOn, reference: `${payment.id}:${instalment.number}` },
      { at, latestPaidOn: null, requestId: null },
    );
    left -= instalment.amount_cents;
    paid.push(instalment.number);
  }
  return paid;
}
