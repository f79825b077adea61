import { appendAudit } from '../../audit/append.js';
import { recordText } from '../../cases/append-case-event.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/index.js';
import type { Deps } from '../../platform/deps.js';
import type { ReferralSendingBody, ReferralView } from './contract.js';
import { send } from './core/referral.js';
import { appendReferralLine, lockReferral, referralView, refusalError, stateOf } from './referral-facts.js';

/**
 * Records how a proposed referral was sent, in one transaction. By letter or e-mail the debtor was given the
 * organisation's contact details: those details, as they stood, are what the audit entry keeps as sent (the letter or
 * the e-mail itself belongs to the communications capability, not written here). A warm handoff is a call the care
 * specialist made with the debtor to the organisation: nothing was sent, the act is recorded.
 */
export async function sendReferral(
  deps: Deps,
  actor: Actor,
  referralId: string,
  body: ReferralSendingBody,
  requestId: string | null,
): Promise<ReferralView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockReferral(trx, referralId);
    const decision = send(stateOf(row), body.how);
    if (!decision.ok) throw refusalError(decision.refusal);
    await trx
      .updateTable('care_referrals')
      .set({ status: 'sent', sent_at: now, sent_by: actor.userId, sent_how: body.how })
      .where('id', '=', referralId)
      .execute();
    const sent =
      body.how === 'warm_handoff'
        ? null
        : {
            name: row.organisation_name,
            phone: row.phone,
            email: row.email,
            website: row.website,
            address: row.address,
          };
    await appendReferralLine(trx, actor, row, recordText('care_referral_sent', {}), now);
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'care_referral.sent',
      targetType: 'care_referral',
      targetId: referralId,
      before: { status: row.status },
      after: { debtorId: row.debtor_id, caseId: row.case_id, status: 'sent', how: body.how, sent },
      requestId,
      at: now,
    });
    return referralView(trx, referralId, today);
  });
}
