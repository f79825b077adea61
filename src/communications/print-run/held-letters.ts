import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { nextPlace, stampRun } from './run-lines.js';

/**
 * The letters held by abandoned runs: issued (recorded as sent on their cases, kept there) but never printed, because
 * the run that issued them was abandoned before its files were written. Each is printed by the next run, once:
 * carrying a letter marks its old line superseded and adds it to the new run in one transaction, and a letter
 * reference has at most one line not superseded (a unique index).
 */
const held = (db: Kysely<DB>) =>
  db
    .selectFrom('print_run_letters as l')
    .innerJoin('print_runs as r', 'r.id', 'l.print_run_id')
    .where('r.status', '=', 'abandoned')
    .where('l.superseded_by_run_id', 'is', null)
    .where('l.composed', 'is not', null);

export async function countHeldLetters(db: Kysely<DB>): Promise<number> {
  const row = await held(db)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Every held first letter carried into the run, first in it, in the order they were issued; gives how many. Held
 * reminder letters go back to the unprinted ones, which the run takes after a new check.
 */
export async function carryHeldLetters(deps: Deps, runId: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    await stampRun(trx, runId, deps.now());
    // Claimed by the update itself: a run preparing at the same moment finds them superseded and carries none twice.
    const carried = await trx
      .updateTable('print_run_letters as l')
      .set({ superseded_by_run_id: runId })
      .from('print_runs as r')
      .whereRef('r.id', '=', 'l.print_run_id')
      .where('r.status', '=', 'abandoned')
      .where('l.superseded_by_run_id', 'is', null)
      .where('l.composed', 'is not', null)
      .returning([
        'l.print_run_id',
        'l.sequence',
        'l.case_id',
        'l.debtor_id',
        'l.address_id',
        'l.letter_reference',
        'l.document_id',
        'l.pages',
        'l.composed',
        'r.prepared_at',
      ])
      .execute();
    // A reminder letter goes back to those waiting for a run, to be checked again like them (reminder-lines.ts):
    // a hold, an opt-out or a payment since the abandoned run may withdraw it. First letters are carried as they are.
    const returned = carried.length
      ? await trx
          .updateTable('reminder_letters as rl')
          .set({ print_run_id: null })
          .where(
            'rl.reference',
            'in',
            carried.map((line) => line.letter_reference),
          )
          .where(
            'rl.print_run_id',
            'in',
            carried.map((line) => line.print_run_id),
          )
          .returning('rl.reference')
          .execute()
      : [];
    const reminders = new Set(returned.map((row) => row.reference));
    const firstLetters = carried.filter((line) => !reminders.has(line.letter_reference));
    firstLetters.sort((a, b) => a.prepared_at.getTime() - b.prepared_at.getTime() || a.sequence - b.sequence);
    for (const letter of firstLetters) {
      const place = await nextPlace(trx, runId);
      await trx
        .insertInto('print_run_letters')
        .values({
          print_run_id: runId,
          sequence: place.sequence,
          case_id: letter.case_id,
          debtor_id: letter.debtor_id,
          address_id: letter.address_id,
          letter_reference: letter.letter_reference,
          document_id: letter.document_id,
          first_page: place.firstPage,
          pages: letter.pages,
          composed: JSON.stringify(letter.composed),
          carried_from_run_id: letter.print_run_id,
        })
        .execute();
    }
    return firstLetters.length;
  });
}
