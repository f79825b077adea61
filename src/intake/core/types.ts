/**
 * The contract between the intake parser/validator (pure) and the import pipeline (database).
 * One input row = one claim with its debtor. See docs/intake-format.md.
 */

export type IntakeOperation = 'place' | 'recall' | 'close';
export type ContractType = 'consumer_credit' | 'overdraft' | 'energy' | 'telecom' | 'rent' | 'other';

export interface IntakeDebtor {
  kind: 'person' | 'company';
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  birthName: string | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  birthPlace: string | null;
  companyName: string | null;
  registrationNumber: string | null;
  language: 'fr' | 'en' | 'it';
  /**
   * Normalised last name + first name + birth date (lower case, no accents, no punctuation or spaces),
   * e.g. "dupont|marie|1980-02-29"; null when the birth date is missing or for companies
   * (companies match on `company|<registration number>` when they have one).
   */
  matchKey: string | null;
  /** Normalised last name + first name without the birth date: finds possible matches for review. */
  nameKey: string | null;
}

export interface IntakeAddress {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** French département ('75', '2A', '974') or Italian province when known; drives calendars. */
  subdivision: string | null;
  /** IANA zone derived from country and subdivision (Europe/Paris, Indian/Reunion, Europe/Rome…). */
  timeZone: string;
}

export interface IntakeClaim {
  reference: string;
  contractType: ContractType;
  originalCreditor: string | null;
  currency: string;
  principalCents: number;
  interestCents: number;
  feesCents: number;
  /** YYYY-MM-DD */
  defaultOn: string;
  lastPaymentOn: string | null;
}

/** A valid row. For `recall` and `close` only `debtorReference` and `claim.reference` are meaningful. */
export interface IntakeRow {
  line: number;
  operation: IntakeOperation;
  debtorReference: string;
  debtor: IntakeDebtor;
  address: IntakeAddress | null;
  /** Normalised to E.164 (+33612345678). */
  phones: string[];
  email: string | null;
  claim: IntakeClaim;
}

/** One problem in one row: what the report shows. */
export interface RowError {
  line: number;
  column: string;
  value: string;
  /** Stable code, e.g. 'amount.invalid', 'date.future', 'required'. */
  code: string;
  /** What to fix, in plain English. */
  message: string;
}

export type RowResult = { ok: true; row: IntakeRow } | { ok: false; errors: RowError[] };

/**
 * A problem with the whole file (bad header, wrong encoding, broken quoting): the file is refused as a whole,
 * whatever the mandate says about bad rows.
 */
export interface FileError {
  /** Stable code, e.g. 'header.unknown_columns', 'file.encoding'. */
  code: string;
  /** What to fix, in plain English. */
  message: string;
  /** The physical line concerned (1 for the header), or null when the problem is not on one line. */
  line: number | null;
  /** The columns concerned, for header problems. */
  columns?: string[];
}

/**
 * One record read from a file, before validation. CSV keys are the header's normalised column names; JSON Lines
 * keys are the object's own, which validateRow compares case-insensitively (and refuses when unknown).
 */
export interface IntakeRecord {
  /** The physical line where the record starts (1 = the first line of the file, the header in CSV). */
  line: number;
  record: Record<string, string>;
  /**
   * Problems found while reading the line (wrong number of fields, broken JSON, a value under a column without
   * a name). When present the row is invalid. They are also attached to `record` (see READ_ERRORS in
   * validate-row.ts), so `validateRow(record, line, today)` and `validateRecord(item, today)` both report them.
   */
  errors?: RowError[];
}
