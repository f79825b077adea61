import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import stringify from 'safe-stable-stringify';
import { auditRows, type AuditRecord } from '../audit/append.js';
import { caseEventRows, recordText, type CaseEvent } from '../cases/append-case-event.js';
import { assertVisible } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import {
  allocatePayment,
  ALLOCATION_RULES,
  DEFAULT_ALLOCATION_ORDER,
  type Allocation,
  type AllocationRule,
} from '../ledger/core/allocate.js';
import { allocationEntries, receiptEntries, type Entry } from '../ledger/core/postings.js';
import { postTransactions, type Posting } from '../ledger/post.js';
import type { DB, PaymentChannel } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid } from '../platform/errors.js';
import { MAX_AMOUNT_CENTS } from '../platform/money.js';
import { fitPlanToBalance } from '../plans/fit-plan.js';
import { matchPromise } from '../workspace/promises.js';
import { normalisedIban, receivedOnRefusal } from './core/payment-checks.js';
import { queueCreditorNotices, type PaymentNotice } from './creditor-notice.js';
import { loadPaymentFacts, lockPaymentRows, type CaseFacts, type PaymentCase } from './payment-facts.js';
import { payPlanInstalments } from './plan-instalments.js';
import type { PaymentView } from './contract.js';
import { recordedView } from './payment-view.js';
import { settleCases } from './settle-cases.js';

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
  source: 'api' | 'web' | 'bank_statement' | 'portal';
}

/** A payment to record, checked on its own and with the hash of the request its idempotency key stands for. */
export interface PaymentRequest {
  input: PaymentInput;
  options: PaymentOptions;
  requestHash: string;
}

/** A payment recorded now comes with its view (as `loadPayment` would read it), a replay without. */
export type PaymentOutcome =
  { kind: 'recorded'; paymentId: string; replayed: boolean; view?: PaymentView } | { kind: 'refused'; error: AppError };

/** The checks a payment passes before any fact is read; throws the refusal. A bank statement's IBAN is kept as given. */
export function paymentRequest(input: PaymentInput, options: PaymentOptions): PaymentRequest {
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
  const requestHash = createHash('sha256')
    .update(stringify({ ...input, source: options.source }) ?? '')
    .digest('hex');
  return { input: { ...input, payerIban }, options, requestHash };
}

/**
 * Records payments in the caller's transaction, in their order, and answers what became of each: recorded, a replay
 * of the first recording under its key, or refused (the same refusals, in the same order, as one payment alone). The
 * payments are taken in rounds holding at most one payment per case, so each payment on a case sees the one before it
 * settled, exactly as if each had its own transaction; a round is a few set-based statements whatever its size.
 */
export async function recordPaymentsIn(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  requests: readonly PaymentRequest[],
  requestId: string | null,
): Promise<PaymentOutcome[]> {
  const outcomes: PaymentOutcome[] = new Array<PaymentOutcome>(requests.length);
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  requests.forEach((request, index) => {
    const round = seen.get(request.input.caseId) ?? 0;
    seen.set(request.input.caseId, round + 1);
    (rounds[round] ??= []).push(index);
  });
  for (const round of rounds) {
    const results = await recordRound(
      trx,
      deps,
      actor,
      round.map((index) => requests[index]!),
      requestId,
    );
    round.forEach((index, k) => (outcomes[index] = results[k]!));
  }
  return outcomes;
}

interface Accepted {
  request: PaymentRequest;
  slot: number;
  caseRow: PaymentCase;
  facts: CaseFacts;
  allocations: Allocation[];
  unallocatedCents: number;
  paymentId?: string;
  receiptNumber?: string;
  /** Its allocation's ledger entries, once written. */
  entries?: Entry[];
}

/** One round: payments on distinct cases. */
async function recordRound(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  requests: readonly PaymentRequest[],
  requestId: string | null,
): Promise<PaymentOutcome[]> {
  const now = deps.now();
  const keys = [...new Set(requests.map((request) => request.options.idempotencyKey))];
  const caseIds = requests.map((request) => request.input.caseId);
  await lockPaymentRows(trx, keys, caseIds);
  const { existing, cases } = await loadPaymentFacts(trx, keys, caseIds);
  const outcomes: PaymentOutcome[] = new Array<PaymentOutcome>(requests.length);
  const candidates: { request: PaymentRequest; slot: number; caseRow: PaymentCase }[] = [];
  for (const [slot, request] of requests.entries()) {
    const first = existing.get(request.options.idempotencyKey);
    if (first) {
      outcomes[slot] =
        first.request_hash === request.requestHash
          ? { kind: 'recorded', paymentId: first.id, replayed: true }
          : refused(
              conflict(
                'payments.idempotency_conflict',
                'This Idempotency-Key was already used for a different payment: use a new key for a new payment, or resend exactly the first request.',
                { paymentId: first.id },
              ),
            );
      continue;
    }
    const caseRow = cases.get(request.input.caseId);
    const refusal = caught(() => assertVisible(actor, caseRow, 'The case'));
    if (refusal) outcomes[slot] = refusal;
    else candidates.push({ request, slot, caseRow: caseRow! });
  }
  const accepted: Accepted[] = [];
  for (const candidate of candidates) {
    const decision = decide(candidate, cases.get(candidate.caseRow.id)!.facts, deps, now);
    if (decision instanceof AppError) outcomes[candidate.slot] = refused(decision);
    else accepted.push(decision);
  }
  if (accepted.length === 0) return outcomes;
  await writePayments(trx, actor, accepted, now);
  await writeConsequences(trx, deps, actor, accepted, { now, requestId });
  for (const payment of accepted)
    outcomes[payment.slot] = {
      kind: 'recorded',
      paymentId: payment.paymentId!,
      replayed: false,
      view: recordedView({
        id: payment.paymentId!,
        receiptNumber: payment.receiptNumber!,
        caseRow: payment.caseRow,
        input: payment.request.input,
        source: payment.request.options.source,
        recordedAt: now,
        recordedBy: actor.displayName,
        entries: payment.entries ?? [],
        claimReferences: new Map(payment.facts.claims.map((claim) => [claim.id, claim.reference])),
      }),
    };
  return outcomes;
}

function refused(error: AppError): PaymentOutcome {
  return { kind: 'refused', error };
}

function caught(check: () => void): PaymentOutcome | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof AppError) return refused(error);
    throw error;
  }
}

/** The date and the debtor's choice checked against the case, then the allocation by the mandate's rules. */
function decide(
  candidate: { request: PaymentRequest; slot: number; caseRow: PaymentCase },
  facts: CaseFacts,
  deps: Deps,
  now: Date,
): Accepted | AppError {
  const { input } = candidate.request;
  const { caseRow } = candidate;
  const refusal = receivedOnRefusal(input.receivedOn, {
    caseOpenedOn: caseRow.opened_on,
    caseReference: caseRow.reference,
    now,
    zones: [deps.config.AGENCY_TZ, facts.location.timeZone],
  });
  if (refusal) return invalid(refusal.code, refusal.message, { field: 'receivedOn' });
  for (const claimId of input.debtorChoice ?? []) {
    if (!facts.claims.some((claim) => claim.id === claimId)) {
      return invalid(
        'payments.unknown_claim',
        `The debtor's choice names claim ${claimId}, which is not an open claim of this case.`,
      );
    }
  }
  const { allocations, unallocatedCents } = allocatePayment({
    amountCents: input.amountCents,
    paidOn: input.receivedOn,
    claims: facts.claims.map((claim) => ({ id: claim.id, dueOn: claim.default_on, outstanding: claim.outstanding })),
    order: mandateOrder(caseRow.allocation_order),
    debtorChoice: input.debtorChoice,
  });
  return { ...candidate, facts, allocations, unallocatedCents };
}

/** The payments (each with the next receipt number, in order), their receipts and allocations on the ledger. */
async function writePayments(trx: Transaction<DB>, actor: Actor, accepted: Accepted[], now: Date) {
  const rows = accepted.map(({ request: { input, options, requestHash }, caseRow }) => ({
    debtor_id: caseRow.debtor_id,
    case_id: caseRow.id,
    creditor_id: caseRow.creditor_id,
    channel: input.channel,
    amount_cents: input.amountCents,
    received_on: input.receivedOn,
    reference: input.reference ?? null,
    payer_name: input.payerName ?? null,
    payer_iban: input.payerIban ?? null,
    debtor_choice: input.debtorChoice ?? null,
    note: input.note?.trim() || null,
    source: options.source,
    idempotency_key: options.idempotencyKey,
    request_hash: requestHash,
  }));
  // Receipt numbers (CPCE R124-6) are drawn in the payments' order, one each, at least seven digits.
  const written = await sql<{ id: string; receipt_number: string; idempotency_key: string }>`
    insert into payments (debtor_id, case_id, creditor_id, channel, amount_cents, received_on, reference, payer_name,
      payer_iban, debtor_choice, note, source, receipt_number, idempotency_key, request_hash, recorded_by, recorded_at)
    select (doc->>'debtor_id')::uuid, (doc->>'case_id')::uuid, (doc->>'creditor_id')::uuid, doc->>'channel',
      (doc->>'amount_cents')::bigint, (doc->>'received_on')::date, doc->>'reference', doc->>'payer_name',
      doc->>'payer_iban', case when doc->'debtor_choice' = 'null'::jsonb then null else doc->'debtor_choice' end,
      doc->>'note', doc->>'source',
      'Q-' || ${String(now.getUTCFullYear())} || '-' || lpad(n::text, greatest(7, length(n::text)), '0'),
      doc->>'idempotency_key', doc->>'request_hash', ${actor.userId}::uuid, ${now}::timestamptz
    from (
      select doc, nextval('receipt_number_seq') as n
      from (select doc from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as r(doc, ord) order by ord) ordered
    ) numbered
    returning id, receipt_number, idempotency_key`.execute(trx);
  const byKey = new Map(written.rows.map((row) => [row.idempotency_key, row]));
  for (const payment of accepted) {
    const row = byKey.get(payment.request.options.idempotencyKey)!;
    payment.paymentId = row.id;
    payment.receiptNumber = row.receipt_number;
  }
  const postings: Posting[] = [];
  for (const payment of accepted) {
    const { caseRow, allocations } = payment;
    const base = { occurredAt: now, paymentId: payment.paymentId!, createdBy: actor.userId };
    postings.push({
      ...base,
      kind: 'receipt',
      entries: receiptEntries(caseRow.debtor_id, payment.request.input.amountCents),
    });
    if (allocations.length === 0) continue;
    payment.entries = allocationEntries({
      debtorId: caseRow.debtor_id,
      creditorId: caseRow.creditor_id,
      allocations,
      commissionRateBp: caseRow.commission_rate_bp,
      purchased: caseRow.mandate_kind === 'purchased',
    });
    postings.push({ ...base, kind: 'allocation', reason: null, entries: payment.entries });
  }
  await postTransactions(trx, postings);
}

/** The claims and cases settled, the promise kept, the timeline, the creditor's notice, the plan following the money. */
async function writeConsequences(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  accepted: readonly Accepted[],
  context: { now: Date; requestId: string | null },
) {
  const { now, requestId } = context;
  await settleCases(
    trx,
    accepted.map((payment) => payment.caseRow.id),
    actor.userId,
    now,
    deps.config,
  );
  // A promise to pay is kept by the payments that cover it, in the payment's own transaction.
  for (const payment of accepted)
    if (payment.facts.promiseOpen) await matchPromise(trx, payment.caseRow.id, actor.userId, now);
  const events: CaseEvent[] = accepted.map((payment) => ({
    caseId: payment.caseRow.id,
    debtorId: payment.caseRow.debtor_id,
    at: now,
    kind: 'payment',
    summary: recordText('payment_received', {
      amountCents: payment.request.input.amountCents,
      receiptNumber: payment.receiptNumber!,
    }),
    actorUserId: actor.userId,
    data: {
      paymentId: payment.paymentId!,
      receiptNumber: payment.receiptNumber!,
      unallocatedCents: payment.unallocatedCents,
    },
  }));
  // The timeline's lines and the audit trail's entries, in one statement.
  const audit = accepted.map((payment) => auditRecord(actor, payment, context));
  await trx
    .with('lines', (db) => db.insertInto('case_events').values(caseEventRows(events)))
    .insertInto('audit_log')
    .values(auditRows(audit))
    .execute();
  await queueCreditorNotices(
    trx,
    accepted.filter((payment) => payment.caseRow.notify).map((payment) => notice(payment, now)),
  );
  for (const payment of accepted) {
    if (payment.facts.planStatuses.length === 0) continue;
    const { input } = payment.request;
    // A live plan follows the money: the instalments this payment covers are paid in its transaction.
    await payPlanInstalments(
      trx,
      actor,
      {
        id: payment.paymentId!,
        caseId: payment.caseRow.id,
        amountCents: input.amountCents,
        receivedOn: input.receivedOn,
      },
      now,
    );
    // What the payment did not pay in whole instalments still lowers the balance: the plan never asks for more.
    await fitPlanToBalance(trx, actor, payment.caseRow.id, 'payment', { at: now, requestId });
  }
}

function notice(payment: Accepted, at: Date): PaymentNotice {
  const { input } = payment.request;
  return {
    paymentId: payment.paymentId!,
    creditorId: payment.caseRow.creditor_id,
    event: 'payment.recorded',
    at,
    payload: {
      paymentId: payment.paymentId!,
      receiptNumber: payment.receiptNumber!,
      caseReference: payment.caseRow.reference,
      amountCents: input.amountCents,
      currency: 'EUR',
      receivedOn: input.receivedOn,
      channel: input.channel,
      allocations: payment.allocations,
    },
  };
}

function auditRecord(actor: Actor, payment: Accepted, context: { now: Date; requestId: string | null }): AuditRecord {
  const { input, options } = payment.request;
  return {
    actor: auditActor(actor),
    action: 'payment.recorded',
    targetType: 'payment',
    targetId: payment.paymentId!,
    creditorId: payment.caseRow.creditor_id,
    after: {
      caseId: payment.caseRow.id,
      amountCents: input.amountCents,
      channel: input.channel,
      receivedOn: input.receivedOn,
      receiptNumber: payment.receiptNumber!,
      allocations: payment.allocations,
      unallocatedCents: payment.unallocatedCents,
      source: options.source,
    },
    requestId: context.requestId,
    at: context.now,
  };
}

export function mandateOrder(stored: unknown): AllocationRule[] {
  const rules = Array.isArray(stored)
    ? stored.filter((rule): rule is AllocationRule => (ALLOCATION_RULES as readonly string[]).includes(rule))
    : [];
  return rules.length > 0 ? rules : [...DEFAULT_ALLOCATION_ORDER];
}
