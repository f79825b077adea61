import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { recordText } from '../cases/core/record-texts.js';
import { placeHoldIn } from '../contact-policy/holds/manage-holds.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { localDateOf } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import { breathingSpaceDaysOf, breathingSpaceViews, careTimeline } from './care-facts.js';
import type { BreathingSpaceBody, BreathingSpaceView } from './contract.js';
import { breathingSpaceEnd } from './core/breathing-space.js';

/** Starts a breathing space on its own: a dated pause while the debtor gets help, in one transaction. */
export async function startBreathingSpace(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  body: BreathingSpaceBody,
  requestId: string | null = null,
): Promise<BreathingSpaceView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const holdId = await startBreathingSpaceIn(
      trx,
      now,
      actor,
      debtorId,
      { caseId: body.caseId ?? null, reason: body.reason, zone: deps.config.AGENCY_TZ },
      requestId,
    );
    return (await breathingSpaceViews(trx, debtorId, now)).find((space) => space.holdId === holdId)!;
  });
}

/**
 * Starts a breathing space inside the caller's transaction: a `vulnerability` hold of the contact policy for its
 * default days (30), so every channel the policy stops for a vulnerability stops until its end. One runs at a time.
 */
export async function startBreathingSpaceIn(
  trx: Transaction<DB>,
  now: Date,
  actor: Actor,
  debtorId: string,
  input: { caseId: string | null; reason: string; zone: string },
  requestId: string | null,
): Promise<string> {
  const running = await trx
    .selectFrom('holds')
    .select('id')
    .where('debtor_id', '=', debtorId)
    .where('kind', '=', 'vulnerability')
    .where('status', '=', 'active')
    .where('ends_at', '>', now)
    .executeTakeFirst();
  if (running)
    throw conflict(
      'care.breathing_space_running',
      'A breathing space already runs for this debtor: renew it (once, with a reason) rather than start another.',
      { holdId: running.id },
    );
  const days = await breathingSpaceDaysOf(trx, now);
  const endsAt = breathingSpaceEnd(now, days);
  const hold = await placeHoldIn(
    trx,
    now,
    actor,
    debtorId,
    { kind: 'vulnerability', reason: input.reason, caseId: input.caseId ?? undefined, endsAt },
    requestId,
  );
  const until = localDateOf(endsAt, input.zone);
  await careTimeline(
    trx,
    {
      debtorId,
      caseId: input.caseId,
      at: now,
      actorUserId: actor.userId,
      summary: recordText('care_breathing_space_started', { until }),
    },
    { holdId: hold.id },
  );
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'care.breathing_space_started',
    targetType: 'hold',
    targetId: hold.id,
    after: { debtorId, days, endsAt: endsAt.toISOString() },
    requestId,
    at: now,
  });
  return hold.id;
}
