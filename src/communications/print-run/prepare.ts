import type { Transaction } from 'kysely';
import { appendAudit } from '../../audit/append.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/today.js';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict } from '../../platform/errors.js';
import { agencyAddressOf } from '../first-letter-facts.js';
import { printRunPdf } from '../first-letter-pdf.js';
import { issueFirstLetterWith, type IssuedLetter } from '../issue-first-letter.js';
import type { PrintRunView } from './contract.js';
import { layOut, manifestCsv, sheetsOf, type RunLetter } from './core/run.js';
import { writeRunFiles } from './files.js';
import { printRunView } from './view.js';

/** The most letters one run takes: the rest wait for the next run (the same day or the next). */
export const MAX_LETTERS_PER_RUN = 500;

interface Refused {
  caseId: string;
  caseReference: string;
  code: string;
}

/**
 * Prepares today's print run: every open amicable case whose first letter has not gone out, in the order of their
 * references, is issued through the first letter's own path (issueFirstLetterWith), each in its own transaction, so a
 * case the policy or the letter's rules refuse is listed with the problem's code and the others go on. Each letter
 * issued records its line on the run in its own transaction. Then one PDF of the letters (each on an odd page) and
 * the manifest are written under DATA_DIR, and the run is marked ready, audited.
 */
export async function preparePrintRun(deps: Deps, actor: Actor, requestId: string | null): Promise<PrintRunView> {
  agencyAddressOf(deps.config);
  const now = deps.now();
  const runDate = agencyToday(now, deps.config);
  const candidates = await deps.db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('status', '=', 'open')
    .where('stage', '=', 'amicable')
    .where('first_letter_sent_on', 'is', null)
    .orderBy('reference')
    .limit(MAX_LETTERS_PER_RUN)
    .execute();
  if (candidates.length === 0)
    throw conflict('communications.nothing_to_print', 'Every open case’s first letter has gone out: nothing to print.');
  const runId = await deps.db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('print_runs')
      .values({ run_date: runDate, prepared_by: actor.userId, prepared_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'print_run.started', run.id, { runDate, candidates: candidates.length }, requestId, now);
    return run.id;
  });
  const issued: IssuedLetter[] = [];
  const refused: Refused[] = [];
  let nextPage = 1;
  for (const candidate of candidates) {
    try {
      const letter = await issueFirstLetterWith(deps, actor, candidate.id, requestId, async (trx, done) => {
        await trx
          .insertInto('print_run_letters')
          .values({
            print_run_id: runId,
            sequence: issued.length + 1,
            case_id: done.issued.caseId,
            debtor_id: done.debtorId,
            address_id: done.address.id,
            letter_reference: done.issued.reference,
            document_id: done.issued.documentId,
            first_page: nextPage,
            pages: done.pages,
          })
          .execute();
      });
      issued.push(letter);
      nextPage += 2 * sheetsOf(letter.pages);
    } catch (error) {
      // A refusal of the letter's rules or the policy is the case's; anything else is named as such and the run goes on.
      const code = error instanceof AppError ? error.code : 'internal_error';
      refused.push({ caseId: candidate.id, caseReference: candidate.reference, code });
    }
  }
  await finishRun(deps, actor, { runId, runDate, issued, refused }, requestId);
  return printRunView(deps, runId);
}

interface Finished {
  runId: string;
  runDate: string;
  issued: IssuedLetter[];
  refused: Refused[];
}

/** The run's PDF and manifest written (when it has letters), its counts and refusals recorded, the run ready. */
async function finishRun(deps: Deps, actor: Actor, run: Finished, requestId: string | null): Promise<void> {
  const now = deps.now();
  const layout = layOut(run.issued.map(runLetter));
  let hashes: { pdf: string; manifest: string } | null = null;
  if (run.issued.length > 0) {
    const { pdf, pages } = await printRunPdf(
      run.issued.map((i) => i.letter),
      { title: `Envoi du ${run.runDate}`, createdAt: now },
    );
    // The same drawing as each letter kept on its case: a difference would misplace every letter after it.
    if (pages.some((count, index) => count !== run.issued[index]!.pages))
      throw new Error('The print run’s PDF and its letters differ in pages.');
    hashes = await writeRunFiles(deps.config, run.runId, { pdf, manifest: manifestCsv(layout) });
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('print_runs')
      .set({
        status: 'ready',
        letter_count: layout.letters.length,
        page_count: layout.totalPages,
        sheet_count: layout.totalSheets,
        refused: JSON.stringify(run.refused),
        pdf_sha256: hashes?.pdf ?? null,
        manifest_sha256: hashes?.manifest ?? null,
      })
      .where('id', '=', run.runId)
      .execute();
    await audit(
      trx,
      actor,
      'print_run.prepared',
      run.runId,
      {
        runDate: run.runDate,
        letters: layout.letters.length,
        pages: layout.totalPages,
        sheets: layout.totalSheets,
        refused: run.refused.map((r) => ({ caseId: r.caseId, code: r.code })),
        pdfSha256: hashes?.pdf ?? null,
        manifestSha256: hashes?.manifest ?? null,
      },
      requestId,
      now,
    );
  });
}

const runLetter = (issued: IssuedLetter): RunLetter => ({
  letterReference: issued.issued.reference,
  caseReference: issued.caseReference,
  addresseeName: issued.addresseeName,
  postalCode: issued.address.postalCode,
  city: issued.address.city,
  country: issued.address.country,
  pages: issued.pages,
});

/** What a print run's audit records say. */
export type PrintRunAction = 'print_run.started' | 'print_run.prepared' | 'print_run.posted';

export async function audit(
  trx: Transaction<DB>,
  actor: Actor,
  action: PrintRunAction,
  runId: string,
  after: Record<string, unknown>,
  requestId: string | null,
  at: Date,
): Promise<void> {
  await appendAudit(trx, {
    actor: auditActor(actor),
    action,
    targetType: 'print_run',
    targetId: runId,
    after,
    requestId,
    at,
  });
}
