import { matchPromise } from '../workspace/promises.js';
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import stringify from 'safe-stable-stringify';
import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { changeCase } from '../cases/change-case.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { assertVisible } from '../cases/scope.js';
import {
  allocatePayment,
  ALLOCATION_RULES,
  DEFAULT_ALLOCATION_ORDER,
  type Allocation,
  type AllocationRule,
} from '../ledger/core/allocate.js';
import { allocationEntries, receiptEntries } from '../ledger/core/postings.js';
import { postTransaction, refreshCaseBalance } from '../ledger/post.js';
import type { Deps } from '../platform/deps.js';
import type { DB, PaymentChannel } from '../platform/db/schema.js';
import { conflict, invalid } from '../platform/errors.js';
import type { PaymentView } from './contract.js';
import { loadPayment } from './payment-view.js';
import { payPlanInstalments } from './plan-instalments.js';
import { fitPlanToBalance } from '../plans/fit-plan.js';
import { normalisedIban, receivedOnRefusal } from './core/payment-checks.js';
import { debtorLocation } from '../contact-policy/load-facts.js';
import { MAX_AMOUNT_CENTS } from '../platform/money.js';
import { queueCreditorNotice } from './creditor-notice.js';
import { agencyToday } from '../platform/calendar/index.js';

export type { PaymentChannel };

export interface PaymentInput {
  caseId: string;
  amountCents: number;
  channel: PaymentChannel;
  /** The day the money was received (value date), YYYY-MM-DD. */
  receivedOn: string;
  reference?: string | undefined;
  payerName?: string | undefined;
  payerIban?: string | undefined;
  /** Claims the debtor said this payment settles (C. civ. 1342-10), in their order. */
  debtorChoice?: string[] | undefined;
  note?: string | undefined;
}

export interface PaymentOptions {
  /** The caller's key for this payment: the same key never records a second payment. */
  idempotencyKey: string;
  source: 'api' | 'web' | 'bank_statement';
}

/**
 * Records a payment and allocates it, in one transaction: the receipt (cash in, owed to the debtor until allocated),
 * then the allocation to the case's open claims by the mandate's rules (the law's order by default), the commission,
 * the receipt number (quittance), the case's balance, the timeline and the audit trail. The same idempotency key
 * with the same request returns the first payment; with a different request it is refused. Retries, double clicks
 * and concurrent duplicates never record a payment twice (an advisory lock on the key orders them).
 */
export async function recordPayment(
  deps: Deps,
  actor: Actor,
  input: PaymentInput,
  options: PaymentOptions,
  requestId: string | null = null,
): Promise<{ payment: PaymentView; replayed: boolean }> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > MAX_AMOUNT_CENTS) {
    throw invalid(
      'payments.invalid_amount',
      `A payment is a positive amount in whole cents, at most ${MAX_AMOUNT_CENTS} (10,000,000.00 €).`,
    );
  }
  // A person or a program typed it: it must be an IBAN. A bank statement's is what the bank says the money came from.
  const payerIban =
    input.payerIban === undefined || options.source === 'bank_statement'
      ? input.payerIban
      : normalisedIban(input.payerIban);
  if (payerIban === null) {
    throw invalid(
      'payments.payer_iban_invalid',
      "The payer's IBAN is not valid (country, length or check digits): copy it from the bank statement or leave it out.",
      { field: 'payerIban' },
    );
  }
  const now = deps.now();
  const requestHash = createHash('sha256')
    .update(stringify({ ...input, source: options.source }) ?? '')
    .digest('hex');

  const outcome = await deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`payment:${options.idempotencyKey}`}))`.execute(trx);
    const existing = await trx
      .selectFrom('payments')
      .select(['id', 'request_hash', 'case_id'])
      .where('idempotency_key', '=', options.idempotencyKey)
      .executeTakeFirst();
    if (existing) {
      if (existing.request_hash !== requestHash) {
        throw conflict(
          'payments.idempotency_conflict',
          'This Idempotency-Key was already used for a different payment: use a new key for a new payment, or resend exactly the first request.',
          { paymentId: existing.id },
        );
      }
      return { paymentId: existing.id, replayed: true };
    }

    // The case row lock orders every allocation on the case's claims.
    const caseRow = await trx
      .selectFrom('cases')
      .innerJoin('mandates', 'mandates.id', 'cases.mandate_id')
      .select([
        'cases.id',
        'cases.reference',
        'cases.debtor_id',
        'cases.creditor_id',
        'cases.status',
        'cases.opened_on',
        'mandates.kind as mandate_kind',
        'mandates.commission_rate_bp',
        'mandates.allocation_order',
      ])
      .where('cases.id', '=', input.caseId)
      .forUpdate('cases')
      .executeTakeFirst();
    assertVisible(actor, caseRow, 'The case');
    const zones = [deps.config.AGENCY_TZ, (await debtorLocation(trx, caseRow.debtor_id)).timeZone];
    const refusal = receivedOnRefusal(input.receivedOn, {
      caseOpenedOn: caseRow.opened_on,
      caseReference: caseRow.reference,
      now,
      zones,
    });
    if (refusal) throw invalid(refusal.code, refusal.message, { field: 'receivedOn' });
    const claims = await openClaims(trx, caseRow.id);
    for (const claimId of input.debtorChoice ?? []) {
      if (!claims.some((claim) => claim.id === claimId)) {
        throw invalid(
          'payments.unknown_claim',
          `The debtor's choice names claim ${claimId}, which is not an open claim of this case.`,
        );
      }
    }

    const sequence = await sql<{ n: number }>`select nextval('receipt_number_seq')::int as n`.execute(trx);
    const receiptNumber = `Q-${now.getUTCFullYear()}-${String(sequence.rows[0]!.n).padStart(7, '0')}`;
    const payment = await trx
      .insertInto('payments')
      .values({
        debtor_id: caseRow.debtor_id,
        case_id: caseRow.id,
        creditor_id: caseRow.creditor_id,
        channel: input.channel,
        amount_cents: input.amountCents,
        received_on: input.receivedOn,
        reference: input.reference ?? null,
        payer_name: input.payerName ?? null,
        payer_iban: payerIban ?? null,
        debtor_choice: input.debtorChoice ? JSON.stringify(input.debtorChoice) : null,
        note: input.note?.trim() || null,
        source: options.source,
        receipt_number: receiptNumber,
        idempotency_key: options.idempotencyKey,
        request_hash: requestHash,
        recorded_by: actor.userId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await postTransaction(trx, {
      kind: 'receipt',
      occurredAt: now,
      paymentId: payment.id,
      createdBy: actor.userId,
      entries: receiptEntries(caseRow.debtor_id, input.amountCents),
    });
    const order = mandateOrder(caseRow.allocation_order);
    const { allocations, unallocatedCents } = allocatePayment({
      amountCents: input.amountCents,
      paidOn: input.receivedOn,
      claims: claims.map((claim) => ({ id: claim.id, dueOn: claim.default_on, outstanding: claim.outstanding })),
      order,
      debtorChoice: input.debtorChoice,
    });
    if (allocations.length > 0)
      await postAllocation(trx, caseRow, allocations, { paymentId: payment.id, createdBy: actor.userId, at: now });
    await settleCase(trx, caseRow.id, actor.userId, now, deps.config);
    // A promise to pay is kept by the payments that cover it, in the payment's own transaction.
    await matchPromise(trx, caseRow.id, actor.userId, now);

    await appendCaseEvent(trx, {
      caseId: caseRow.id,
      debtorId: caseRow.debtor_id,
      at: now,
      kind: 'payment',
      summary: recordText('payment_received', { amountCents: input.amountCents, receiptNumber }),
      actorUserId: actor.userId,
      data: { paymentId: payment.id, receiptNumber, unallocatedCents },
    });
    await queueCreditorNotice(trx, {
      paymentId: payment.id,
      creditorId: caseRow.creditor_id,
      event: 'payment.recorded',
      at: now,
      payload: {
        paymentId: payment.id,
        receiptNumber,
        caseReference: caseRow.reference,
        amountCents: input.amountCents,
        currency: 'EUR',
        receivedOn: input.receivedOn,
        channel: input.channel,
        allocations,
      },
    });
    // A live plan follows the money: the instalments this payment covers are paid in its transaction.
    await payPlanInstalments(
      trx,
      actor,
      { id: payment.id, caseId: caseRow.id, amountCents: input.amountCents, receivedOn: input.receivedOn },
      now,
    );
    // What the payment did not pay in whole instalments still lowers the balance: the plan never asks for more.
    await fitPlanToBalance(trx, actor, caseRow.id, 'payment', { at: now, requestId });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'payment.recorded',
      targetType: 'payment',
      targetId: payment.id,
      creditorId: caseRow.creditor_id,
      after: {
        caseId: caseRow.id,
        amountCents: input.amountCents,
        channel: input.channel,
        receivedOn: input.receivedOn,
        receiptNumber,
        allocations,
        unallocatedCents,
        source: options.source,
      },
      requestId,
      at: now,
    });
    return { paymentId: payment.id, replayed: false };
  });
  const payment = await loadPayment(deps.db, outcome.paymentId);
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

export function mandateOrder(stored: unknown): AllocationRule[] {
  const rules = Array.isArray(stored)
    ? stored.filter((rule): rule is AllocationRule => (ALLOCATION_RULES as readonly string[]).includes(rule))
    : [];
  return rules.length > 0 ? rules : [...DEFAULT_ALLOCATION_ORDER];
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

/**
 * After money moved on a case: claims with nothing left become paid (and paid ones that owe again, open), the cached
 * balance follows, and a case whose claims are all paid closes as paid — or reopens when a reversal undid that.
 */
export async function settleCase(
  trx: Transaction<DB>,
  caseId: string,
  actorUserId: string | null,
  now: Date,
  agency: { AGENCY_TZ: string },
) {
  await sql`
    update claims set status = case
        when principal_cents + interest_cents + fees_cents <= settled_principal_cents + settled_interest_cents + settled_fees_cents then 'paid'
        else 'open' end,
      updated_at = ${now}
    where case_id = ${caseId} and status in ('open', 'paid')
      and status <> case
        when principal_cents + interest_cents + fees_cents <= settled_principal_cents + settled_interest_cents + settled_fees_cents then 'paid'
        else 'open' end`.execute(trx);
  await refreshCaseBalance(trx, caseId, now);
  const state = await trx
    .selectFrom('cases')
    .select(['status', 'close_reason'])
    .select((eb) => [
      eb
        .selectFrom('claims')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('claims.case_id', '=', 'cases.id')
        .where('claims.status', '=', 'open')
        .as('open_claims'),
      eb
        .selectFrom('claims')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('claims.case_id', '=', 'cases.id')
        .where('claims.status', '=', 'paid')
        .as('paid_claims'),
    ])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  // The lifecycle requires the rest (no open claim, a zero balance) and refuses a change its stage does not allow.
  const today = agencyToday(now, agency);
  if (state.status !== 'closed' && Number(state.open_claims) === 0 && Number(state.paid_claims) > 0) {
    await changeCase(trx, { caseId, change: { reason: 'paid_in_full' }, actorUserId, now, today });
  } else if (state.status === 'closed' && state.close_reason === 'paid' && Number(state.open_claims) > 0) {
    await changeCase(trx, { caseId, change: { reason: 'payment_reversed' }, actorUserId, now, today });
  }
}
