import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import type { DebtorRange } from './queue-facts-batch.js';
import { refreshContext, refreshQueueEntries } from './refresh-queue.js';

const BATCH = 5_000;

/**
 * Rebuilds every queue entry from the facts (the nightly refresh, and after a restore): the open cases of a batch of
 * debtors at a time, debtors in the order of their ids, each batch its own statements so the queues stay usable
 * meanwhile. Entries of closed cases are removed. Events keep the entries current during the day; this catches
 * whatever time alone changed. Batches of neighbouring debtors let every read of a batch take an index range
 * (DebtorRange in queue-facts-batch.ts); a debtor's cases are always in one batch.
 *
 * The work is the database's (the policy's decisions are a small share of it), so on a server `parallel` batches run
 * at once, each on one connection of its own (its reads queue there rather than taking the pool), each on debtors no
 * other touches; the next batch is taken one after the other. The embedded engine has one connection: one batch at a
 * time.
 */
export async function rebuildQueue(
  deps: Deps,
  options: { onProgress?: (done: number) => void; parallel?: number; batchSize?: number } = {},
): Promise<{ entries: number }> {
  const now = deps.now();
  const parallel = Math.max(1, options.parallel ?? (deps.database.engine === 'pglite' ? 1 : 2));
  const context = await refreshContext(deps.db, now);
  await sql`delete from case_queue q using cases c where c.id = q.case_id and c.status = 'closed'`.execute(deps.db);
  // Explanations no entry names any more (refresh-queue.ts stores them). Removed before the batches, not after: an
  // entry a refresh writes meanwhile may name one this removes, and its batch, still to come, stores it again.
  await sql`delete from queue_explanations e where not exists (select from case_queue q where q.explanation = e.key)`.execute(
    deps.db,
  );
  let after = '00000000-0000-0000-0000-000000000000';
  let taking: Promise<Batch> = Promise.resolve({ caseIds: [], range: null });
  // The next batch of debtors after the last one taken, with their open cases: chained, so no two batches overlap.
  const nextBatch = () => {
    taking = taking.then(async () => {
      const batch = await openCasesOfNextDebtors(deps, after, options.batchSize ?? BATCH);
      if (batch.range) after = batch.range.to;
      return batch;
    });
    return taking;
  };
  let entries = 0;
  const worker = async () => {
    for (let batch = await nextBatch(); batch.range; batch = await nextBatch()) {
      const { caseIds, range } = batch;
      // One connection a batch: its reads go out together, and a pool shared with the API is never drained by them.
      const refreshed = await deps.db.connection().execute(async (connection) => {
        // Each entry written is checked against its case, debtor, creditor, team and strategy, and each assignment
        // against two of them: thousands of checks a batch, which the pool plans anew each time (database.ts), and
        // planning them cost more than the writing in a first build. Within a batch a check is planned once and
        // reused, after the plans the connection kept are dropped (made when a table was smaller); then the connection
        // plans every statement again.
        await sql`discard plans`.execute(connection);
        await sql`set plan_cache_mode = auto`.execute(connection);
        try {
          return await refreshQueueEntries(connection, caseIds, context, range);
        } finally {
          await sql`set plan_cache_mode = force_custom_plan`.execute(connection);
        }
      });
      entries += refreshed;
      options.onProgress?.(entries);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { entries };
}

interface Batch {
  caseIds: string[];
  range: DebtorRange | null;
}

/** The open cases of the next `size` debtors after `after` having one, and the range of those debtors. */
async function openCasesOfNextDebtors(deps: Deps, after: string, size: number): Promise<Batch> {
  const { rows } = await sql<{ id: string; debtor_id: string }>`
    with batch_debtors as (
      select debtor_id from cases where status <> 'closed' and debtor_id > ${after}::uuid
      group by debtor_id order by debtor_id limit ${size}
    )
    -- (no max() of uuid before PostgreSQL 16)
    select c.id, c.debtor_id from cases c
    where c.status <> 'closed' and c.debtor_id > ${after}::uuid and c.debtor_id <= (select debtor_id from batch_debtors order by debtor_id desc limit 1)
    order by c.debtor_id, c.id`.execute(deps.db);
  if (rows.length === 0) return { caseIds: [], range: null };
  return {
    caseIds: rows.map((row) => row.id),
    range: { from: rows[0]!.debtor_id, to: rows[rows.length - 1]!.debtor_id },
  };
}
