import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { refreshContext, refreshQueueEntries } from './refresh-queue.js';

const BATCH = 2_000;

/**
 * Rebuilds every queue entry from the facts (the nightly refresh, and after a restore): open cases in batches, in
 * the order of their ids, each batch its own statement so the queues stay usable meanwhile. Entries of closed cases
 * are removed. Events keep the entries current during the day; this catches whatever time alone changed.
 */
export async function rebuildQueue(
  deps: Deps,
  options: { onProgress?: (done: number) => void } = {},
): Promise<{ entries: number }> {
  const now = deps.now();
  const context = await refreshContext(deps.db, now);
  await sql`delete from case_queue q using cases c where c.id = q.case_id and c.status = 'closed'`.execute(deps.db);
  let after = '00000000-0000-0000-0000-000000000000';
  let entries = 0;
  for (;;) {
    const ids = await deps.db
      .selectFrom('cases')
      .select('id')
      .where('status', '<>', 'closed')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (ids.length === 0) break;
    entries += await refreshQueueEntries(
      deps.db,
      ids.map((row) => row.id),
      context,
    );
    after = ids[ids.length - 1]!.id;
    options.onProgress?.(entries);
  }
  return { entries };
}
