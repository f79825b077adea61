import type { AuditActor } from '../../audit/append.js';
import type { Deps } from '../../platform/deps.js';
import type { AnyFirstLetter } from '../issue-first-letter.js';
import type { ReminderLetter } from '../core/reminder-letter.js';
import { printRunPdf } from '../first-letter-pdf.js';
import { layOut, manifestCsv, type RunLetter } from './core/run.js';
import { isStale } from './core/recovery.js';
import { writeRunFiles } from './files.js';
import { audit } from './audit-run.js';

/** A letter of a run as it was composed when issued: drawn from this, its PDF is the one kept on its case. */
export interface ComposedLetter {
  letter: AnyFirstLetter | ReminderLetter;
  addresseeName: string;
  postalCode: string;
  city: string;
  country: string;
}

export type Completion =
  | { action: 'print_run.prepared' }
  /** A run a crash left preparing: finished only while it is still stale at `now` (checked under its lock). */
  | { action: 'print_run.resumed'; now: Date };

export type Completed = 'completed' | 'not_preparing' | 'not_stale' | 'not_composed';

/**
 * Finishes a run from the letters recorded on it (not from a process's memory, so a run a crash interrupted is
 * finished the same way): under the run's lock, its PDF and manifest written from each letter as composed, its
 * counts recorded, the run ready, audited. A run no longer preparing is left as it is (finished or abandoned by
 * someone else): the lock makes the second caller find it so, never writing the files twice over a run that is ready.
 */
export async function completeRun(
  deps: Deps,
  who: AuditActor,
  runId: string,
  requestId: string | null,
  completion: Completion,
): Promise<Completed> {
  return deps.db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom('print_runs')
      .select(['status', 'run_date', 'prepared_at', 'active_at', 'refused'])
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (run.status !== 'preparing') return 'not_preparing';
    if (completion.action === 'print_run.resumed' && !isStale(run.active_at, completion.now)) return 'not_stale';
    const rows = await trx
      .selectFrom('print_run_letters as l')
      .innerJoin('cases as c', 'c.id', 'l.case_id')
      .select(['l.sequence', 'l.first_page', 'l.pages', 'l.composed', 'c.reference'])
      .where('l.print_run_id', '=', runId)
      .orderBy('l.sequence')
      .execute();
    if (rows.some((row) => row.composed === null)) return 'not_composed';
    const letters = rows.map((row) => row.composed as ComposedLetter);
    const layout = layOut(letters.map((composed, index) => runLetter(composed, rows[index]!.pages, rows[index]!)));
    // Each line's place was recorded as the letter was issued: the layout drawn now must put it there.
    if (layout.letters.some((placed, index) => placed.firstPage !== rows[index]!.first_page))
      throw new Error('The print run’s letters are not where their lines place them.');
    let hashes: { pdf: string; manifest: string } | null = null;
    if (letters.length > 0) {
      // Dated as the run, so a run finished again draws the same bytes.
      const { pdf, pages } = await printRunPdf(
        letters.map((l) => l.letter),
        { title: `Envoi du ${run.run_date}`, createdAt: run.prepared_at },
      );
      // The same drawing as each letter kept on its case: a difference would misplace every letter after it.
      if (pages.some((count, index) => count !== rows[index]!.pages))
        throw new Error('The print run’s PDF and its letters differ in pages.');
      hashes = await writeRunFiles(deps.config, runId, { pdf, manifest: manifestCsv(layout) });
    }
    await trx
      .updateTable('print_runs')
      .set({
        status: 'ready',
        letter_count: layout.letters.length,
        page_count: layout.totalPages,
        sheet_count: layout.totalSheets,
        pdf_sha256: hashes?.pdf ?? null,
        manifest_sha256: hashes?.manifest ?? null,
      })
      .where('id', '=', runId)
      .execute();
    const refused = run.refused as { caseId: string; code: string }[];
    const now = deps.now();
    await audit(
      trx,
      who,
      completion.action,
      runId,
      {
        runDate: run.run_date,
        letters: layout.letters.length,
        pages: layout.totalPages,
        sheets: layout.totalSheets,
        refused: refused.map((r) => ({ caseId: r.caseId, code: r.code })),
        pdfSha256: hashes?.pdf ?? null,
        manifestSha256: hashes?.manifest ?? null,
        ...(completion.action === 'print_run.resumed' ? { lastActiveAt: run.active_at.toISOString() } : {}),
      },
      requestId,
      now,
    );
    return 'completed';
  });
}

const runLetter = (composed: ComposedLetter, pages: number, row: { reference: string }): RunLetter => ({
  letterReference: composed.letter.letterReference,
  caseReference: row.reference,
  addresseeName: composed.addresseeName,
  postalCode: composed.postalCode,
  city: composed.city,
  country: composed.country,
  pages,
});
