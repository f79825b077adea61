import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/today.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { PrintRunView } from './contract.js';
import { audit } from './audit-run.js';
import { printRunView } from './view.js';

/**
 * A person confirms the run was handed to the mail house on a day: from the run's day to today. Once only (409 the
 * second time, with the day recorded). The letters' sending day stays the run's day, the date printed on them and
 * recorded on their cases when the run was prepared.
 */
export async function confirmPosting(
  deps: Deps,
  actor: Actor,
  runId: string,
  postedOn: string,
  requestId: string | null,
): Promise<PrintRunView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom('print_runs')
      .select(['id', 'status', 'run_date', 'posted_on', 'letter_count'])
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw notFound('The print run');
    if (run.status === 'posted')
      throw conflict('communications.print_run_posted', `This print run was posted on ${run.posted_on}.`, {
        postedOn: run.posted_on,
      });
    if (run.status !== 'ready' || run.letter_count === 0)
      throw conflict(
        'communications.print_run_not_ready',
        'This print run has no letters to post (still being prepared, or every case was refused).',
      );
    const today = agencyToday(now, deps.config);
    if (postedOn < run.run_date || postedOn > today)
      throw invalid(
        'communications.posting_day_invalid',
        `The posting day must fall between the run's day (${run.run_date}) and today (${today}).`,
        { runDate: run.run_date, today },
      );
    await trx
      .updateTable('print_runs')
      .set({ status: 'posted', posted_on: postedOn, posted_by: actor.userId, posted_at: now })
      .where('id', '=', runId)
      .execute();
    await audit(
      trx,
      auditActor(actor),
      'print_run.posted',
      runId,
      { postedOn, letters: run.letter_count },
      requestId,
      now,
    );
  });
  return printRunView(deps, runId);
}
