import { performance } from 'node:perf_hooks';
import type { Database } from '../../../src/platform/db/database.js';

// The rebuild's reference, measured in the same run: the server rewriting the same entries set-based, in SQL alone.

const COLUMNS = [
  'debtor_id',
  'creditor_id',
  'team_id',
  'strategy_version',
  'segment_id',
  'arm',
  'channels',
  'tier',
  'priority',
  'explanation',
  'callable_from',
  'paused',
  'refreshed_at',
];

/**
 * Upserts every queue entry over itself in one statement per half of the case ids, the two halves at once on their
 * own connections as the rebuild runs two batches at once: the same rows, the same indexes, the same conflict
 * handling, with no facts to read and nothing to compute. The floor of the rebuild's write on this server now.
 */
export async function rewriteReference(db: Database): Promise<{ entries: number; seconds: number }> {
  const began = performance.now();
  const halves = [
    `case_id < '80000000-0000-0000-0000-000000000000'`,
    `case_id >= '80000000-0000-0000-0000-000000000000'`,
  ];
  const counts = await Promise.all(
    halves.map(async (half) => {
      const { rows } = await db.executeSql<{ count: string }>(
        `with written as (
           insert into case_queue (case_id, ${COLUMNS.join(', ')})
           select case_id, ${COLUMNS.join(', ')} from case_queue where ${half}
           on conflict (case_id) do update set ${COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}
           returning 1)
         select count(*)::text as count from written`,
      );
      return Number(rows[0]!.count);
    }),
  );
  return { entries: counts.reduce((sum, count) => sum + count, 0), seconds: (performance.now() - began) / 1000 };
}
