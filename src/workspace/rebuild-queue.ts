import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { refreshContext, refreshQueueEntries } from './refresh-queue.js';

const BATCH = 5_000;

/**
 * Rebuilds every queue entry from the facts (the nightly refresh, and after a restore): open cases in batches, in
 * the order of their ids, each batch its own statements so the queues stay usable meanwhile. Entries of closed cases
 * are removed. Events keep the entries current during the day; this catches whatever time alone changed.
 *
 * The work is the database's (the policy's decisions are a small share of it), so on a server `parallel` batches run
 * at once, each on one connection of its own (its reads queue there rather than taking the pool), each on cases no other touches; the next batch's ids are taken one after the
 * other. The embedded engine has one connection: one batch at a time.
 */
export async function rebuildQueue(
  deps: Deps,
  options: { onProgress?: (done: number) => void; parallel?: number; batchSize?: number } = {},
): Promise<{ entries: number }> {
  const now = deps.now();
  const parallel = Math.max(1, options.parallel ?? (deps.database.engine === 'pglite' ? 1 : 2));
  const context = await refreshContext(deps.db, now);
  await sql`delete from case_queue q using cases c where c.id = q.case_id and c.status = 'closed'`.execute(deps.db);
  let after = '00000000-0000-0000-0000-000000000000';
  let taking: Promise<string[]> = Promise.resolve([]);
  // The next batch of open case ids after the last one taken: chained, so no two batches overlap.
  const nextBatch = () => {
    taking = taking.then(async () => {
      const ids = await deps.db
        .selectFrom('cases')
        .select('id')
        .where('status', '<>', 'closed')
        .where('id', '>', after)
        .orderBy('id')
        .limit(options.batchSize ?? BATCH)
        .execute();
      if (ids.length > 0) after = ids[ids.length - 1]!.id;
      return ids.map((row) => row.id);
    });
    return taking;
  };
  let entries = 0;
  const worker = async () => {
    for (let ids = await nextBatch(); ids.length > 0; ids = await nextBatch()) {
      // One connection a batch: its reads go out together, and a pool shared with the API is never drained by them.
      const refreshed = await deps.db
        .connection()
        .execute((connection) => refreshQueueEntries(connection, ids, context));
      entries += refreshed;
      options.onProgress?.(entries);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { entries };
}
