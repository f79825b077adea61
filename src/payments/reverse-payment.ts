import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { matchPromise } from '../workspace/promises.js';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { assertVisible } from '../cases/scope.js';
import { creditTakenCents, eurosText, reversalEntries, type Entry } from '../ledger/core/postings.js';
import { debtorCreditCents, entriesOf, postTransaction } from '../ledger/post.js';
import type { Deps } from '../platform/deps.js';
import type { DB, ReversalKind } from '../platform/db/schema.js';
import type { Selectable, Transaction } from 'kysely';
import { conflict } from '../platform/errors.js';
import type { PaymentView } from './contract.js';
import { loadPayment } from './payment-view.js';
import { settleCase } from './record-payment.js';
import { reopenInstalmentsPaidBy } from '../plans/instalments.js';
import { fitPlanToBalance } from '../plans/fit-plan.js';
import { agencyToday, localDateOf } from '../platform/calendar/index.js';
import { queueCreditorNotice } from './creditor-notice.js';

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
    const payment = await lockStandingPayment(trx, actor, paymentId, deps.config.AGENCY_TZ);
    await trx.selectFrom('cases').select('id').where('id', '=', payment.case_id).forUpdate().execute();
    const reversals = await reversalsOf(trx, paymentId);
    await refuseIfSurplusUsed(
      trx,
      payment,
      reversals.flatMap((reversal) => reversal.entries),
      deps.config.AGENCY_TZ,
    );
    for (const reversal of reversals) {
      await postTransaction(trx, {
        kind: 'reversal',
        occurredAt: now,
        paymentId,
        reversesId: reversal.reversesId,
        reason: `${input.kind}: ${input.reason}`,
        createdBy: actor.userId,
        entries: reversal.entries,
      });
    }
    await trx
      .updateTable('payments')
      .set({ status: 'reversed', reversed_at: now, reversal_kind: input.kind, reversal_reason: input.reason.trim() })
      .where('id', '=', paymentId)
      .execute();
    await undoWhatThePaymentPaid(deps, trx, actor, payment, { at: now, requestId });
    await recordReversal(trx, actor, payment, input, { at: now, requestId, transactionsReversed: reversals.length });
  });
  return loadPayment(deps.db, paymentId);
}

type ReversedPayment = Selectable<DB['payments']>;

/** The payment, locked, seen by the actor and not reversed yet. */
async function lockStandingPayment(
  trx: Transaction<DB>,
  actor: Actor,
  paymentId: string,
  agencyZone: string,
): Promise<ReversedPayment> {
  const payment = await trx
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', paymentId)
    .forUpdate()
    .executeTakeFirst();
  assertVisible(actor, payment, 'The payment');
  if (payment.status === 'reversed') {
    throw conflict(
      'payments.already_reversed',
      `Payment ${payment.receipt_number} was already reversed on ${localDateOf(payment.reversed_at!, agencyZone)}.`,
    );
  }
  return payment;
}

/** The opposite entries of each receipt and allocation of the payment not reversed yet, the latest first. */
async function reversalsOf(
  trx: Transaction<DB>,
  paymentId: string,
): Promise<{ reversesId: string; entries: Entry[] }[]> {
  const transactions = await trx
    .selectFrom('ledger_transactions as t')
    .select(['t.id', 't.kind'])
    .where('t.payment_id', '=', paymentId)
    .where('t.kind', 'in', ['receipt', 'allocation'])
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('ledger_transactions as r').select('r.id').whereRef('r.reverses_id', '=', 't.id')),
      ),
    )
    .orderBy('t.seq', 'desc')
    .execute();
  const reversals: { reversesId: string; entries: Entry[] }[] = [];
  for (const transaction of transactions)
    reversals.push({ reversesId: transaction.id, entries: reversalEntries(await entriesOf(trx, transaction.id)) });
  return reversals;
}

/** The case, its promise and its plan follow the balance the reversal restored. */
async function undoWhatThePaymentPaid(
  deps: Deps,
  trx: Transaction<DB>,
  actor: Actor,
  payment: ReversedPayment,
  context: { at: Date; requestId: string | null },
) {
  const now = context.at;
  await settleCase(trx, payment.case_id, actor.userId, now, deps.config);
  // An open promise counts only the payments that stand.
  await matchPromise(trx, payment.case_id, actor.userId, now);
  // What the payment had paid on a plan owes again, in the reversal's transaction.
  await reopenInstalmentsPaidBy(
    trx,
    actor,
    { id: payment.id, receiptNumber: payment.receipt_number },
    { at: now, today: agencyToday(now, deps.config) },
  );
  await fitPlanToBalance(trx, actor, payment.case_id, 'reversal', context);
}

/** The case's history, the creditor's notice and the audit entry of the reversal. */
async function recordReversal(
  trx: Transaction<DB>,
  actor: Actor,
  payment: ReversedPayment,
  input: { reason: string; kind: ReversalKind },
  context: { at: Date; requestId: string | null; transactionsReversed: number },
) {
  const { at: now, requestId } = context;
  const paymentId = payment.id;
  await appendCaseEvent(trx, {
    caseId: payment.case_id,
    debtorId: payment.debtor_id,
    at: now,
    kind: 'payment_reversed',
    summary: recordText('payment_reversed', {
      reversalKind: input.kind,
      receiptNumber: payment.receipt_number,
      reason: input.reason.trim(),
    }),
    actorUserId: actor.userId,
    data: { paymentId, kind: input.kind },
  });
  await queueCreditorNotice(trx, {
    paymentId,
    creditorId: payment.creditor_id,
    event: 'payment.reversed',
    at: now,
    payload: {
      paymentId,
      receiptNumber: payment.receipt_number,
      amountCents: payment.amount_cents,
      kind: input.kind,
      reason: input.reason.trim(),
    },
  });
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'payment.reversed',
    targetType: 'payment',
    targetId: paymentId,
    creditorId: payment.creditor_id,
    before: { status: 'recorded' },
    after: {
      status: 'reversed',
      kind: input.kind,
      reason: input.reason.trim(),
      transactionsReversed: context.transactionsReversed,
    },
    requestId,
    at: now,
  });
}

/**
 * The surplus a payment left as the debtor's credit goes back with the payment. When some of it was refunded or
 * allocated to another case since, the agency has paid out money it never received: the reversal is refused (409)
 * with what happened to it, and the credit never goes below zero (docs/payments.md, "A reversal after the surplus
 * was used"). The debtor row lock orders this check against refunds and credit allocations.
 */
async function refuseIfSurplusUsed(
  trx: Transaction<DB>,
  payment: { id: string; debtor_id: string; receipt_number: string; recorded_at: Date },
  entries: readonly Entry[],
  agencyZone: string,
) {
  const surplus = creditTakenCents(entries).get(payment.debtor_id) ?? 0;
  if (surplus <= 0) return;
  await trx.selectFrom('debtors').select('id').where('id', '=', payment.debtor_id).forUpdate().execute();
  const credit = await debtorCreditCents(trx, payment.debtor_id);
  if (credit >= surplus) return;
  const uses = await trx
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_entries as e', 'e.transaction_id', 't.id')
    .select(['t.kind', 't.occurred_at'])
    .select((eb) =>
      eb
        .selectFrom('ledger_entries as c')
        .innerJoin('claims', 'claims.id', 'c.claim_id')
        .innerJoin('cases', 'cases.id', 'claims.case_id')
        .select('cases.reference')
        .whereRef('c.transaction_id', '=', 't.id')
        .limit(1)
        .as('case_reference'),
    )
    .where('e.account', '=', 'debtor_credit')
    .where('e.debtor_id', '=', payment.debtor_id)
    .where('e.amount_cents', '>', 0)
    .where('t.kind', 'in', ['refund', 'allocation'])
    .where('t.payment_id', 'is', null)
    .where('t.occurred_at', '>=', payment.recorded_at)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('ledger_transactions as r').select('r.id').whereRef('r.reverses_id', '=', 't.id')),
      ),
    )
    .orderBy('t.seq')
    .execute();
  const used =
    uses.length > 0
      ? uses
          .map(
            (use) =>
              `${use.kind === 'refund' ? 'refunded to the debtor' : `allocated to case ${use.case_reference ?? '?'}`} on ${localDateOf(use.occurred_at, agencyZone)}`,
          )
          .join(', then ')
      : 'used since';
  const missing = surplus - credit;
  throw conflict(
    'payments.surplus_already_used',
    `Payment ${payment.receipt_number} left a surplus of ${eurosText(surplus)} as the debtor's credit, and ${eurosText(missing)} of it is no longer there (${used}): ` +
      `recover ${eurosText(missing)} from the debtor first (their repayment on a case that owes nothing stays as credit), then reverse this payment.`,
    { surplusCents: surplus, missingCents: missing, creditCents: credit },
  );
}
