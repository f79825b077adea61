import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { assertVisible } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid } from '../platform/errors.js';
import type { DisputeAnswerBody, DisputeView } from './contract.js';
import { checkAnswer } from './core/dispute.js';
import { assertDocumentsOnCase, attachDocuments, lockDispute } from './dispute-facts.js';
import { loadDispute } from './read-disputes.js';

const ANSWER_REFUSALS = {
  'disputes.adjustment_required': 'An adjusted answer gives its correction: a non-zero amount of one component.',
  'disputes.adjustment_not_allowed': 'Only an adjusted answer carries a correction.',
} as const;

/**
 * The creditor's answer to an evidence request, with its documents: confirmed, adjusted (with the correction of one
 * component, posted through the ledger when a person accepts it) or withdrawn. It waits for a person's review; the
 * hold stays until then.
 */
export async function answerDispute(
  deps: Deps,
  actor: Actor,
  disputeId: string,
  body: DisputeAnswerBody,
  requestId: string | null = null,
): Promise<DisputeView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const dispute = await lockDispute(trx, disputeId);
    assertVisible(actor, dispute, 'The dispute');
    if (dispute.status !== 'evidence_requested')
      throw conflict('disputes.not_awaiting_answer', `The dispute is ${dispute.status}: it waits for no answer.`);
    const refusal = checkAnswer(body.answer, body.adjustment);
    if (refusal) throw invalid(refusal, ANSWER_REFUSALS[refusal]);
    await assertDocumentsOnCase(trx, dispute.case_id, body.documentIds);
    await trx
      .updateTable('disputes')
      .set({
        status: 'answered',
        answer: body.answer,
        answer_note: body.note === '' ? null : body.note,
        adjustment_component: body.adjustment?.component ?? null,
        adjustment_cents: body.adjustment?.amountCents ?? null,
        answered_by: actor.userId,
        answered_at: now,
      })
      .where('id', '=', disputeId)
      .execute();
    await attachDocuments(trx, disputeId, body.documentIds, 'answer');
    await appendCaseEvent(trx, {
      caseId: dispute.case_id,
      debtorId: dispute.debtor_id,
      at: now,
      kind: 'dispute',
      summary: recordText('dispute_answered', { answer: body.answer, claimReference: dispute.claim_reference }),
      actorUserId: actor.userId,
      data: { disputeId, answer: body.answer },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'dispute.answered',
      targetType: 'dispute',
      targetId: disputeId,
      creditorId: dispute.creditor_id,
      before: { status: dispute.status },
      after: {
        status: 'answered',
        answer: body.answer,
        adjustment: body.adjustment,
        documentIds: body.documentIds,
        late: dispute.evidence_due_on < today,
      },
      requestId,
      at: now,
    });
    return loadDispute(trx, actor, disputeId, today);
  });
}
