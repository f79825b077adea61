import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { changeCase, type CaseChangeOutcome } from '../cases/change-case.js';
import { caseInScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { refreshCaseBalance } from '../ledger/post.js';
import { queueCreditorCaseNotice } from '../payments/creditor-notice.js';
import { cancelPlansOfClosedCases } from '../plans/cancel-on-close.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import type { CaseLifecycleView, ClosureBody, ReopeningBody } from './contract.js';

/**
 * A person closes a case for a reason (settled, recalled, returned unpaid to the creditor, deceased without an estate,
 * time-barred, over-indebtedness erasure), in one transaction: the claims still open go back to the creditor with it
 * (recalled when the creditor recalled them, closed otherwise), the lifecycle closes the case (its history line and
 * timeline event), its live plan is cancelled (plans/cancel-on-close.ts), the creditor is told (its webhook), and the
 * closure is audited. A case whose dispute still waits is refused: the dispute is decided first.
 */
export async function closeCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: ClosureBody,
  requestId: string | null = null,
): Promise<CaseLifecycleView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute((trx) => closeCaseIn(trx, actor, caseId, body, { now, today, requestId }));
}

/** The closing of `closeCase` in the caller's transaction (a judicial review's close or return decides it too). */
export async function closeCaseIn(
  trx: Transaction<DB>,
  actor: Actor,
  caseId: string,
  body: ClosureBody,
  at: { now: Date; today: IsoDate; requestId: string | null },
): Promise<CaseLifecycleView> {
  const { now, today, requestId } = at;
  const found = await caseInScope(trx, actor, caseId);
  await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
  if (found.status === 'closed')
    throw conflict('cases.closed', 'The case is already closed.', { caseId, stage: found.stage });
  const waiting = await trx
    .selectFrom('disputes')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', 'in', ['evidence_requested', 'answered'])
    .executeTakeFirst();
  if (waiting) throw conflict('closures.disputes_open', 'A dispute of this case waits for the creditor or a decision.');
  const returned = await trx
    .updateTable('claims')
    .set({ status: body.reason === 'recalled' ? 'recalled' : 'closed', updated_at: now })
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  await refreshCaseBalance(trx, caseId, now);
  const outcome = await changeCase(trx, {
    caseId,
    change: { reason: 'closed_by_agency', closeReason: body.reason, note: body.note },
    actorUserId: actor.userId,
    now,
    today,
  });
  const plansCancelled = await cancelPlansOfClosedCases(trx, {
    caseIds: [caseId],
    actor: auditActor(actor),
    at: now,
    requestId,
  });
  await queueCreditorCaseNotice(trx, {
    creditorId: found.creditor_id,
    caseId,
    event: 'case.closed',
    payload: {
      caseReference: found.reference,
      closeReason: body.reason,
      closedOn: today,
      claimsReturned: returned.length,
    },
    at: now,
  });
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'case.closed',
    targetType: 'case',
    targetId: caseId,
    creditorId: found.creditor_id,
    before: { stage: found.stage, status: found.status, balanceCents: found.balance_cents },
    after: {
      closeReason: body.reason,
      note: body.note,
      claimsReturned: returned.map((claim) => claim.id),
      plansCancelled,
    },
    requestId,
    at: now,
  });
  return lifecycleView(caseId, outcome);
}

/**
 * A person reopens a closed case (closed in error, a creditor's file sent back): the claims closed or recalled with it
 * that still owe open again, the case goes back to the amicable stage through the lifecycle (which refuses a merged
 * case, or one that owes nothing), the creditor is told, and the reopening is audited. The debtor may have only one
 * open case with a creditor: when another is open, the reopening is refused.
 */
export async function reopenCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: ReopeningBody,
  requestId: string | null = null,
): Promise<CaseLifecycleView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const found = await caseInScope(trx, actor, caseId);
    await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
    if (found.status === 'closed') {
      const other = await trx
        .selectFrom('cases')
        .select('reference')
        .where('creditor_id', '=', found.creditor_id)
        .where('debtor_id', '=', found.debtor_id)
        .where('status', '<>', 'closed')
        .where('id', '<>', caseId)
        .executeTakeFirst();
      if (other)
        throw conflict(
          'closures.open_case_exists',
          `The debtor already has an open case with this creditor (${other.reference}).`,
        );
      await trx
        .updateTable('claims')
        .set({ status: 'open', updated_at: now })
        .where('case_id', '=', caseId)
        .where('status', 'in', ['closed', 'recalled'])
        .where(
          sql<boolean>`principal_cents + interest_cents + fees_cents > settled_principal_cents + settled_interest_cents + settled_fees_cents`,
        )
        .execute();
      await refreshCaseBalance(trx, caseId, now);
    }
    const outcome = await changeCase(trx, {
      caseId,
      change: { reason: 'reopened', note: body.note },
      actorUserId: actor.userId,
      now,
      today,
    });
    await queueCreditorCaseNotice(trx, {
      creditorId: found.creditor_id,
      caseId,
      event: 'case.reopened',
      payload: { caseReference: found.reference, reopenedOn: today },
      at: now,
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'case.reopened',
      targetType: 'case',
      targetId: caseId,
      creditorId: found.creditor_id,
      before: { stage: found.stage, status: found.status },
      after: { stage: 'amicable', note: body.note },
      requestId,
      at: now,
    });
    return lifecycleView(caseId, outcome);
  });
}

function lifecycleView(caseId: string, outcome: CaseChangeOutcome): CaseLifecycleView {
  const state = outcome.outcome === 'changed' ? outcome.to : outcome.state;
  return {
    caseId,
    stage: state.stage,
    status: state.status,
    closeReason: state.closeReason,
    closedOn: state.closedOn,
    next: outcome.next,
  };
}
