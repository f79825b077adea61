import { appendAudit } from '../audit/append.js';
import { recordText } from '../cases/core/record-texts.js';
import { assertDebtorInScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { localDateOf } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import { careRefusal } from './care-refusals.js';
import { breathingSpaceDaysOf, breathingSpaceViews, careTimeline } from './care-facts.js';
import type { BreathingSpaceView } from './contract.js';
import { renewBreathingSpace as decideRenewal } from './core/breathing-space.js';

/**
 * Renews a breathing space, once, with a reason: its end moves by the policy's same days, in one transaction with
 * its care line on the timeline and its audit entry.
 */
export async function renewBreathingSpace(
  deps: Deps,
  actor: Actor,
  holdId: string,
  reason: string,
  requestId: string | null = null,
): Promise<BreathingSpaceView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const hold = await trx.selectFrom('holds').selectAll().where('id', '=', holdId).forUpdate().executeTakeFirst();
    if (!hold) throw notFound('The breathing space');
    await assertDebtorInScope(trx, actor, hold.debtor_id, hold.case_id);
    const days = await breathingSpaceDaysOf(trx, now);
    const decision = decideRenewal(
      {
        kind: hold.kind,
        status: hold.status,
        startsAt: hold.starts_at,
        endsAt: hold.ends_at,
        renewedAt: hold.renewed_at,
      },
      reason,
      now,
      days,
    );
    if (typeof decision === 'string') throw careRefusal(decision);
    await trx
      .updateTable('holds')
      .set({ ends_at: decision.endsAt, renewed_at: now, renewed_by: actor.userId, renewal_reason: reason.trim() })
      .where('id', '=', holdId)
      .execute();
    await careTimeline(
      trx,
      {
        debtorId: hold.debtor_id,
        caseId: hold.case_id,
        at: now,
        actorUserId: actor.userId,
        summary: recordText('care_breathing_space_renewed', {
          until: localDateOf(decision.endsAt, deps.config.AGENCY_TZ),
        }),
      },
      { holdId },
    );
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'care.breathing_space_renewed',
      targetType: 'hold',
      targetId: holdId,
      before: { endsAt: hold.ends_at!.toISOString() },
      after: { endsAt: decision.endsAt.toISOString(), days },
      requestId,
      at: now,
    });
    return (await breathingSpaceViews(trx, hold.debtor_id, now)).find((space) => space.holdId === holdId)!;
  });
}
