import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { nextPlace, stampRun } from './run-lines.js';

/**
 * The reminder letters issued (by a campaign, through the contact policy, kept on their cases) and not yet printed:
 * each joins the next print run once, after its first letters. Taking a letter sets its run and writes its line, as
 * composed, in one transaction under the run's stamp, so a letter is on one run or on none, never lost between two.
 */
const unprinted = (db: Kysely<DB>) => db.selectFrom('reminder_letters').where('print_run_id', 'is', null);

export async function countUnprintedReminders(db: Kysely<DB>): Promise<number> {
  const row = await unprinted(db)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Up to `limit` reminder letters added to the run, oldest first; gives how many. */
export async function takeReminderLetters(deps: Deps, runId: string, limit: number): Promise<number> {
  const waiting = await unprinted(deps.db).select('id').orderBy('created_at').orderBy('id').limit(limit).execute();
  let taken = 0;
  for (const { id } of waiting) {
    const done = await deps.db.transaction().execute(async (trx) => {
      await stampRun(trx, runId, deps.now());
      // Claimed by the update itself: a run preparing at the same moment finds it taken.
      const letter = await trx
        .updateTable('reminder_letters')
        .set({ print_run_id: runId })
        .where('id', '=', id)
        .where('print_run_id', 'is', null)
        .returning(['case_id', 'debtor_id', 'address_id', 'reference', 'document_id', 'pages', 'composed'])
        .executeTakeFirst();
      if (!letter) return false;
      const place = await nextPlace(trx, runId);
      await trx
        .insertInto('print_run_letters')
        .values({
          print_run_id: runId,
          sequence: place.sequence,
          case_id: letter.case_id,
          debtor_id: letter.debtor_id,
          address_id: letter.address_id,
          letter_reference: letter.reference,
          document_id: letter.document_id,
          first_page: place.firstPage,
          pages: letter.pages,
          composed: JSON.stringify(letter.composed),
        })
        .execute();
      return true;
    });
    if (done) taken += 1;
  }
  return taken;
}
