import { matchPromise } from '../workspace/promises.js';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { mayAccessCreditor } from '../identity/scope.js';
import { reversalEntries } from '../ledger/core/postings.js';
import { entriesOf, postTransaction } from '../ledger/post.js';
import type { Deps } from '../platform/deps.js';
import type { ReversalKind } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { loadPayment, type PaymentView } from './payment-view.js';
import { settleCase } from './record-payment.js';
import { reopenInstalmentsPaidBy } from '../plans/instalments.js';
import { queueCreditorNotice } from '../remittances/creditor-notices.js';

/**
 * A returned direct debit, a bounced cheque or a chargeback: the money did not stay. Every transaction of the payment
 * is reversed by a new one with the opposite entries (allocations first, then the receipt), the claims it had paid
 * owe again, a case it had closed as paid reopens, and the payment is marked reversed with the reason. Nothing is
 * edited or deleted in the ledger.
 */
export async function reversePayment(
  deps: Deps,
  actor: Actor,
  paymentId: string,
  input: { reason: string; kind: ReversalKind },
  requestId: string | null = null,
): Promise<PaymentView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const payment = await trx.selectFrom('payments').selectAll().where('id', '=', paymentId).forUpdate().executeTakeFirst();
    if (!payment || !mayAccessCreditor(actor, payment.creditor_id)) throw notFound('The payment');
    if (payment.status === 'reversed') {
      throw conflict('payments.already_reversed', `Payment ${payment.receipt_number} was already reversed on ${payment.reversed_at!.toISOString().slice(0, 10)}.`);
    }
    await trx.selectFrom('cases').select('id').where('id', '=', payment.case_id).forUpdate().execute();
    const transactions = await trx
      .selectFrom('ledger_transactions as t')
      .select(['t.id', 't.kind'])
      .where('t.payment_id', '=', paymentId)
      .where('t.kind', 'in', ['receipt', 'allocation'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('ledger_transactions as r').select('r.id').whereRef('r.reverses_id', '=', 't.id'))))
      .orderBy('t.seq', 'desc')
      .execute();
    for (const transaction of transactions) {
      await postTransaction(trx, {
        kind: 'reversal',
        occurredAt: now,
        paymentId,
        reversesId: transaction.id,
        reason: `${input.kind}: ${input.reason}`,
        createdBy: actor.userId,
        entries: reversalEntries(await entriesOf(trx, transaction.id)),
      });
    }
    await trx
      .updateTable('payments')
      .set({ status: 'reversed', reversed_at: now, reversal_kind: input.kind, reversal_reason: input.reason.trim() })
      .where('id', '=', paymentId)
      .execute();
    await settleCase(trx, payment.case_id, actor.userId, now);
    // An open promise counts only the payments that stand.
    await matchPromise(trx, payment.case_id, actor.userId, now);
    await trx
      .insertInto('case_events')
      .values({
        case_id: payment.case_id,
        debtor_id: payment.debtor_id,
        occurred_at: now,
        kind: 'payment_reversed',
        summary: `Paiement annulé (${input.kind}) : quittance ${payment.receipt_number} — ${input.reason.trim()}`,
        actor_user_id: actor.userId,
        data: JSON.stringify({ paymentId, kind: input.kind }),
      })
      .execute();
    await queueCreditorNotice(trx, {
      paymentId,
      creditorId: payment.creditor_id,
      event: 'payment.reversed',
      at: now,
      payload: { paymentId, receiptNumber: payment.receipt_number, amountCents: payment.amount_cents, kind: input.kind, reason: input.reason.trim() },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'payment.reversed',
      targetType: 'payment',
      targetId: paymentId,
      creditorId: payment.creditor_id,
      before: { status: 'recorded' },
      after: { status: 'reversed', kind: input.kind, reason: input.reason.trim(), transactionsReversed: transactions.length },
      requestId,
      at: now,
    });
  });
  const payment = await loadPayment(deps.db, paymentId);
  // What the payment had paid on a plan owes again (idempotent: a retry completes it).
  await reopenInstalmentsPaidBy(deps, actor, paymentId, payment.receiptNumber);
  return payment;
}
