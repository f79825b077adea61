import type { StatementLine } from './camt.js';
import { daysBetween } from '../../platform/calendar/index.js';
import { creditorReferenceBody } from '../../payments/core/creditor-reference.js';

/**
 * Matching a credit of a bank statement to a case (pure). The rules, strongest first (docs/bank-files.md):
 *
 *  1. end-to-end id of a direct debit Accord issued (pain.008): certain when the amount is the one collected
 *     (channel direct_debit), probable otherwise;
 *  2. a case reference (ACC-YYYY-NNNNNN, any separators or none, any case) in the remittance text, the structured
 *     creditor reference or the end-to-end id, or the case's RF reference (ISO 11649, printed in groups of four or
 *     not, its check digits right; payments/core/creditor-reference.ts) there: certain when exactly one open case is named, probable when the named
 *     case is closed, none when several cases are named;
 *  3. the payer's IBAN is that of an active SEPA mandate: certain when it leads to one open case and the amount is one
 *     of that case's open instalments, probable when it leads to one open case, none when to several;
 *  4. the amount alone equals exactly one open instalment due near the booking date: probable; several: none.
 *
 * Only certain matches are recorded without a person; everything else waits in the matching queue with its reason and
 * the cases considered.
 */

export type Confidence = 'certain' | 'probable' | 'none';

export type MatchReason =
  | 'end_to_end_id'
  | 'end_to_end_id_amount_differs'
  | 'case_reference'
  | 'case_reference_closed'
  | 'case_reference_several'
  | 'iban_and_amount'
  | 'iban'
  | 'iban_several_cases'
  | 'amount'
  | 'amount_several'
  | 'nothing';

export interface CaseFacts {
  caseId: string;
  reference: string;
  open: boolean;
}

export interface IssuedCollection {
  endToEndId: string;
  caseId: string;
  mandateId: string;
  amountCents: number;
}

export interface OpenInstalment {
  caseId: string;
  amountCents: number;
  dueOn: string;
}

export interface MatchFacts {
  /** Cases by normalised reference (see `normaliseCaseReference`), for every reference found in the lines. */
  casesByReference: ReadonlyMap<string, CaseFacts>;
  /** Cases by id, for every case any other fact names. */
  casesById: ReadonlyMap<string, CaseFacts>;
  /** Case ids of the active SEPA mandates, by debtor IBAN (normalised: no spaces, upper case). */
  caseIdsByIban: ReadonlyMap<string, readonly string[]>;
  collectionsByEndToEndId: ReadonlyMap<string, IssuedCollection>;
  /** Unpaid instalments of live plans, for amount matching. */
  openInstalments: readonly OpenInstalment[];
}

export interface MatchResult {
  confidence: Confidence;
  reason: MatchReason;
  /** The case to record the payment on (certain), or the suggestion (probable); null when none. */
  caseId: string | null;
  channel: 'bank_transfer' | 'direct_debit';
  /** The end-to-end id of the matched collection, when rule 1 applied. */
  collectionEndToEndId: string | null;
  /** Every case the rules pointed at, sorted, for the person who decides. */
  candidateCaseIds: string[];
}

/** How far an instalment's due date may be from the booking date for an amount-only match. */
export const AMOUNT_WINDOW_DAYS = 10;

const CASE_REFERENCE = /ACC[\s\-_/.:]*(\d{4})[\s\-_/.:]*(\d{6,9})(?!\d)/gi;

export function normaliseCaseReference(year: string, number: string): string {
  return `ACC-${year}-${number}`;
}

/** An RF reference as a bank form prints it (groups of four) or as typed: RF, two digits, then letters and digits. */
const RF_REFERENCE = /\bRF\s?\d{2}(?:\s?[A-Z0-9]){1,21}/gi;

/**
 * The case references written in a text, however the payer typed them ("acc 2026 000123", "ACC2026000123"…), and
 * those an RF reference with right check digits names ("RF18 ACC2 0260 0012 3").
 */
export function findCaseReferences(text: string | null): string[] {
  if (!text) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(CASE_REFERENCE)) found.add(normaliseCaseReference(match[1]!, match[2]!));
  for (const match of text.matchAll(RF_REFERENCE)) {
    // What follows the reference may run into it ("RF18 ACC2 0260 0012 3 merci"): the longest valid start counts.
    const compact = match[0].replace(/\s+/g, '').toUpperCase();
    for (let length = compact.length; length > 4; length -= 1) {
      const named = /^ACC(\d{4})(\d{6,9})$/.exec(creditorReferenceBody(compact.slice(0, length)) ?? '');
      if (named) {
        found.add(normaliseCaseReference(named[1]!, named[2]!));
        break;
      }
    }
  }
  return [...found].sort();
}

/** Every case reference a line carries, in its remittance text, creditor reference or end-to-end id. */
export function lineCaseReferences(
  line: Pick<StatementLine, 'remittanceText' | 'creditorReference' | 'endToEndId'>,
): string[] {
  return [
    ...new Set([line.remittanceText, line.creditorReference, line.endToEndId].flatMap(findCaseReferences)),
  ].sort();
}

export function normaliseIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

type CreditLine = Pick<
  StatementLine,
  | 'amountCents'
  | 'bookingDate'
  | 'valueDate'
  | 'endToEndId'
  | 'remittanceText'
  | 'creditorReference'
  | 'debtorIban'
  | 'bankTransactionCode'
>;

/** A credit the bank booked as a SEPA direct debit collection (family IDDT) is a direct debit payment. */
const channelOf = (line: CreditLine) =>
  line.bankTransactionCode?.split('/')[1] === 'IDDT' ? 'direct_debit' : 'bank_transfer';

export function matchCredit(line: CreditLine, facts: MatchFacts): MatchResult {
  const result = (
    confidence: Confidence,
    reason: MatchReason,
    caseId: string | null,
    candidates: Iterable<string>,
    extra: Partial<MatchResult> = {},
  ): MatchResult => ({
    confidence,
    reason,
    caseId,
    channel: channelOf(line),
    collectionEndToEndId: null,
    candidateCaseIds: sorted(candidates),
    ...extra,
  });
  // 1. A direct debit we issued.
  const collection = line.endToEndId ? facts.collectionsByEndToEndId.get(line.endToEndId) : undefined;
  if (collection) {
    const same = collection.amountCents === line.amountCents;
    return result(
      same ? 'certain' : 'probable',
      same ? 'end_to_end_id' : 'end_to_end_id_amount_differs',
      collection.caseId,
      [collection.caseId],
      {
        channel: 'direct_debit',
        collectionEndToEndId: collection.endToEndId,
      },
    );
  }

  // 2. A case reference written by the payer.
  const named = lineCaseReferences(line)
    .map((reference) => facts.casesByReference.get(reference))
    .filter((found): found is CaseFacts => found !== undefined);
  const namedIds = sorted(named.map((found) => found.caseId));
  if (namedIds.length > 1) return result('none', 'case_reference_several', null, namedIds);
  if (namedIds.length === 1) {
    const only = named[0]!;
    return only.open
      ? result('certain', 'case_reference', only.caseId, namedIds)
      : result('probable', 'case_reference_closed', only.caseId, namedIds);
  }

  // 3. The payer's IBAN, known from a signed SEPA mandate.
  const openCase = (caseId: string) => facts.casesById.get(caseId)?.open === true;
  const byIban = line.debtorIban
    ? sorted((facts.caseIdsByIban.get(normaliseIban(line.debtorIban)) ?? []).filter(openCase))
    : [];
  if (byIban.length > 1) return result('none', 'iban_several_cases', null, byIban);
  if (byIban.length === 1) {
    const caseId = byIban[0]!;
    const expected = facts.openInstalments.some(
      (instalment) => instalment.caseId === caseId && instalment.amountCents === line.amountCents,
    );
    return expected ? result('certain', 'iban_and_amount', caseId, byIban) : result('probable', 'iban', caseId, byIban);
  }

  // 4. The amount of one open instalment due near the day the money arrived.
  const day = line.bookingDate ?? line.valueDate;
  if (day) {
    const byAmount = sorted(
      facts.openInstalments
        .filter(
          (instalment) =>
            instalment.amountCents === line.amountCents &&
            Math.abs(daysBetween(day, instalment.dueOn)) <= AMOUNT_WINDOW_DAYS,
        )
        .map((instalment) => instalment.caseId)
        .filter(openCase),
    );
    if (byAmount.length === 1) return result('probable', 'amount', byAmount[0]!, byAmount);
    if (byAmount.length > 1) return result('none', 'amount_several', null, byAmount);
  }
  return result('none', 'nothing', null, []);
}
