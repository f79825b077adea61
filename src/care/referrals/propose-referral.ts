import { appendAudit } from '../../audit/append.js';
import { recordText } from '../../cases/append-case-event.js';
import { assertDebtorInScope } from '../../cases/scope.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/index.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import type { ReferralProposalBody, ReferralView } from './contract.js';
import { propose } from './core/referral.js';
import { debtorPlace } from './debtor-place.js';
import { appendReferralLine, referralView, refusalError } from './referral-facts.js';

/**
 * Proposes a referral to an organisation of the directory, with the debtor's consent given now, in one transaction:
 * the referral (follow-up today + 14 days unless another day is given, never in the past), a neutral line on the
 * timeline, the audit entry (without the need in the debtor's words, which stays on the referral).
 */
export async function proposeReferral(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  body: ReferralProposalBody,
  requestId: string | null,
): Promise<ReferralView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  await assertDebtorInScope(deps.db, actor, debtorId, body.caseId);
  return deps.db.transaction().execute(async (trx) => {
    const place = await debtorPlace(trx, debtorId);
    if (body.caseId !== null) {
      const found = await trx
        .selectFrom('cases')
        .select('id')
        .where('id', '=', body.caseId)
        .where('debtor_id', '=', debtorId)
        .executeTakeFirst();
      if (!found) throw notFound('The case');
    }
    const organisation = await trx
      .selectFrom('care_organisations')
      .select(['id', 'active', 'country'])
      .where('id', '=', body.organisationId)
      .executeTakeFirst();
    if (!organisation) throw notFound('The organisation');
    const decision = propose({
      consent: body.consent,
      organisation,
      debtorCountry: place.country,
      followUpOn: body.followUpOn,
      today,
    });
    if (!decision.ok) throw refusalError(decision.refusal);
    const row = await trx
      .insertInto('care_referrals')
      .values({
        debtor_id: debtorId,
        case_id: body.caseId,
        organisation_id: organisation.id,
        need: body.need,
        status: 'proposed',
        consent_at: now,
        proposed_at: now,
        proposed_by: actor.userId,
        follow_up_on: decision.state.followUpOn,
      })
      .returning(['id', 'debtor_id', 'case_id'])
      .executeTakeFirstOrThrow();
    await appendReferralLine(
      trx,
      actor,
      row,
      recordText('care_referral_proposed', { followUpOn: decision.state.followUpOn }),
      now,
    );
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'care_referral.proposed',
      targetType: 'care_referral',
      targetId: row.id,
      after: {
        debtorId,
        caseId: body.caseId,
        organisationId: organisation.id,
        consentAt: now.toISOString(),
        followUpOn: decision.state.followUpOn,
      },
      requestId,
      at: now,
    });
    return referralView(trx, row.id, today);
  });
}
