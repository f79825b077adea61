import { sql } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import type { Deps } from '../platform/deps.js';
import { breakDuePromises } from './promises.js';
import { refreshContext, refreshDebtors } from './refresh-queue.js';
import { openTask } from './tasks.js';
import type { SweepReport } from './contract.js';

export const WORKSPACE_SWEEP = 'workspace-sweep';

/** How many debtors one refresh statement handles, and how many the sweep takes in one run at most. */
const BATCH = 1_000;
const MAX_PER_RUN = 200_000;

/**
 * Every minute: promises past their date become broken (with a follow-up), callbacks the agency missed get a
 * follow-up, expired leases are given back, and the queue entries of the debtors that events marked are refreshed.
 */
export async function workspaceSweep(deps: Deps): Promise<SweepReport> {
  const now = deps.now();
  // One moment for the whole sweep: a follow-up opened now is due at the moment the refresh ranks it.
  const promisesBroken = await breakDuePromises(deps, now);
  const callbacksMissed = await followUpMissedCallbacks(deps, now);
  const expired = await deps.db
    .updateTable('case_queue')
    .set({ leased_by: null, lease_until: null, leased_at: null })
    .where('lease_until', '<', now)
    .executeTakeFirst();
  let debtorsRefreshed = 0;
  let entriesRefreshed = 0;
  const context = await refreshContext(deps.db, now);
  while (debtorsRefreshed < MAX_PER_RUN) {
    const refreshed = await deps.db.transaction().execute(async (trx) => {
      // Several workers may sweep at once: each takes its own batch.
      const batch = await trx
        .selectFrom('queue_dirty')
        .select('debtor_id')
        .orderBy('marked_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      if (batch.length === 0) return null;
      const ids = batch.map((row) => row.debtor_id);
      await trx.deleteFrom('queue_dirty').where('debtor_id', 'in', ids).execute();
      const entries = await refreshDebtors(trx, ids, now, context);
      // The refresh itself may move a case to its team, which marks the debtor again: that is already done.
      await trx.deleteFrom('queue_dirty').where('debtor_id', 'in', ids).execute();
      return { debtors: ids.length, entries };
    });
    if (!refreshed) break;
    debtorsRefreshed += refreshed.debtors;
    entriesRefreshed += refreshed.entries;
  }
  return {
    promisesBroken,
    callbacksMissed,
    leasesExpired: Number(expired.numUpdatedRows),
    debtorsRefreshed,
    entriesRefreshed,
  };
}

/** A callback whose time and tolerance passed with no call gets one follow-up (the debtor waited for us). */
async function followUpMissedCallbacks(deps: Deps, now: Date): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const missed = await trx
      .selectFrom('contact_callbacks as cb')
      .innerJoin('cases', 'cases.id', 'cb.case_id')
      .leftJoin('case_queue as q', 'q.case_id', 'cb.case_id')
      .select(['cb.id', 'cb.case_id', 'cb.debtor_id', 'cb.callback_at', 'q.team_id'])
      .where('cb.status', '=', 'pending')
      .where('cb.callback_at', '<', new Date(now.getTime() - 30 * 60_000))
      .where('cases.status', '<>', 'closed')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('case_tasks as t')
              .select('t.id')
              .where('t.kind', '=', 'callback_missed')
              .where(sql<boolean>`t.source->>'callbackId' = cb.id::text`),
          ),
        ),
      )
      .limit(1_000)
      .execute();
    for (const callback of missed) {
      await openTask(
        trx,
        {
          caseId: callback.case_id,
          debtorId: callback.debtor_id,
          kind: 'callback_missed',
          dueAt: now,
          teamId: callback.team_id,
          source: { callbackId: callback.id, at: callback.callback_at.toISOString() },
        },
        null,
        now,
        deps.config,
      );
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'callback.missed',
        targetType: 'contact_callback',
        targetId: callback.id,
        after: { caseId: callback.case_id, at: callback.callback_at.toISOString() },
        at: now,
      });
    }
    return missed.length;
  });
}
