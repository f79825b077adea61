import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { conflict } from '../../platform/errors.js';

/**
 * The run's sign of life, under its lock: refused (409 communications.print_run_closed) once it is no longer
 * preparing, so a letter is never added to a run already finished or abandoned.
 */
export async function stampRun(trx: Transaction<DB>, runId: string, now: Date): Promise<void> {
  const stamped = await trx
    .updateTable('print_runs')
    .set({ active_at: now })
    .where('id', '=', runId)
    .where('status', '=', 'preparing')
    .returning('id')
    .executeTakeFirst();
  if (!stamped)
    throw conflict(
      'communications.print_run_closed',
      'This print run was finished or abandoned meanwhile: its letters are printed by it or by the next run.',
    );
}

/** The run's next line: after its last letter, on the next odd page. */
export async function nextPlace(trx: Transaction<DB>, runId: string): Promise<{ sequence: number; firstPage: number }> {
  const row = await trx
    .selectFrom('print_run_letters')
    .select([
      sql<number>`coalesce(max(sequence), 0)::int`.as('last'),
      sql<number>`coalesce(max(first_page + 2 * ((pages + 1) / 2)), 1)::int`.as('next_page'),
    ])
    .where('print_run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return { sequence: row.last + 1, firstPage: row.next_page };
}
