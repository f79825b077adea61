import type { Actor } from '../identity/actor.js';
import { needToKnow, recordSensitiveRead } from '../need-to-know/access.js';
import { localDateOf } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import type { StandingReferral } from './core/standing-referral.js';

/**
 * The debtor's latest open referral for the standing panel, read from the care unit's table (the care capability sits
 * above the workspace): for a reader with need-to-know without a stated reason (the care team, compliance, the worker
 * holding the case now), each such read recorded; null for anyone else, and when there is none.
 */
export async function standingReferral(
  deps: Deps,
  actor: Actor,
  target: { debtorId: string; caseId: string },
  requestId: string | null = null,
): Promise<StandingReferral | null> {
  const referral = await deps.db
    .selectFrom('care_referrals as r')
    .innerJoin('care_organisations as o', 'o.id', 'r.organisation_id')
    .select(['o.name', 'r.proposed_at'])
    .where('r.debtor_id', '=', target.debtorId)
    .where('r.status', '<>', 'closed')
    .orderBy('r.proposed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!referral) return null;
  const decision = await needToKnow(deps, actor, target.debtorId, null);
  if (decision.access !== 'full') return null;
  await recordSensitiveRead(deps, {
    actor,
    debtorId: target.debtorId,
    caseId: target.caseId,
    subject: 'care_referral',
    basis: decision.basis,
    reason: null,
    requestId,
  });
  return { organisation: referral.name, proposedOn: localDateOf(referral.proposed_at, deps.config.AGENCY_TZ) };
}
