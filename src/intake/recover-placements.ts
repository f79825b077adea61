import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';

/** The advisory lock key of a placement's import (a 63-bit hash of its id). */
export function placementLockKey(placementId: string) {
  return sql`hashtextextended(${placementId}::text, 0)`;
}

/**
 * Placements left 'running' by an import whose process died (a kill, a crash of the machine): their transaction
 * rolled back, so nothing of the file is in the database; they are marked failed, to be imported again. A
 * placement whose import is alive holds its advisory lock and is left alone.
 */
export async function recoverInterruptedPlacements(deps: Deps): Promise<number> {
  const running = await deps.db
    .selectFrom('placements')
    .select(['id', 'creditor_id'])
    .where('status', '=', 'running')
    .execute();
  let recovered = 0;
  for (const placement of running) {
    const marked = await deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{
        free: boolean;
      }>`select pg_try_advisory_xact_lock(${placementLockKey(placement.id)}) as free`.execute(trx);
      if (!rows[0]?.free) return false;
      const updated = await trx
        .updateTable('placements')
        .set({
          status: 'failed',
          report: JSON.stringify({
            failure:
              'The import stopped before its end (the process was stopped); nothing of the file was kept. Import the file again.',
          }),
          completed_at: deps.now(),
        })
        .where('id', '=', placement.id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'placement.interrupted',
        targetType: 'placement',
        targetId: placement.id,
        creditorId: placement.creditor_id,
        before: { status: 'running' },
        after: { status: 'failed' },
        at: deps.now(),
      });
      return true;
    });
    if (marked) recovered += 1;
  }
  return recovered;
}
