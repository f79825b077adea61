import { appendAudit } from '../../audit/append.js';
import { recordText } from '../../cases/append-case-event.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/index.js';
import type { Deps } from '../../platform/deps.js';
import type { ReferralFollowUpBody, ReferralView } from './contract.js';
import { reschedule } from './core/referral.js';
import { appendReferralLine, lockReferral, referralView, refusalError, stateOf } from './referral-facts.js';

/** Moves an open referral's follow-up to another day, today or later, in one transaction, audited before and after. */
export async function rescheduleFollowUp(
  deps: Deps,
  actor: Actor,
  referralId: string,
  body: ReferralFollowUpBody,
  requestId: string | null,
): Promise<ReferralView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockReferral(trx, referralId);
    const decision = reschedule(stateOf(row), body.followUpOn, today);
    if (!decision.ok) throw refusalError(decision.refusal);
    await trx
      .updateTable('care_referrals')
      .set({ follow_up_on: body.followUpOn })
      .where('id', '=', referralId)
      .execute();
    await appendReferralLine(
      trx,
      actor,
      row,
      recordText('care_referral_follow_up_moved', { followUpOn: body.followUpOn }),
      now,
    );
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'care_referral.follow_up_moved',
      targetType: 'care_referral',
      targetId: referralId,
      before: { followUpOn: row.follow_up_on },
      after: { debtorId: row.debtor_id, caseId: row.case_id, followUpOn: body.followUpOn },
      requestId,
      at: now,
    });
    return referralView(trx, referralId, today);
  });
}
