import { appendAudit } from '../audit/append.js';
import { recordText } from '../cases/core/record-texts.js';
import { assertDebtorInScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import { careTimeline, signalViews } from './care-facts.js';
import type { SignalView } from './contract.js';

/**
 * A person dismisses a signal with a note: kept, so the same kind is not suggested again for 90 days
 * (core/signals.ts). One transaction with its care line and its audit entry (the note stays on the signal).
 */
export async function dismissSignal(
  deps: Deps,
  actor: Actor,
  signalId: string,
  note: string,
  requestId: string | null = null,
): Promise<SignalView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const signal = await trx
      .selectFrom('vulnerability_signals')
      .selectAll()
      .where('id', '=', signalId)
      .forUpdate()
      .executeTakeFirst();
    if (!signal) throw notFound('The signal');
    await assertDebtorInScope(trx, actor, signal.debtor_id, signal.case_id);
    if (signal.status !== 'open')
      throw conflict('care.signal_decided', `This signal was already ${signal.status}: it is not dismissed again.`);
    await trx
      .updateTable('vulnerability_signals')
      .set({ status: 'dismissed', decided_at: now, decided_by: actor.userId, decision_note: note.trim() })
      .where('id', '=', signalId)
      .execute();
    await careTimeline(
      trx,
      {
        debtorId: signal.debtor_id,
        caseId: signal.case_id,
        at: now,
        actorUserId: actor.userId,
        summary: recordText('care_signal_dismissed', {}),
      },
      { signalId },
    );
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'care.signal_dismissed',
      targetType: 'debtor',
      targetId: signal.debtor_id,
      before: { signalId, status: 'open' },
      after: { signalId, status: 'dismissed', kind: signal.kind },
      requestId,
      at: now,
    });
    return (await signalViews(trx, signal.debtor_id, now)).find((view) => view.id === signalId)!;
  });
}
