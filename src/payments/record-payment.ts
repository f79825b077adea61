import type { Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import type { Allocation } from '../ledger/core/allocate.js';
import { allocationEntries } from '../ledger/core/postings.js';
import { postTransaction } from '../ledger/post.js';
import type { Deps } from '../platform/deps.js';
import type { DB, PaymentChannel } from '../platform/db/schema.js';
import type { PaymentView } from './contract.js';
import { loadPayment } from './payment-view.js';
import { paymentRequest, recordPaymentsIn, type PaymentInput, type PaymentOptions } from './record-payments.js';
import { settleCases } from './settle-cases.js';

export type { PaymentChannel, PaymentInput, PaymentOptions };
export { mandateOrder } from './record-payments.js';

/**
 * Records a payment and allocates it, in one transaction: the receipt (cash in, owed to the debtor until allocated),
 * then the allocation to the case's open claims by the mandate's rules (the law's order by default), the commission,
 * the receipt number (quittance), the case's balance, the timeline and the audit trail. The same idempotency key
 * with the same request returns the first payment; with a different request it is refused. Retries, double clicks
 * and concurrent duplicates never record a payment twice (an advisory lock on the key orders them). The work is
 * `recordPaymentsIn` (record-payments.ts), which a bank statement's import runs for many payments at once.
 */
export async function recordPayment(
  deps: Deps,
  actor: Actor,
  input: PaymentInput,
  options: PaymentOptions,
  requestId: string | null = null,
): Promise<{ payment: PaymentView; replayed: boolean }> {
  const request = paymentRequest(input, options);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const [result] = await recordPaymentsIn(trx, deps, actor, [request], requestId);
    if (result!.kind === 'refused') throw result!.error;
    return result!;
  });
  // A payment recorded now answers what its transaction wrote; a replay reads the first recording.
  const payment = outcome.view ?? (await loadPayment(deps.db, outcome.paymentId));
  return { payment, replayed: outcome.replayed };
}

/** The allocation transaction of money to a case's claims, with the commission at the case's mandate rate. */
export async function postAllocation(
  trx: Transaction<DB>,
  caseRow: { debtor_id: string; creditor_id: string; commission_rate_bp: number; mandate_kind: string },
  allocations: Allocation[],
  posting: { paymentId?: string; reason?: string; createdBy: string; at: Date },
) {
  await postTransaction(trx, {
    kind: 'allocation',
    occurredAt: posting.at,
    paymentId: posting.paymentId ?? null,
    reason: posting.reason ?? null,
    createdBy: posting.createdBy,
    entries: allocationEntries({
      debtorId: caseRow.debtor_id,
      creditorId: caseRow.creditor_id,
      allocations,
      commissionRateBp: caseRow.commission_rate_bp,
      purchased: caseRow.mandate_kind === 'purchased',
    }),
  });
}

export async function openClaims(trx: Transaction<DB>, caseId: string) {
  const rows = await trx
    .selectFrom('claims')
    .select([
      'id',
      'reference',
      'default_on',
      'principal_cents',
      'interest_cents',
      'fees_cents',
      'settled_principal_cents',
      'settled_interest_cents',
      'settled_fees_cents',
    ])
    .where('case_id', '=', caseId)
    .where('status', 'in', ['open', 'paid'])
    .orderBy('default_on')
    .orderBy('reference')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    default_on: row.default_on,
    outstanding: {
      principal: Math.max(0, row.principal_cents - row.settled_principal_cents),
      interest: Math.max(0, row.interest_cents - row.settled_interest_cents),
      fees: Math.max(0, row.fees_cents - row.settled_fees_cents),
    },
  }));
}

/** `settleCases` for one case (a reversal, a credit allocated, a correction). */
export async function settleCase(
  trx: Transaction<DB>,
  caseId: string,
  actorUserId: string | null,
  now: Date,
  agency: { AGENCY_TZ: string },
) {
  await settleCases(trx, [caseId], actorUserId, now, agency);
}
