import { sql } from 'kysely';
import type { Actor } from '../../identity/actor.js';
import { addDays } from '../../platform/calendar/index.js';
import { agencyToday } from '../../platform/calendar/today.js';
import type { Deps } from '../../platform/deps.js';
import type { MarkReturned, MarkReturnedReport, ReturnCandidates } from './contract.js';
import type { ComposedLetter } from './complete-run.js';
import { ACCENTED, containsPattern, FOLDED, RETURN_SEARCH_DAYS, RETURN_SEARCH_LIMIT } from './core/letter-search.js';
import { returnLetter } from './returns.js';

/**
 * The letters of the recent print runs (RETURN_SEARCH_DAYS) whose reference, case reference or printed name and
 * address contain the query (case, accents and spaces aside): what a person finds a pile of returned envelopes by.
 * Only a letter a run printed is listed (not a line an abandoned run left to the next).
 */
export async function findReturnCandidates(deps: Deps, query: string): Promise<ReturnCandidates> {
  const sinceDate = addDays(agencyToday(deps.now(), deps.config), -RETURN_SEARCH_DAYS);
  const printed = sql<string>`coalesce(l.composed #>> '{letter,window,recipient}', '')`;
  const haystack = sql<string>`translate(regexp_replace(lower(concat_ws(' ', l.letter_reference, c.reference, ${printed},
    a.line1, a.line2, a.postal_code, a.city)), '\\s+', ' ', 'g'), ${ACCENTED}, ${FOLDED})`;
  const rows = await deps.db
    .selectFrom('print_run_letters as l')
    .innerJoin('print_runs as r', 'r.id', 'l.print_run_id')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .innerJoin('debtor_addresses as a', 'a.id', 'l.address_id')
    .select([
      'l.print_run_id',
      'r.run_date',
      'l.sequence',
      'l.letter_reference',
      'l.case_id',
      'c.reference',
      'l.composed',
      'a.line1',
      'a.line2',
      'a.postal_code',
      'a.city',
      'l.returned_on',
    ])
    .where('r.status', 'in', ['ready', 'posted'])
    .where('r.run_date', '>=', sinceDate)
    .where(sql<boolean>`${haystack} like ${containsPattern(query)}`)
    .orderBy('r.run_date', 'desc')
    .orderBy('l.sequence')
    .limit(RETURN_SEARCH_LIMIT + 1)
    .execute();
  return {
    letters: rows.slice(0, RETURN_SEARCH_LIMIT).map((row) => ({
      printRunId: row.print_run_id,
      runDate: row.run_date,
      sequence: row.sequence,
      letterReference: row.letter_reference,
      caseId: row.case_id,
      caseReference: row.reference,
      addressLines:
        (row.composed as ComposedLetter | null)?.letter.window.recipient ??
        [row.line1, row.line2, `${row.postal_code} ${row.city}`].filter((line): line is string => !!line),
      returnedOn: row.returned_on,
    })),
    truncated: rows.length > RETURN_SEARCH_LIMIT,
    sinceDate,
  };
}

/**
 * Several returned letters chosen from a search, marked in one step: each recorded on its case as one returned
 * letter (its address undeliverable, a trace task, a timeline line, audited), each in its own transaction, so a
 * refusal is reported and the others stand. Marking the same letters again changes nothing (`already_marked`).
 */
export async function markLettersReturned(
  deps: Deps,
  actor: Actor,
  body: MarkReturned,
  requestId: string | null,
): Promise<MarkReturnedReport> {
  const letters: MarkReturnedReport['letters'] = [];
  for (const letterReference of [...new Set(body.letterReferences)]) {
    const letter = await deps.db
      .selectFrom('print_run_letters')
      .select('case_id')
      .where('letter_reference', '=', letterReference)
      .where('superseded_by_run_id', 'is', null)
      .executeTakeFirst();
    if (!letter) {
      letters.push({ letterReference, caseId: null, outcome: 'unknown_letter', code: null });
      continue;
    }
    const done = await returnLetter(
      deps,
      actor,
      letter.case_id,
      { letterReference, returnedOn: body.returnedOn, reason: body.reason },
      requestId,
    );
    letters.push({ letterReference, caseId: letter.case_id, ...done });
  }
  return { letters, marked: letters.filter((l) => l.outcome === 'marked').length };
}
