/**
 * The row validator: one record of an intake file in, either a normalised row or every problem of the row out
 * (not just the first), each saying where it is and what to fix. Pure: `today` is a parameter.
 */
import { parseAmountCents } from './amounts.js';
import { columnSpec, isColumnName, normaliseColumnName, suggestColumn, type ColumnName } from './columns.js';
import { normaliseEmail, normalisePhone } from './contacts.js';
import { ageOn, isIsoDate, parseDate } from './dates.js';
import {
  cleanText,
  companyNameKey,
  forbiddenCharacter,
  hasLetter,
  matchKey,
  nameKey,
  parseRegistration,
} from './names.js';
import { parseCountry, parsePostalCode, timeZoneFor } from './places.js';
import type {
  ContractType,
  IntakeAddress,
  IntakeClaim,
  IntakeDebtor,
  IntakeOperation,
  IntakeRecord,
  RowError,
  RowResult,
} from './types.js';

export type RawValue = string | number | null | undefined;

export const OPERATIONS: readonly IntakeOperation[] = ['place', 'recall', 'close'];
export const CONTRACT_TYPES: readonly ContractType[] = [
  'consumer_credit',
  'overdraft',
  'energy',
  'telecom',
  'rent',
  'other',
];
export const LANGUAGES = ['fr', 'en', 'it'] as const;
export const ACCEPTED_CURRENCIES: readonly string[] = ['EUR'];
export const MIN_AGE = 16;
export const MAX_AGE = 120;
/** Longest value kept in an error report. */
export const REPORTED_VALUE_LENGTH = 100;
/** Longest debtor or claim reference. */
export const REFERENCE_LENGTH = 64;

/** A value as shown in a report: text, cut to 100 characters (never inside a surrogate pair). */
export function reportedValue(value: RawValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (text.length <= REPORTED_VALUE_LENGTH) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(REPORTED_VALUE_LENGTH - 1))
    ? REPORTED_VALUE_LENGTH - 1
    : REPORTED_VALUE_LENGTH;
  return text.slice(0, cut);
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Collects the problems of one row and reads its values, each column checked once. */
class Row {
  readonly errors: RowError[] = [];
  /** The values by column name: the record itself when its keys are already column names (the usual case). */
  private readonly values: Record<string, RawValue>;

  constructor(
    record: Record<string, RawValue>,
    readonly line: number,
  ) {
    let canonical = true;
    for (const key in record) {
      if (!isColumnName(key)) {
        canonical = false;
        break;
      }
    }
    if (canonical) {
      this.values = record;
      return;
    }
    this.values = {};
    for (const [key, value] of Object.entries(record)) {
      if (value === undefined) continue;
      const name = normaliseColumnName(key);
      if (!isColumnName(name)) {
        const suggestion = suggestColumn(name);
        this.fail(
          key,
          value,
          'column.unknown',
          `"${key}" is not a column of the intake format${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: rename or remove it`,
        );
      } else if (hasOwn(this.values, name)) {
        this.fail(key, value, 'column.duplicate', `the column "${name}" is given twice: keep one`);
      } else {
        this.values[name] = value;
      }
    }
  }

  has(column: ColumnName): boolean {
    return hasOwn(this.values, column);
  }

  fail(column: string, value: RawValue, code: string, message: string): void {
    this.errors.push({ line: this.line, column, value: reportedValue(value), code, message });
  }

  raw(column: ColumnName): RawValue {
    return hasOwn(this.values, column) ? this.values[column] : undefined;
  }

  /**
   * The cleaned text of a column ('' when blank or absent), or null when the value was refused (an invisible
   * character, too long), the problem being recorded.
   */
  text(column: ColumnName): string | null {
    const raw = this.raw(column);
    if (raw === null || raw === undefined) return '';
    const original = String(raw);
    const bad = forbiddenCharacter(original);
    if (bad) {
      this.fail(column, raw, 'text.invalid_character', `the value contains ${bad}: remove it`);
      return null;
    }
    const text = cleanText(original);
    const max = columnSpec(column).maxLength;
    // Code units bound code points from above: count the latter only when the former are too many.
    if (max !== null && text.length > max && [...text].length > max) {
      this.fail(
        column,
        raw,
        'text.too_long',
        `the value has ${[...text].length} characters; at most ${max} are accepted`,
      );
      return null;
    }
    return text;
  }

  /** Text that must be there; records 'required' (saying whether the column or only the value is missing). */
  required(column: ColumnName, why: string): string | null {
    const text = this.text(column);
    if (text === '') {
      const absent = !this.has(column);
      this.fail(
        column,
        this.raw(column),
        'required',
        absent ? `the file has no "${column}" column, which ${why} needs` : `"${column}" is required for ${why}`,
      );
      return null;
    }
    return text;
  }

  /** Text that is '' or null (refused) → null; otherwise the text. */
  optional(column: ColumnName): string | null {
    const text = this.text(column);
    return text === '' ? null : text;
  }

  /** One value among a list (case-insensitive); blank gives the default. */
  choice<T extends string>(column: ColumnName, allowed: readonly T[], fallback: T | null, why: string): T | null {
    const text = fallback === null ? this.required(column, why) : this.text(column);
    if (text === null) return null;
    if (text === '') return fallback;
    const value = text.toLowerCase();
    const found = allowed.find((a) => a === value);
    if (!found) this.fail(column, this.raw(column), `${column}.invalid`, `write one of: ${allowed.join(', ')}`);
    return found ?? null;
  }

  /**
   * A reference: 1 to 64 printable characters, kept exactly as written apart from surrounding spaces, so the
   * same file always finds the same debtors and claims.
   */
  reference(column: ColumnName): string | null {
    const raw = this.raw(column);
    const original = raw === null || raw === undefined ? '' : String(raw);
    const bad = forbiddenCharacter(original) ?? (/[\t\n\r]/.test(original.trim()) ? 'a tab or a line break' : null);
    if (bad) {
      this.fail(
        column,
        raw,
        'text.invalid_character',
        `the value contains ${bad}: a reference is printable characters only`,
      );
      return null;
    }
    const reference = original.trim();
    if (reference === '') return this.required(column, 'every row');
    const length = [...reference].length;
    if (length > REFERENCE_LENGTH) {
      this.fail(
        column,
        raw,
        'text.too_long',
        `the reference has ${length} characters; at most ${REFERENCE_LENGTH} are accepted`,
      );
      return null;
    }
    return reference;
  }

  date(column: ColumnName, today: string, why: string | null): string | null {
    const text = why === null ? this.text(column) : this.required(column, why);
    if (!text) return null;
    const parsed = parseDate(text);
    if (!parsed.ok) {
      this.fail(column, this.raw(column), parsed.code, parsed.message);
      return null;
    }
    if (parsed.date > today) {
      this.fail(column, this.raw(column), 'date.future', `the date is after today (${today}): check the year`);
      return null;
    }
    return parsed.date;
  }

  amount(column: ColumnName, required: boolean): number | null {
    const raw = this.raw(column);
    const blank = raw === null || raw === undefined || (typeof raw === 'string' && cleanText(raw) === '');
    if (blank) {
      if (!required) return 0;
      this.required(column, 'a placement');
      return null;
    }
    const parsed = parseAmountCents(raw);
    if (!parsed.ok) {
      this.fail(column, raw, parsed.code, parsed.message);
      return null;
    }
    return parsed.cents;
  }
}

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
  const emailText = row.optional('email');
  let email: string | null = null;
  if (emailText !== null) {
    const parsed = normaliseEmail(emailText);
    if (parsed.ok) email = parsed.email;
    else row.fail('email', row.raw('email'), parsed.code, parsed.message);
  }
  const claim = validateClaim(row, claimReference, today);

  if (row.errors.length > 0 || !debtor || !claim || !address || debtorReference === null) {
    return { ok: false, errors: row.errors };
  }
  return { ok: true, row: { line, operation: 'place', debtorReference, debtor, address, phones, email, claim } };
}

function validateName(row: Row, column: ColumnName, required: string | null): string | null {
  const text = required === null ? row.optional(column) : row.required(column, required);
  if (text !== null && !hasLetter(text)) {
    row.fail(column, row.raw(column), 'name.invalid', 'a name must contain letters');
    return null;
  }
  return text;
}

function validateDebtor(
  row: Row,
  kind: 'person' | 'company' | null,
  country: string | null,
  today: string,
): IntakeDebtor | null {
  const person = kind === 'person' ? 'a person' : null;
  const title = row.optional('title');
  const firstName = validateName(row, 'first_name', person);
  const lastName = validateName(row, 'last_name', person);
  const birthName = validateName(row, 'birth_name', null);
  const birthPlace = row.optional('birth_place');
  let birthDate = row.date('birth_date', today, null);
  if (birthDate !== null) {
    const age = ageOn(birthDate, today);
    if (age < MIN_AGE) {
      row.fail(
        'birth_date',
        row.raw('birth_date'),
        'birth_date.too_young',
        `the debtor would be ${age} years old; a debtor is at least ${MIN_AGE}: check the date`,
      );
      birthDate = null;
    } else if (age > MAX_AGE) {
      row.fail(
        'birth_date',
        row.raw('birth_date'),
        'birth_date.too_old',
        `the debtor would be ${age} years old, more than ${MAX_AGE}: check the year`,
      );
      birthDate = null;
    }
  }
  const companyName = validateName(row, 'company_name', kind === 'company' ? 'a company' : null);
  const registrationText = row.optional('company_registration');
  let registrationNumber: string | null = null;
  let companyKey: string | null = null;
  if (registrationText !== null) {
    const parsed = parseRegistration(registrationText, country);
    if (parsed.ok) {
      registrationNumber = parsed.registration;
      companyKey = parsed.matchKey;
    } else {
      row.fail('company_registration', row.raw('company_registration'), parsed.code, parsed.message);
    }
  }
  const languageChoice = row.choice('language', LANGUAGES, country === 'IT' ? 'it' : 'fr', 'a placement');
  if (kind === null || languageChoice === null) return null;
  const common = { title, birthName, birthPlace, companyName, registrationNumber, language: languageChoice };
  if (kind === 'company') {
    if (companyName === null) return null;
    return {
      kind,
      ...common,
      firstName,
      lastName,
      birthDate,
      matchKey: companyKey,
      nameKey: companyNameKey(companyName),
    };
  }
  if (firstName === null || lastName === null) return null;
  return {
    kind,
    ...common,
    firstName,
    lastName,
    birthDate,
    matchKey: matchKey(lastName, firstName, birthDate),
    nameKey: nameKey(lastName, firstName),
  };
}

function validateAddress(row: Row, country: string | null): IntakeAddress | null {
  const line1 = row.required('address_line1', 'a placement');
  const line2 = row.optional('address_line2');
  const postalText = row.required('postal_code', 'a placement');
  const city = row.required('city', 'a placement');
  let postal: { postalCode: string; subdivision: string | null } | null = null;
  if (postalText !== null && country !== null) {
    const parsed = parsePostalCode(postalText, country);
    if (parsed.ok) postal = parsed;
    else row.fail('postal_code', row.raw('postal_code'), parsed.code, parsed.message);
  }
  if (line1 === null || city === null || postal === null || country === null) return null;
  return {
    line1,
    line2,
    postalCode: postal.postalCode,
    city,
    country,
    subdivision: postal.subdivision,
    timeZone: timeZoneFor(country, postal.subdivision),
  };
}

function validatePhones(row: Row, country: string | null): string[] {
  const phones: string[] = [];
  for (const column of ['phone', 'phone_2'] as const) {
    const text = row.optional(column);
    if (text === null) continue;
    // Without a valid country a national number cannot be read; the country's own error says what to fix.
    if (country === null && !/^(\+|00)/.test(text)) continue;
    const parsed = normalisePhone(text, country);
    if (!parsed.ok) row.fail(column, row.raw(column), parsed.code, parsed.message);
    else if (!phones.includes(parsed.e164)) phones.push(parsed.e164);
  }
  return phones;
}

function validateClaim(row: Row, reference: string | null, today: string): IntakeClaim | null {
  const contractType = row.choice('contract_type', CONTRACT_TYPES, null, 'a placement');
  const originalCreditor = row.optional('original_creditor');
  const currencyText = row.text('currency');
  let currency: string | null = null;
  if (currencyText !== null) {
    const code = currencyText === '' ? 'EUR' : currencyText.toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) {
      row.fail(
        'currency',
        row.raw('currency'),
        'currency.invalid',
        'write the currency as its ISO 4217 code, e.g. EUR',
      );
    } else if (!ACCEPTED_CURRENCIES.includes(code)) {
      row.fail('currency', row.raw('currency'), 'currency.unsupported', 'only EUR is accepted for now');
    } else {
      currency = code;
    }
  }
  const principalCents = row.amount('principal', true);
  const interestCents = row.amount('interest', false);
  const feesCents = row.amount('fees', false);
  if (
    principalCents !== null &&
    interestCents !== null &&
    feesCents !== null &&
    principalCents + interestCents + feesCents === 0
  ) {
    row.fail(
      'principal',
      row.raw('principal'),
      'amount.zero_total',
      'principal, interest and fees are all zero: a placement must be for an amount owed',
    );
  }
  const defaultOn = row.date('default_date', today, 'a placement');
  const lastPaymentOn = row.date('last_payment_date', today, null);
  if (
    reference === null ||
    contractType === null ||
    currency === null ||
    principalCents === null ||
    interestCents === null ||
    feesCents === null ||
    defaultOn === null
  ) {
    return null;
  }
  return {
    reference,
    contractType,
    originalCreditor,
    currency,
    principalCents,
    interestCents,
    feesCents,
    defaultOn,
    lastPaymentOn,
  };
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
