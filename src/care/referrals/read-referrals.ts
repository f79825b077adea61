import { sql } from 'kysely';
import { assertDebtorInScope } from '../../cases/scope.js';
import type { Actor } from '../../identity/actor.js';
import { can } from '../../identity/core/permissions.js';
import { needToKnow, recordSensitiveRead } from '../../need-to-know/access.js';
import { agencyToday } from '../../platform/calendar/index.js';
import type { Deps } from '../../platform/deps.js';
import type { DebtorReferrals } from './contract.js';
import { suggest } from './core/suggest.js';
import { debtorPlace } from './debtor-place.js';
import { organisationView } from './organisation-view.js';
import { referralViews } from './referral-facts.js';

/**
 * A debtor's referrals as the reader may read them (GDPR art. 9): in full, with the directory's suggestions for the
 * debtor, for the care team, compliance, the worker holding one of the debtor's cases now, or a team leader or manager
 * stating a reason; a full read of any referral is recorded (subject `care_referral`). Anyone else gets how many there
 * are, nothing more. Creditor users never come here (they lack care.read).
 */
export async function debtorReferrals(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  reason: string | undefined,
  requestId: string | null,
): Promise<DebtorReferrals> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  await assertDebtorInScope(deps.db, actor, debtorId, null);
  const place = await debtorPlace(deps.db, debtorId);
  const decision = await needToKnow(deps, actor, debtorId, reason);
  if (decision.access === 'restricted') {
    const counts = await deps.db
      .selectFrom('care_referrals')
      .select([
        sql<number>`count(*)::int`.as('count'),
        sql<number>`count(*) filter (where status <> 'closed')::int`.as('open'),
      ])
      .where('debtor_id', '=', debtorId)
      .executeTakeFirstOrThrow();
    return {
      access: 'restricted',
      count: counts.count,
      openCount: counts.open,
      referrals: [],
      hasRecord: false,
      today,
      suggestions: [],
    };
  }
  const [referrals, record, organisations] = await Promise.all([
    referralViews(deps.db, { debtorId }, today),
    deps.db
      .selectFrom('vulnerabilities')
      .select('id')
      .where('debtor_id', '=', debtorId)
      .where('status', '<>', 'ended')
      .limit(1)
      .executeTakeFirst(),
    can(actor.role, 'care.manage')
      ? deps.db
          .selectFrom('care_organisations')
          .selectAll()
          .where('country', '=', place.country as 'FR' | 'IT')
          .orderBy('name')
          .orderBy('created_at')
          .execute()
      : Promise.resolve([]),
  ]);
  if (referrals.length > 0) {
    await recordSensitiveRead(deps, {
      actor,
      debtorId,
      caseId: null,
      subject: 'care_referral',
      basis: decision.basis,
      reason: reason?.trim() ?? null,
      requestId,
    });
  }
  const views = organisations.map(organisationView);
  return {
    access: 'full',
    count: referrals.length,
    openCount: referrals.filter((referral) => referral.status !== 'closed').length,
    referrals,
    hasRecord: record !== undefined,
    today,
    suggestions: suggest(views, place),
  };
}
