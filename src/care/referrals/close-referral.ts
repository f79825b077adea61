import { appendAudit } from '../../audit/append.js';
import { recordText } from '../../cases/append-case-event.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/index.js';
import type { Deps } from '../../platform/deps.js';
import type { HelpsWith } from '../core/vocabulary.js';
import type { ReferralClosingBody, ReferralView } from './contract.js';
import { close } from './core/referral.js';
import { appendReferralLine, lockReferral, referralView, refusalError, stateOf } from './referral-facts.js';

/**
 * Closes a referral with its outcome, in one transaction: final. The outcome and its note stay on the referral (read
 * under need-to-know); the timeline says only that a referral was closed, the audit entry names the outcome.
 */
export async function closeReferral(
  deps: Deps,
  actor: Actor,
  referralId: string,
  body: ReferralClosingBody,
  requestId: string | null,
): Promise<ReferralView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockReferral(trx, referralId);
    const decision = close(stateOf(row), body.outcome, row.helps_with as HelpsWith[]);
    if (!decision.ok) throw refusalError(decision.refusal);
    await trx
      .updateTable('care_referrals')
      .set({
        status: 'closed',
        outcome: body.outcome,
        outcome_note: body.note,
        closed_at: now,
        closed_by: actor.userId,
      })
      .where('id', '=', referralId)
      .execute();
    await appendReferralLine(trx, actor, row, recordText('care_referral_closed', {}), now);
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'care_referral.closed',
      targetType: 'care_referral',
      targetId: referralId,
      before: { status: row.status },
      after: { debtorId: row.debtor_id, caseId: row.case_id, status: 'closed', outcome: body.outcome },
      requestId,
      at: now,
    });
    return referralView(trx, referralId, today);
  });
}
