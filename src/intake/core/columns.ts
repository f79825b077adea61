/**
 * The columns of an intake file: the single list the validator, the header check and the documentation
 * (docs/intake-format.md, kept in step by a test) all follow.
 */
import type { FileError } from './types.js';

/**
 * When a column must have a value: always; for `place` rows; for `place` rows of a person or of a company;
 * or never (optional, possibly with a default).
 */
export type RequiredWhen = 'always' | 'place' | 'place_person' | 'place_company' | 'optional';

export interface ColumnSpec {
  name: string;
  required: RequiredWhen;
  /** Longest accepted text, in characters, after whitespace is collapsed; null when the format decides. */
  maxLength: number | null;
  description: string;
}

export const COLUMNS = [
  { name: 'operation', required: 'optional', maxLength: null, description: 'place (default), recall or close' },
  { name: 'debtor_reference', required: 'always', maxLength: 64, description: "the creditor's customer id" },
  { name: 'debtor_type', required: 'optional', maxLength: null, description: 'person (default) or company' },
  { name: 'title', required: 'optional', maxLength: 30, description: 'civility, e.g. M., Mme' },
  { name: 'first_name', required: 'place_person', maxLength: 100, description: 'first name(s)' },
  { name: 'last_name', required: 'place_person', maxLength: 100, description: 'last name (usage name)' },
  { name: 'birth_name', required: 'optional', maxLength: 100, description: 'birth name when different' },
  { name: 'birth_date', required: 'optional', maxLength: null, description: 'date of birth' },
  { name: 'birth_place', required: 'optional', maxLength: 100, description: 'place of birth' },
  { name: 'company_name', required: 'place_company', maxLength: 200, description: 'legal name of a company' },
  { name: 'company_registration', required: 'optional', maxLength: 40, description: 'SIREN/SIRET or foreign number' },
  { name: 'address_line1', required: 'place', maxLength: 200, description: 'street address' },
  { name: 'address_line2', required: 'optional', maxLength: 200, description: 'building, floor, lieu-dit…' },
  { name: 'postal_code', required: 'place', maxLength: null, description: 'postal code' },
  { name: 'city', required: 'place', maxLength: 100, description: 'city' },
  { name: 'country', required: 'optional', maxLength: null, description: 'ISO 3166-1 alpha-2, default FR' },
  { name: 'phone', required: 'optional', maxLength: null, description: 'phone number' },
  { name: 'phone_2', required: 'optional', maxLength: null, description: 'second phone number' },
  { name: 'email', required: 'optional', maxLength: 254, description: 'e-mail address' },
  { name: 'language', required: 'optional', maxLength: null, description: 'fr, en or it; default from the country' },
  { name: 'claim_reference', required: 'always', maxLength: 64, description: "the creditor's claim id" },
  { name: 'contract_type', required: 'place', maxLength: null, description: 'kind of contract' },
  { name: 'original_creditor', required: 'optional', maxLength: 200, description: 'creditor of origin' },
  { name: 'currency', required: 'optional', maxLength: null, description: 'ISO 4217; only EUR for now' },
  { name: 'principal', required: 'place', maxLength: null, description: 'principal owed, ≥ 0' },
  { name: 'interest', required: 'optional', maxLength: null, description: 'interest owed, default 0' },
  { name: 'fees', required: 'optional', maxLength: null, description: 'fees owed, default 0' },
  { name: 'default_date', required: 'place', maxLength: null, description: 'date of default' },
  { name: 'last_payment_date', required: 'optional', maxLength: null, description: 'date of the last payment' },
] as const satisfies readonly ColumnSpec[];

export type ColumnName = (typeof COLUMNS)[number]['name'];

export const COLUMN_NAMES: readonly ColumnName[] = COLUMNS.map((c) => c.name);
const KNOWN = new Set<string>(COLUMN_NAMES);

export const isColumnName = (name: string): name is ColumnName => KNOWN.has(name);

const SPECS = new Map<string, ColumnSpec>(COLUMNS.map((c) => [c.name, c]));

export function columnSpec(name: ColumnName): ColumnSpec {
  const spec = SPECS.get(name);
  if (!spec) throw new RangeError(`unknown column ${name}`);
  return spec;
}

/** Header names are compared after: BOM removed, trimmed, lower case, runs of whitespace → `_`. */
export function normaliseColumnName(raw: string): string {
  if (KNOWN.has(raw)) return raw;
  return raw
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, '_');
}

/** Columns whose absence from the header is a file error, given which of the optional switches are there. */
export function requiredHeaderColumns(present: ReadonlySet<string>): ColumnName[] {
  const required: ColumnName[] = ['debtor_reference', 'claim_reference'];
  // Without an operation column every row is a placement, so the placement columns must be there; with one,
  // a file may carry only recalls and closures, and a placement row lacking a column gets a row error.
  if (!present.has('operation')) {
    required.push('contract_type', 'principal', 'default_date', 'address_line1', 'postal_code', 'city');
    if (!present.has('debtor_type')) required.push('first_name', 'last_name');
  }
  return required;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The known column a misspelt name most likely meant (at most 2 edits, or the same letters without `_`). */
export function suggestColumn(name: string): ColumnName | null {
  let best: ColumnName | null = null;
  let bestDistance = 3;
  const squashed = name.replace(/[_-]/g, '');
  for (const known of COLUMN_NAMES) {
    const d = known.replace(/_/g, '') === squashed ? 0 : editDistance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

const describeUnknown = (name: string) => {
  const suggestion = suggestColumn(name);
  return suggestion ? `"${name}" (did you mean "${suggestion}"?)` : `"${name}"`;
};

export interface HeaderCheck {
  /** The normalised name of each field position; '' for a column without a name. */
  columns: string[];
  errors: FileError[];
}

/**
 * Checks a header line: every named column known, none twice, the required ones there. Columns without a name
 * are allowed (spreadsheets add one for a trailing separator) as long as their values stay empty, which the
 * reader checks row by row. An unknown column is an error rather than ignored: a misspelt name would otherwise
 * silently drop its data.
 */
export function checkHeader(rawNames: readonly string[]): HeaderCheck {
  const columns = rawNames.map(normaliseColumnName);
  const errors: FileError[] = [];
  const named = columns.filter((c) => c !== '');
  if (named.length === 0) {
    return {
      columns,
      errors: [{ code: 'file.no_header', line: 1, message: 'the first line must be the header: the column names' }],
    };
  }
  const unknown = [...new Set(named.filter((c) => !isColumnName(c)))];
  if (unknown.length > 0) {
    errors.push({
      code: 'header.unknown_columns',
      line: 1,
      columns: unknown,
      message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(describeUnknown).join(', ')}: rename or remove ${unknown.length > 1 ? 'them' : 'it'} (see the list of columns in the intake format)`,
    });
  }
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const c of named) (seen.has(c) ? duplicated : seen).add(c);
  if (duplicated.size > 0) {
    errors.push({
      code: 'header.duplicate_columns',
      line: 1,
      columns: [...duplicated],
      message: `column${duplicated.size > 1 ? 's' : ''} ${[...duplicated].map((c) => `"${c}"`).join(', ')} appear${duplicated.size > 1 ? '' : 's'} more than once: keep one of each`,
    });
  }
  const missing = requiredHeaderColumns(seen).filter((c) => !seen.has(c));
  if (missing.length > 0) {
    errors.push({
      code: 'header.missing_columns',
      line: 1,
      columns: missing,
      message: `required column${missing.length > 1 ? 's' : ''} missing: ${missing.map((c) => `"${c}"`).join(', ')}${missing.some((c) => columnSpec(c).required !== 'always') ? ' (without an operation column, every row is a placement)' : ''}`,
    });
  }
  return { columns, errors };
}

/**
 * The field separator of a CSV file, read from its header line: `;` or `,`, whichever appears more often
 * outside quotes (`;` when neither does: a one-column header). Null when the line is separated by tabs, which
 * the format does not accept.
 */
export function detectDelimiter(headerLine: string): ';' | ',' | null {
  let semicolons = 0;
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === '\t') tabs++;
  }
  if (semicolons === 0 && commas === 0) return tabs > 0 ? null : ';';
  return commas > semicolons ? ',' : ';';
}
