import type { Actor } from '../../identity/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ReturnedMailResult, ReturnsReport } from './contract.js';
import { parseReturns } from './core/run.js';
import { recordReturnedMail } from './returned-mail.js';

type ReportLine = ReturnsReport['lines'][number];

/**
 * The mail house's list of the run's returned letters (CSV: letter reference, return date, reason): each line
 * recorded as a returned letter of its case (recordReturnedMail), each in its own transaction, so a bad or refused
 * line is reported and the others stand. A reference that is not a letter of this run is reported, not searched for
 * elsewhere. The same file again marks nothing more.
 */
export async function importReturns(
  deps: Deps,
  actor: Actor,
  runId: string,
  csv: string,
  requestId: string | null,
): Promise<ReturnsReport> {
  const run = await deps.db.selectFrom('print_runs').select('id').where('id', '=', runId).executeTakeFirst();
  if (!run) throw notFound('The print run');
  const lines: ReportLine[] = [];
  for (const parsed of parseReturns(csv)) {
    if (!parsed.ok) {
      lines.push({ line: parsed.line, letterReference: null, outcome: `invalid_${parsed.problem}`, code: null });
      continue;
    }
    const letter = await deps.db
      .selectFrom('print_run_letters')
      .select('case_id')
      .where('print_run_id', '=', runId)
      .where('letter_reference', '=', parsed.letterReference)
      .executeTakeFirst();
    const base = { line: parsed.line, letterReference: parsed.letterReference };
    if (!letter) {
      lines.push({ ...base, outcome: 'unknown_letter', code: null });
      continue;
    }
    const done = await returnLetter(deps, actor, letter.case_id, parsed, requestId);
    lines.push({ ...base, ...done });
  }
  return { printRunId: runId, lines, marked: lines.filter((l) => l.outcome === 'marked').length };
}

/**
 * One returned letter recorded on its case (recordReturnedMail, its own transaction): its outcome, or the problem
 * code that refused it, so that one refusal never stops the letters after it.
 */
export async function returnLetter(
  deps: Deps,
  actor: Actor,
  caseId: string,
  letter: { letterReference: string; returnedOn: string; reason?: string | null | undefined },
  requestId: string | null,
): Promise<{ outcome: ReturnedMailResult['outcome'] | 'refused'; code: string | null }> {
  try {
    const result = await recordReturnedMail(
      deps,
      actor,
      caseId,
      {
        letterReference: letter.letterReference,
        returnedOn: letter.returnedOn,
        ...(letter.reason ? { reason: letter.reason } : {}),
      },
      requestId,
    );
    return { outcome: result.outcome, code: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { outcome: 'refused', code: error.code };
  }
}
