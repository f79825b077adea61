import { appendAudit } from '../audit/append.js';
import type { Deps } from '../platform/deps.js';
import { auditActor, type Actor } from './actor.js';

/** A user changes their own language, audited in the same transaction. */
export async function changeOwnLocale(
  deps: Deps,
  actor: Actor,
  locale: Actor['locale'],
  requestId: string,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ locale, updated_at: now }).where('id', '=', actor.userId).execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'user.preferences_changed',
      targetType: 'user',
      targetId: actor.userId,
      creditorId: actor.creditorId,
      before: { locale: actor.locale },
      after: { locale },
      requestId,
      at: now,
    });
  });
}
