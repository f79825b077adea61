import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { assertVisible } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { remittanceEntries } from '../ledger/core/postings.js';
import { postTransaction } from '../ledger/post.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import type { RemittanceView } from './contract.js';
import { cancelRefusal, releaseRefusal, type ReleaseRefusal } from './core/release.js';
import { loadRemittance } from './remittance-view.js';

const REFUSALS: Record<ReleaseRefusal, () => Error> = {
  not_prepared: () =>
    conflict(
      'remittances.not_prepared',
      'This remittance is no longer waiting for release (already released or cancelled): reload it.',
    ),
  own_preparation: () =>
    conflict(
      'remittances.own_preparation',
      'You prepared this remittance: another person with the right to release remittances must release it (four-eyes rule).',
    ),
};

/** The remittance under a lock of its row, within the actor's scope (404 otherwise). */
async function lockRemittance(trx: Transaction<DB>, actor: Actor, remittanceId: string) {
  const row = await trx
    .selectFrom('remittances as r')
    .innerJoin('creditors as c', 'c.id', 'r.creditor_id')
    .select([
      'r.id',
      'r.number',
      'r.status',
      'r.prepared_by',
      'r.creditor_id',
      'r.collected_cents',
      'r.net_cents',
      'r.lines',
      'r.period_to',
      'c.code',
    ])
    .where('r.id', '=', remittanceId)
    .forUpdate('r')
    .executeTakeFirst();
  assertVisible(actor, row, 'The remittance');
  return row;
}

/**
 * Releases a prepared remittance: under a lock of its row, re-checks that it is still prepared and that the releaser
 * did not prepare it, posts the payment over (creditor payable to cash) in the ledger, and audits, in one
 * transaction. A purchased debt's remittance pays nothing: it is released without a posting.
 */
export async function releaseRemittance(
  deps: Deps,
  actor: Actor,
  remittanceId: string,
  requestId: string | null = null,
): Promise<RemittanceView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockRemittance(trx, actor, remittanceId);
    const refusal = releaseRefusal(actor.userId, { status: row.status, preparedBy: row.prepared_by });
    if (refusal) throw REFUSALS[refusal]();
    const transactionId =
      row.net_cents > 0
        ? await postTransaction(trx, {
            kind: 'remittance',
            occurredAt: now,
            reason: `Reversement au créancier ${row.code} jusqu'au ${row.period_to}`,
            createdBy: actor.userId,
            entries: remittanceEntries(row.creditor_id, row.net_cents),
          })
        : null;
    await trx
      .updateTable('remittances')
      .set({ status: 'released', released_by: actor.userId, released_at: now, transaction_id: transactionId })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'remittance.released',
      targetType: 'remittance',
      targetId: row.id,
      creditorId: row.creditor_id,
      before: { status: row.status, preparedBy: row.prepared_by },
      after: { status: 'released', number: row.number, net: row.net_cents, transactionId },
      requestId,
      at: now,
    });
  });
  return loadRemittance(deps.db, remittanceId);
}

/**
 * Cancels a prepared remittance: its lines are freed for the next remittance (the audit keeps what it held), no money
 * moved. One transaction under a lock of its row.
 */
export async function cancelRemittance(
  deps: Deps,
  actor: Actor,
  remittanceId: string,
  requestId: string | null = null,
): Promise<RemittanceView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockRemittance(trx, actor, remittanceId);
    if (cancelRefusal(row)) throw REFUSALS.not_prepared();
    await trx.deleteFrom('remittance_lines').where('remittance_id', '=', row.id).execute();
    await trx
      .updateTable('remittances')
      .set({ status: 'cancelled', cancelled_by: actor.userId, cancelled_at: now })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'remittance.cancelled',
      targetType: 'remittance',
      targetId: row.id,
      creditorId: row.creditor_id,
      before: { status: row.status, collected: row.collected_cents, net: row.net_cents, lines: row.lines },
      after: { status: 'cancelled', number: row.number },
      requestId,
      at: now,
    });
  });
  return loadRemittance(deps.db, remittanceId);
}
