import { sql, type Transaction } from 'kysely';
import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/today.js';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict } from '../../platform/errors.js';
import { agencyAddressOf } from '../first-letter-facts.js';
import { issueFirstLetterWith, type IssuedLetter } from '../issue-first-letter.js';
import { audit } from './audit-run.js';
import { nextPlace, stampRun } from './run-lines.js';
import { completeRun, type ComposedLetter } from './complete-run.js';
import type { PrintRunView } from './contract.js';
import { carryHeldLetters, countHeldLetters } from './held-letters.js';
import { countUnprintedReminders, takeReminderLetters } from './reminder-lines.js';
import { printRunView } from './view.js';

export interface PrepareOptions {
  /** Tests only: stop as a crash would before the case at this index, the run left preparing. */
  crashAfterLetters?: number;
}

/** The most letters one run takes: the rest wait for the next run (the same day or the next). */
export const MAX_LETTERS_PER_RUN = 500;

/**
 * Prepares today's print run: first the letters of abandoned runs that were never printed (carried, with their
 * reference and date), then every open amicable case whose first letter has not gone out, in the order of their
 * references, issued through the first letter's own path (issueFirstLetterWith), each in its own transaction, so a
 * case the policy or the letter's rules refuse is listed with the problem's code and the others go on. Each letter
 * issued records its line on the run, as composed, in its own transaction; then the reminder letters issued since
 * (reminder-lines.ts), each taken in its own transaction. Each case handled stamps the run (its sign
 * of life, which tells a crashed run from a live one). Then one PDF of the letters (each on an odd page) and the
 * manifest are written under DATA_DIR from the lines recorded, and the run is marked ready, audited (completeRun, the
 * same step that finishes a run a crash left preparing).
 */
export async function preparePrintRun(
  deps: Deps,
  actor: Actor,
  requestId: string | null,
  options: PrepareOptions = {},
): Promise<PrintRunView> {
  agencyAddressOf(deps.config);
  const now = deps.now();
  const runDate = agencyToday(now, deps.config);
  const held = await countHeldLetters(deps.db);
  const reminders = await countUnprintedReminders(deps.db);
  const candidates = await deps.db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('status', '=', 'open')
    .where('stage', '=', 'amicable')
    .where('first_letter_sent_on', 'is', null)
    .orderBy('reference')
    .limit(Math.max(0, MAX_LETTERS_PER_RUN - held))
    .execute();
  if (candidates.length === 0 && held === 0 && reminders === 0)
    throw conflict(
      'communications.nothing_to_print',
      'Every open case’s first letter has gone out and no reminder letter waits: nothing to print.',
    );
  const runId = await deps.db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('print_runs')
      .values({ run_date: runDate, prepared_by: actor.userId, prepared_at: now, active_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(
      trx,
      auditActor(actor),
      'print_run.started',
      run.id,
      { runDate, candidates: candidates.length, held, reminders },
      requestId,
      now,
    );
    return run.id;
  });
  await carryHeldLetters(deps, runId);
  for (const [index, candidate] of candidates.entries()) {
    if (index === options.crashAfterLetters) throw new Error('The process preparing the print run stopped (test).');
    const closed = await issueInto(deps, actor, runId, candidate, requestId);
    // The run was finished or abandoned by someone else (it was taken for dead): the other cases wait for the next.
    if (closed) break;
  }
  // The reminder letters issued since the last run, after the first letters, within the run's limit.
  const lines = await deps.db
    .selectFrom('print_run_letters')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('print_run_id', '=', runId)
    .executeTakeFirstOrThrow();
  await takeReminderLetters(deps, auditActor(actor), runId, Math.max(0, MAX_LETTERS_PER_RUN - lines.n)).catch(
    (error: unknown) => {
      // The run was closed under it: the letters not taken wait for the next run.
      if (!(error instanceof AppError && error.code === 'communications.print_run_closed')) throw error;
    },
  );
  await completeRun(deps, auditActor(actor), runId, requestId, { action: 'print_run.prepared' });
  return printRunView(deps, runId);
}

/** One case's first letter issued onto the run, or its refusal listed on it; true when the run no longer prepares. */
async function issueInto(
  deps: Deps,
  actor: Actor,
  runId: string,
  candidate: { id: string; reference: string },
  requestId: string | null,
): Promise<boolean> {
  try {
    await issueFirstLetterWith(deps, actor, candidate.id, requestId, async (trx, done) => {
      await stampRun(trx, runId, deps.now());
      await recordLetter(trx, runId, done);
    });
    return false;
  } catch (error) {
    if (error instanceof AppError && error.code === 'communications.print_run_closed') return true;
    // A refusal of the letter's rules or the policy is the case's; anything else is named as such and the run goes on.
    const code = error instanceof AppError ? error.code : 'internal_error';
    return deps.db.transaction().execute(async (trx) => {
      const open = await stampRun(trx, runId, deps.now()).then(
        () => true,
        () => false,
      );
      if (open)
        await trx
          .updateTable('print_runs')
          .set({
            refused: sql`refused || ${JSON.stringify([{ caseId: candidate.id, caseReference: candidate.reference, code }])}::jsonb`,
          })
          .where('id', '=', runId)
          .execute();
      return !open;
    });
  }
}

/** A letter's line on the run, in the letter's transaction, with the letter as composed (to draw it again). */
async function recordLetter(trx: Transaction<DB>, runId: string, done: IssuedLetter): Promise<void> {
  const place = await nextPlace(trx, runId);
  const composed: ComposedLetter = {
    letter: done.letter,
    addresseeName: done.addresseeName,
    postalCode: done.address.postalCode,
    city: done.address.city,
    country: done.address.country,
  };
  await trx
    .insertInto('print_run_letters')
    .values({
      print_run_id: runId,
      sequence: place.sequence,
      case_id: done.issued.caseId,
      debtor_id: done.debtorId,
      address_id: done.address.id,
      letter_reference: done.issued.reference,
      document_id: done.issued.documentId,
      first_page: place.firstPage,
      pages: done.pages,
      composed: JSON.stringify(composed),
    })
    .execute();
}
