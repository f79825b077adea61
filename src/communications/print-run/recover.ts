import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SYSTEM_ACTOR, type AuditActor } from '../../audit/append.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/today.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, notFound } from '../../platform/errors.js';
import { audit } from './audit-run.js';
import { completeRun, type Completed } from './complete-run.js';
import type { PrintRunView } from './contract.js';
import { isStale, PREPARING_SILENCE_LIMIT_MINUTES, recoveryOf, staleFrom } from './core/recovery.js';
import { printRunsDir } from './files.js';
import { printRunView } from './view.js';

/**
 * A print run a crash left "preparing": its letters were issued (recorded on their cases, each on its line of the
 * run, as composed) but its files were never written. Once it has shown no sign of life for the limit
 * (core/recovery.ts) it is either resumed (finished with the letters it has, as the process would have) or abandoned
 * (its letters carried into the next run). Both take the run's lock and re-check it is still preparing and stale, so a
 * run still alive, or handled by another at the same moment, is never touched twice.
 */

const notStuck = (status: string, stuckFrom: Date | null) =>
  conflict(
    'communications.print_run_not_stuck',
    status === 'preparing'
      ? `This print run is still being prepared: it may be resumed or abandoned after ${PREPARING_SILENCE_LIMIT_MINUTES} minutes without a letter, from ${stuckFrom?.toISOString()}.`
      : `This print run is ${status}: only a run stuck in preparation is resumed or abandoned.`,
    { runStatus: status, stuckFrom: stuckFrom?.toISOString() ?? null },
  );

async function runState(deps: Deps, runId: string) {
  const run = await deps.db
    .selectFrom('print_runs')
    .select(['status', 'active_at'])
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw notFound('The print run');
  return run;
}

function refuse(outcome: Exclude<Completed, 'completed'>, run: { status: string; active_at: Date }): never {
  if (outcome === 'not_composed')
    throw conflict(
      'communications.print_run_not_resumable',
      'This run was left before Accord kept its letters as composed: it cannot be drawn again. Abandon it; its letters stay on their cases.',
    );
  throw notStuck(outcome === 'not_stale' ? 'preparing' : run.status, staleFrom(run.active_at));
}

/** A manager finishes a stuck run with the letters it issued: its PDF and manifest written, the run ready. */
export async function resumePrintRun(
  deps: Deps,
  actor: Actor,
  runId: string,
  requestId: string | null,
): Promise<PrintRunView> {
  await runState(deps, runId);
  const outcome = await completeRun(deps, auditActor(actor), runId, requestId, {
    action: 'print_run.resumed',
    now: deps.now(),
  });
  if (outcome !== 'completed') refuse(outcome, await runState(deps, runId));
  return printRunView(deps, runId);
}

/**
 * A manager abandons a stuck run: it is closed without files, and its letters (issued, recorded as sent on their
 * cases, kept there) are held until the next run prints them, with their reference and date.
 */
export async function abandonPrintRun(
  deps: Deps,
  actor: Actor,
  runId: string,
  requestId: string | null,
): Promise<PrintRunView> {
  const outcome = await abandonRun(deps, auditActor(actor), actor.userId, runId, requestId);
  if (outcome !== 'abandoned') refuse(outcome, await runState(deps, runId));
  return printRunView(deps, runId);
}

async function abandonRun(
  deps: Deps,
  who: AuditActor,
  userId: string | null,
  runId: string,
  requestId: string | null,
): Promise<'abandoned' | 'not_preparing' | 'not_stale'> {
  const now = deps.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom('print_runs')
      .select(['status', 'run_date', 'active_at'])
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw notFound('The print run');
    if (run.status !== 'preparing') return 'not_preparing';
    if (!isStale(run.active_at, now)) return 'not_stale';
    const letters = await trx
      .selectFrom('print_run_letters')
      .select('letter_reference')
      .where('print_run_id', '=', runId)
      .orderBy('sequence')
      .execute();
    await trx
      .updateTable('print_runs')
      .set({ status: 'abandoned', abandoned_at: now, abandoned_by: userId })
      .where('id', '=', runId)
      .execute();
    await audit(
      trx,
      who,
      'print_run.abandoned',
      runId,
      {
        runDate: run.run_date,
        lastActiveAt: run.active_at.toISOString(),
        heldLetters: letters.map((l) => l.letter_reference),
      },
      requestId,
      now,
    );
    return 'abandoned';
  });
  // Whatever the dead process may have begun to write is not a run's file: nothing is printed from it.
  if (outcome === 'abandoned') await rm(join(printRunsDir(deps.config), runId), { recursive: true, force: true });
  return outcome;
}

/**
 * The nightly job's part: every run stuck in preparation is resumed when it is of today, abandoned (its letters
 * held for the next run) when it is of an earlier day (core/recovery.ts). Anchored on the runs' own facts, so a second
 * pass finds nothing more to do.
 */
export async function recoverStalePrintRuns(deps: Deps): Promise<{ resumed: number; abandoned: number }> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const preparing = await deps.db
    .selectFrom('print_runs')
    .select(['id', 'run_date', 'active_at'])
    .where('status', '=', 'preparing')
    .orderBy('prepared_at')
    .execute();
  const counts = { resumed: 0, abandoned: 0 };
  for (const run of preparing.filter((r) => isStale(r.active_at, now))) {
    if (recoveryOf(run.run_date, today) === 'resume') {
      const outcome = await completeRun(deps, SYSTEM_ACTOR, run.id, null, { action: 'print_run.resumed', now });
      if (outcome === 'completed') counts.resumed += 1;
      // A run without its letters as composed cannot be drawn: abandoned, its letters stay on their cases.
      if (outcome !== 'not_composed') continue;
    }
    if ((await abandonRun(deps, SYSTEM_ACTOR, null, run.id, null)) === 'abandoned') counts.abandoned += 1;
  }
  return counts;
}
