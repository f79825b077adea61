import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { changeCase } from '../cases/change-case.js';
import { assertVisible } from '../cases/scope.js';
import { liftHoldIn } from '../contact-policy/holds/manage-holds.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { refreshCaseBalance } from '../ledger/post.js';
import { adjustClaimIn } from '../payments/credit.js';
import { cancelPlansOfClosedCases } from '../plans/cancel-on-close.js';
import { queueCreditorCaseNotice } from '../payments/creditor-notice.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid } from '../platform/errors.js';
import type { DisputeDecisionBody, DisputeView } from './contract.js';
import { decide, type ClaimComponent, type DisputeAnswer } from './core/dispute.js';
import { lockDispute } from './dispute-facts.js';
import { loadDispute } from './read-disputes.js';

/**
 * A person's decision on the creditor's answer, in one transaction: resume (the hold is lifted), adjust (the creditor's
 * correction is posted through the ledger, then resume) or close (the claim is recalled: it goes back to the creditor;
 * the case closes as recalled when no claim is left open). When no dispute of the case waits any more, the case leaves
 * the dispute stage for the one it had. The debtor is told (a line of the timeline; the letter is the letters' work),
 * the creditor too (its view and its webhook), and the decision is audited.
 */
export async function decideDispute(
  deps: Deps,
  actor: Actor,
  disputeId: string,
  body: DisputeDecisionBody,
  requestId: string | null = null,
): Promise<DisputeView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const dispute = await lockDispute(trx, disputeId);
    assertVisible(actor, dispute, 'The dispute');
    if (dispute.status !== 'answered' || dispute.answer === null)
      throw conflict('disputes.not_awaiting_review', `The dispute is ${dispute.status}: it waits for no decision.`);
    await trx.selectFrom('cases').select('id').where('id', '=', dispute.case_id).forUpdate().execute();
    const effects = decide(dispute.answer as DisputeAnswer, body.decision);
    if (typeof effects === 'string')
      throw invalid(effects, 'Adjusting the amount needs the creditor’s adjusted answer: resume or close instead.');
    if (effects.postAdjustment && dispute.adjustment_component && dispute.adjustment_cents !== null) {
      await adjustClaimIn(
        trx,
        deps,
        actor,
        dispute.claim_id,
        {
          component: dispute.adjustment_component as ClaimComponent,
          amountCents: Number(dispute.adjustment_cents),
          reason: `Contestation ${dispute.claim_reference} : correction du créancier`,
        },
        requestId,
      );
    }
    if (effects.recallClaim) {
      await trx
        .updateTable('claims')
        .set({ status: 'recalled', updated_at: now })
        .where('id', '=', dispute.claim_id)
        .where('status', '=', 'open')
        .execute();
      await refreshCaseBalance(trx, dispute.case_id, now);
    }
    await trx
      .updateTable('disputes')
      .set({
        status: 'decided',
        decision: body.decision,
        decision_note: body.note,
        decided_by: actor.userId,
        decided_at: now,
      })
      .where('id', '=', disputeId)
      .execute();
    if (dispute.hold_id) {
      const hold = await trx.selectFrom('holds').select('status').where('id', '=', dispute.hold_id).executeTakeFirst();
      if (hold?.status === 'active')
        await liftHoldIn(trx, now, actor, dispute.hold_id, `Contestation tranchée : ${body.decision}`, requestId);
    }
    const claimReference = dispute.claim_reference;
    for (const summary of [
      recordText('dispute_decided', { decision: body.decision, claimReference, note: body.note }),
      recordText('dispute_debtor_told', { decision: body.decision, claimReference }),
    ]) {
      const told = summary.key === 'dispute_debtor_told';
      await appendCaseEvent(trx, {
        caseId: dispute.case_id,
        debtorId: dispute.debtor_id,
        at: now,
        kind: 'dispute',
        direction: told ? 'outbound' : null,
        summary,
        actorUserId: actor.userId,
        data: { disputeId, decision: body.decision, ...(told ? { debtorTold: true } : {}) },
      });
    }
    const outcome = await moveCase(trx, dispute, body.decision, actor.userId, now, today);
    await queueCreditorCaseNotice(trx, {
      creditorId: dispute.creditor_id,
      caseId: dispute.case_id,
      event: 'dispute.decided',
      payload: { disputeId, claimReference, answer: dispute.answer, decision: body.decision, caseStage: outcome },
      at: now,
    });
    if (outcome === 'closed') await closedByDecision(trx, dispute, actor, { now, today, requestId });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'dispute.decided',
      targetType: 'dispute',
      targetId: disputeId,
      creditorId: dispute.creditor_id,
      before: { status: 'answered', answer: dispute.answer },
      after: { status: 'decided', decision: body.decision, note: body.note, caseStage: outcome },
      requestId,
      at: now,
    });
    return loadDispute(trx, actor, disputeId, today);
  });
}

/**
 * The decision closed the case (its last open claim recalled, the creditor's withdrawal accepted): its live plan is
 * cancelled and the creditor gets the case's own 'case closed' notice, besides the dispute's answer.
 */
async function closedByDecision(
  trx: Parameters<typeof changeCase>[0],
  dispute: { id: string; case_id: string; creditor_id: string; claim_reference: string },
  actor: Actor,
  at: { now: Date; today: string; requestId: string | null },
): Promise<void> {
  await cancelPlansOfClosedCases(trx, {
    caseIds: [dispute.case_id],
    actor: auditActor(actor),
    at: at.now,
    requestId: at.requestId,
  });
  const kase = await trx
    .selectFrom('cases')
    .select('reference')
    .where('id', '=', dispute.case_id)
    .executeTakeFirstOrThrow();
  await queueCreditorCaseNotice(trx, {
    creditorId: dispute.creditor_id,
    caseId: dispute.case_id,
    event: 'case.closed',
    payload: {
      caseReference: kase.reference,
      closeReason: 'recalled',
      closedOn: at.today,
      claimsReturned: 1,
      disputeId: dispute.id,
      claimReference: dispute.claim_reference,
    },
    at: at.now,
  });
}

/**
 * Where the case goes after a decision: closed as recalled when no claim is left open, back to its former stage when
 * no dispute waits any more, where it is otherwise. Answers the case's stage after.
 */
async function moveCase(
  trx: Parameters<typeof changeCase>[0],
  dispute: { id: string; case_id: string },
  decision: DisputeDecisionBody['decision'],
  actorUserId: string,
  now: Date,
  today: string,
): Promise<string> {
  const open = await trx
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', dispute.case_id)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const waiting = await trx
    .selectFrom('disputes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', dispute.case_id)
    .where('status', 'in', ['evidence_requested', 'answered'])
    .executeTakeFirstOrThrow();
  const caseNow = await trx
    .selectFrom('cases')
    .select(['stage', 'status'])
    .where('id', '=', dispute.case_id)
    .executeTakeFirstOrThrow();
  if (caseNow.status === 'closed') return caseNow.stage;
  if (Number(open.n) === 0) {
    await changeCase(trx, { caseId: dispute.case_id, change: { reason: 'recalled' }, actorUserId, now, today });
    return 'closed';
  }
  if (Number(waiting.n) === 0 && caseNow.stage === 'dispute') {
    const result = await changeCase(trx, {
      caseId: dispute.case_id,
      change: { reason: 'dispute_resolved', disputeId: dispute.id, decision },
      actorUserId,
      now,
      today,
    });
    return result.outcome === 'changed' ? result.to.stage : result.state.stage;
  }
  return caseNow.stage;
}
