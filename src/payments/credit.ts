import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { assertVisible } from '../cases/scope.js';
import { allocatePayment } from '../ledger/core/allocate.js';
import { adjustmentEntries, refundEntries } from '../ledger/core/postings.js';
import { postTransaction } from '../ledger/post.js';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { mandateOrder, openClaims, postAllocation, settleCase } from './record-payment.js';
import { fitPlanToBalance } from '../plans/fit-plan.js';
import { MAX_AMOUNT_CENTS } from '../platform/money.js';
import type { Transaction } from 'kysely';
import type { ClaimAdjustment, ClaimAdjustmentResult, CreditAllocation, Refund, RefundResult } from './contract.js';
import { agencyToday } from '../platform/calendar/index.js';

/**
 * The debtor's credit (money received that no claim took) is never lost: it is refunded to the debtor, or allocated
 * to the open claims of one of their cases. Claim corrections by the agency are ledger entries too, with a reason.
 */

async function creditOf(trx: Transaction<DB>, debtorId: string): Promise<number> {
  const row = await trx
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total'))
    .where('account', '=', 'debtor_credit')
    .where('debtor_id', '=', debtorId)
    .executeTakeFirstOrThrow();
  return -Number(row.total);
}

async function lockDebtor(trx: Transaction<DB>, debtorId: string) {
  const debtor = await trx.selectFrom('debtors').select('id').where('id', '=', debtorId).forUpdate().executeTakeFirst();
  if (!debtor) throw notFound('The debtor');
}

export async function refundCredit(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  input: Refund,
  requestId: string | null = null,
): Promise<RefundResult> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await lockDebtor(trx, debtorId);
    const credit = await creditOf(trx, debtorId);
    if (input.amountCents > credit) {
      throw conflict(
        'payments.credit_too_small',
        `The debtor's credit is ${credit} cents: a refund cannot be larger.`,
        { creditCents: credit },
      );
    }
    const transactionId = await postTransaction(trx, {
      kind: 'refund',
      occurredAt: now,
      reason: input.reason.trim(),
      createdBy: actor.userId,
      entries: refundEntries(debtorId, input.amountCents),
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'payment.credit_refunded',
      targetType: 'debtor',
      targetId: debtorId,
      after: { amountCents: input.amountCents, reason: input.reason.trim(), transactionId },
      requestId,
      at: now,
    });
    return { debtorCreditCents: credit - input.amountCents };
  });
}

export async function allocateCredit(
  deps: Deps,
  actor: Actor,
  caseId: string,
  requestId: string | null = null,
): Promise<CreditAllocation> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await trx
      .selectFrom('cases')
      .innerJoin('mandates', 'mandates.id', 'cases.mandate_id')
      .select([
        'cases.id',
        'cases.debtor_id',
        'cases.creditor_id',
        'mandates.kind as mandate_kind',
        'mandates.commission_rate_bp',
        'mandates.allocation_order',
      ])
      .where('cases.id', '=', caseId)
      .forUpdate('cases')
      .executeTakeFirst();
    assertVisible(actor, caseRow, 'The case');
    await lockDebtor(trx, caseRow.debtor_id);
    const credit = await creditOf(trx, caseRow.debtor_id);
    if (credit <= 0) throw conflict('payments.no_credit', 'The debtor has no credit to allocate.');
    const claims = await openClaims(trx, caseId);
    const { allocations } = allocatePayment({
      amountCents: credit,
      paidOn: agencyToday(now, deps.config),
      claims: claims.map((claim) => ({ id: claim.id, dueOn: claim.default_on, outstanding: claim.outstanding })),
      order: mandateOrder(caseRow.allocation_order),
    });
    if (allocations.length === 0)
      throw conflict('payments.nothing_owed', 'This case owes nothing: the credit stays with the debtor.');
    await postAllocation(trx, caseRow, allocations, {
      reason: 'Affectation du crédit du débiteur',
      createdBy: actor.userId,
      at: now,
    });
    await settleCase(trx, caseId, actor.userId, now, deps.config);
    await fitPlanToBalance(trx, actor, caseId, 'credit', { at: now, requestId });
    const allocated = allocations.reduce((sum, allocation) => sum + allocation.amountCents, 0);
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'payment.credit_allocated',
      targetType: 'case',
      targetId: caseId,
      creditorId: caseRow.creditor_id,
      after: { allocations },
      requestId,
      at: now,
    });
    return { allocatedCents: allocated, debtorCreditCents: credit - allocated };
  });
}

/** A correction of a claim component by the agency (up: owed more; down: owed less), never below zero. */
export async function adjustClaim(
  deps: Deps,
  actor: Actor,
  claimId: string,
  input: ClaimAdjustment,
  requestId: string | null = null,
): Promise<ClaimAdjustmentResult> {
  if (
    !Number.isSafeInteger(input.amountCents) ||
    input.amountCents === 0 ||
    Math.abs(input.amountCents) > MAX_AMOUNT_CENTS
  ) {
    throw invalid(
      'payments.invalid_adjustment',
      `A correction is a non-zero whole number of cents, at most ${MAX_AMOUNT_CENTS} (10,000,000.00 €) either way: positive to raise what is owed, negative to lower it.`,
    );
  }
  return deps.db.transaction().execute(async (trx) => {
    const { claimId: id, owedCents } = await adjustClaimIn(trx, deps, actor, claimId, input, requestId);
    return { claimId: id, owedCents };
  });
}

/**
 * The correction inside the caller's transaction (a dispute's "adjust" decision posts the creditor's correction with
 * its decision): the ledger's adjustment transaction, the claims' and the case's caches, the plan fitted, the audit.
 */
export async function adjustClaimIn(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'config' | 'now'>,
  actor: Actor,
  claimId: string,
  input: ClaimAdjustment,
  requestId: string | null = null,
  /**
   * `settle: false` leaves the claim's status, the case's balance and its plan to the caller (an erasure closes the
   * claims it wrote off itself: they are not paid).
   */
  options: { settle: boolean } = { settle: true },
): Promise<ClaimAdjustmentResult & { transactionId: string }> {
  const now = deps.now();
  const claim = await trx
    .selectFrom('claims')
    .select(['id', 'case_id', 'creditor_id', 'reference'])
    .where('id', '=', claimId)
    .executeTakeFirst();
  assertVisible(actor, claim, 'The claim');
  await trx.selectFrom('cases').select('id').where('id', '=', claim.case_id).forUpdate().execute();
  const owed =
    (await openClaims(trx, claim.case_id)).find((open) => open.id === claimId)?.outstanding[input.component] ?? 0;
  if (owed + input.amountCents < 0) {
    throw conflict(
      'payments.adjustment_below_zero',
      `Claim ${claim.reference} owes ${owed} cents of ${input.component}: it cannot be lowered below zero.`,
      { owedCents: owed },
    );
  }
  const transactionId = await postTransaction(trx, {
    kind: 'adjustment',
    occurredAt: now,
    reason: input.reason.trim(),
    createdBy: actor.userId,
    entries: adjustmentEntries(claim.creditor_id, claimId, input.component, input.amountCents),
  });
  if (options.settle) {
    await settleCase(trx, claim.case_id, actor.userId, now, deps.config);
    await fitPlanToBalance(trx, actor, claim.case_id, 'claim_correction', { at: now, requestId });
  }
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'claim.adjusted',
    targetType: 'claim',
    targetId: claimId,
    creditorId: claim.creditor_id,
    after: { component: input.component, amountCents: input.amountCents, reason: input.reason.trim() },
    requestId,
    at: now,
  });
  return { claimId, owedCents: owed + input.amountCents, transactionId };
}
