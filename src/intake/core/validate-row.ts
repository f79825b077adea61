/**
 * The row validator: one record of an intake file in, either a normalised row or every problem of the row out
 * (not just the first), each saying where it is and what to fix. Pure: `today` is a parameter. The sections of a
 * row are read by row-debtor.ts and row-claim.ts, on the record as row.ts reads it.
 */
import { isIsoDate } from './dates.js';
import { parseCountry } from './places.js';
import { Row, type RawValue } from './row.js';
import { validateClaim } from './row-claim.js';
import { validateAddress, validateDebtor, validateEmail, validatePhones } from './row-debtor.js';
import type { IntakeDebtor, IntakeOperation, IntakeRecord, RowError, RowResult } from './types.js';

export { REFERENCE_LENGTH, REPORTED_VALUE_LENGTH, reportedValue, type RawValue } from './row.js';
export { ACCEPTED_CURRENCIES, CONTRACT_TYPES } from './row-claim.js';
export { LANGUAGES, MAX_AGE, MIN_AGE } from './row-debtor.js';

export const OPERATIONS: readonly IntakeOperation[] = ['place', 'recall', 'close'];

/** The last `today` found valid: an import passes the same one for every row, so it is parsed once. */
let checkedToday: string | null = null;

function checkToday(today: string): void {
  if (today === checkedToday) return;
  if (!isIsoDate(today)) throw new RangeError(`validateRow: today must be a YYYY-MM-DD date, got ${today}`);
  checkedToday = today;
}

const EMPTY_DEBTOR: IntakeDebtor = {
  kind: 'person',
  title: null,
  firstName: null,
  lastName: null,
  birthName: null,
  birthDate: null,
  birthPlace: null,
  companyName: null,
  registrationNumber: null,
  language: 'fr',
  matchKey: null,
  nameKey: null,
};

/**
 * Validates one record (keys are column names, compared case-insensitively; values are text, or numbers from
 * JSON). `line` is the physical line of the record in its file; `today` (`YYYY-MM-DD`) bounds the dates.
 * For `recall` and `close` only the two references are read; the row's other fields are neutral placeholders
 * (`defaultOn` is '' and amounts 0) that must not be stored. Problems the reader attached to the record
 * (see READ_ERRORS) are reported first.
 */
export function validateRow(record: Record<string, RawValue>, line: number, today: string): RowResult {
  return validateWithReadErrors(record, line, today, readErrorsOf(record));
}

function validateFields(record: Record<string, RawValue>, line: number, today: string): RowResult {
  checkToday(today);
  const row = new Row(record, line);
  const operation = row.choice('operation', OPERATIONS, 'place', 'every row');
  const debtorReference = row.reference('debtor_reference');
  const claimReference = row.reference('claim_reference');

  // An unreadable operation: what the row is meant to do is unknown, so its other columns are not judged.
  if (operation === null) return { ok: false, errors: row.errors };
  if (operation === 'recall' || operation === 'close') {
    if (row.errors.length > 0 || debtorReference === null || claimReference === null)
      return { ok: false, errors: row.errors };
    return {
      ok: true,
      row: {
        line,
        operation,
        debtorReference,
        debtor: { ...EMPTY_DEBTOR },
        address: null,
        phones: [],
        email: null,
        claim: {
          reference: claimReference,
          contractType: 'other',
          originalCreditor: null,
          currency: 'EUR',
          principalCents: 0,
          interestCents: 0,
          feesCents: 0,
          defaultOn: '',
          lastPaymentOn: null,
        },
      },
    };
  }

  const kind = row.choice('debtor_type', ['person', 'company'] as const, 'person', 'a placement');
  const countryResult = parseCountry(row.text('country'));
  const country = countryResult.ok ? countryResult.country : null;
  if (!countryResult.ok) row.fail('country', row.raw('country'), countryResult.code, countryResult.message);

  const debtor = validateDebtor(row, kind, country, today);
  const address = validateAddress(row, country);
  const phones = validatePhones(row, country);
  const email = validateEmail(row);
  const claim = validateClaim(row, claimReference, today);

  if (row.errors.length > 0 || !debtor || !claim || !address || debtorReference === null) {
    return { ok: false, errors: row.errors };
  }
  return { ok: true, row: { line, operation: 'place', debtorReference, debtor, address, phones, email, claim } };
}

/**
 * Where the reader hangs the problems it found while reading a record (wrong field count, broken JSON…) on the
 * record itself, so that `validateRow(record, line, today)` reports them whichever way it is called. A symbol
 * key: invisible to `Object.entries`, JSON and the column checks.
 */
export const READ_ERRORS: unique symbol = Symbol('intake.readErrors');

type RecordWithReadErrors = Record<string, RawValue> & { [READ_ERRORS]?: RowError[] };

/** Attaches reading problems to a record (see READ_ERRORS); returns the record. */
export function attachReadErrors<R extends Record<string, RawValue>>(record: R, errors: RowError[]): R {
  Object.defineProperty(record, READ_ERRORS, { value: errors, enumerable: false });
  return record;
}

/** The reading problems attached to a record, if any. */
export function readErrorsOf(record: Record<string, RawValue>): RowError[] {
  return (record as RecordWithReadErrors)[READ_ERRORS] ?? [];
}

/**
 * Validates what the reader gave: its reading problems (from `item.errors`, or attached to the record) and,
 * when the record could be read at all, the validator's own findings.
 */
export function validateRecord(item: IntakeRecord, today: string): RowResult {
  return validateWithReadErrors(item.record, item.line, today, item.errors ?? readErrorsOf(item.record));
}

function validateWithReadErrors(
  record: Record<string, RawValue>,
  line: number,
  today: string,
  readErrors: RowError[],
): RowResult {
  if (readErrors.length === 0) return validateFields(record, line, today);
  checkToday(today);
  if (Object.keys(record).length === 0) return { ok: false, errors: readErrors };
  const result = validateFields(record, line, today);
  return { ok: false, errors: [...readErrors, ...(result.ok ? [] : result.errors)] };
}
