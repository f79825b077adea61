import type { TFunction } from 'i18next';
import type { Placement, PlacementCounts, PlacementError, PlacementStatus } from './api.js';
import type { Formatters } from '../../i18n/format.js';
import { SERVER_TEXT_LANG } from '../../i18n/labels.js';

/** A placement in these states is still being imported: its page asks again every second. */
export function isImporting(status: PlacementStatus): boolean {
  return status === 'pending' || status === 'running';
}

/** "1 204" with the plural form chosen from the number, for the `{{n}}` of a plural text. */
function counted(format: Formatters, count: number) {
  return { count, n: format.count(count) };
}

/** The order in which the report lists the counts, grouped as a person reads them. */
type CountKey = keyof PlacementCounts;

const COUNT_GROUPS: readonly { heading: 'debtors' | 'cases' | 'claims'; keys: readonly CountKey[] }[] = [
  // Agency staff read how each person was found; a creditor user reads only "new to you" and "known to you" (the
  // agency's matching across creditors stays inside the agency).
  {
    heading: 'debtors',
    keys: [
      'debtorsCreated',
      'debtorsMatchedByReference',
      'debtorsMatchedByIdentity',
      'possibleMatches',
      'debtorsNew',
      'debtorsKnown',
    ],
  },
  { heading: 'cases', keys: ['casesCreated', 'casesClosed'] },
  { heading: 'claims', keys: ['claimsCreated', 'claimsUpdated', 'claimsUnchanged', 'claimsRecalled', 'claimsClosed'] },
];

/** The groups of counts to show, each with the counts this report holds (the server sends what the reader may see). */
export function countGroups(counts: PlacementCounts) {
  return COUNT_GROUPS.map((group) => ({
    heading: group.heading,
    keys: group.keys.filter((key) => counts[key] !== undefined),
  })).filter((group) => group.keys.length > 0);
}

/** One count in plain words ("1 204 créances créées"). */
export function countText(t: TFunction, format: Formatters, key: CountKey, value: number): string {
  return t(`placement.counts.${key}`, counted(format, value));
}

/**
 * What a placement did, in one line: "1 204 créances créées, 3 mises à jour, 12 lignes rejetées". Claims that were
 * left unchanged, recalled or closed are named only when there are some.
 */
export function placementSummary(t: TFunction, format: Formatters, placement: Placement): string {
  if (isImporting(placement.status)) return t('placements.inProgress');
  const rejected = t('placements.summary.rowsRejected', counted(format, placement.rowsRejected));
  if (placement.status !== 'completed' || !placement.counts) {
    // A file refused whole (its header, its encoding) has no rejected rows: its problems are the file's.
    return placement.status === 'rejected' && placement.rowsRejected > 0
      ? `${t('placements.nothingImported')} · ${rejected}`
      : t('placements.nothingImported');
  }
  const counts = placement.counts;
  const parts = [
    t('placements.summary.claimsCreated', counted(format, counts.claimsCreated ?? 0)),
    t('placements.summary.claimsUpdated', counted(format, counts.claimsUpdated ?? 0)),
  ];
  for (const key of ['claimsUnchanged', 'claimsRecalled', 'claimsClosed'] as const) {
    const value = counts[key] ?? 0;
    if (value > 0) parts.push(t(`placements.summary.${key}`, counted(format, value)));
  }
  parts.push(rejected);
  return parts.join(', ');
}

/** A name for a placement: its file, or its date when it was sent without one. */
export function placementName(t: TFunction, format: Formatters, placement: Placement): string {
  return placement.fileName ?? t('placements.unnamed', { date: format.date(placement.placedOn) });
}

/**
 * Row error codes of the intake validator (src/intake/core) that have a translation under `intakeErrors.<code>`.
 * Any other code (a new check on the server) shows the server's own English message.
 */
export const INTAKE_ERROR_CODES = [
  'required',
  'amount.invalid',
  'amount.negative',
  'amount.too_large',
  'amount.too_many_decimals',
  'amount.zero_total',
  'birth_date.too_young',
  'birth_date.too_old',
  'column.unknown',
  'column.duplicate',
  'company_registration.invalid',
  'country.invalid',
  'country.unsupported',
  'currency.invalid',
  'currency.unsupported',
  'date.invalid',
  'date.future',
  'email.invalid',
  'file.encoding',
  'file.no_header',
  'header.unknown_columns',
  'header.duplicate_columns',
  'header.missing_columns',
  'name.invalid',
  'phone.invalid',
  'phone.international_required',
  'postal_code.invalid',
  'text.invalid_character',
  'text.too_long',
  'claim_reference.duplicate',
  'claim_reference.unknown',
  'claim_reference.other_debtor',
  'operation.invalid',
  'debtor_type.invalid',
  'contract_type.invalid',
  'language.invalid',
  'column.unnamed',
  'file.empty',
  'file.separator',
  'header.invalid',
  'csv.quote',
  'csv.field_count',
  'csv.invalid',
  'csv.quote_not_closed',
  'csv.record_too_large',
  'line.too_long',
  'json.invalid',
  'json.not_object',
  'json.value_type',
] as const;

/** The `column` the server gives a problem of the whole file that names no column. */
export const WHOLE_FILE_COLUMN = '(file)';

const FILE_ERROR_CODES = ['csv.invalid', 'csv.quote_not_closed', 'csv.record_too_large'];

/**
 * A problem with the file as a whole (its header, its encoding, broken quoting): such a file is refused whole,
 * whatever its mandate says about bad rows.
 */
export function isFileError(error: PlacementError): boolean {
  return (
    error.code.startsWith('file.') ||
    error.code.startsWith('header.') ||
    FILE_ERROR_CODES.includes(error.code) ||
    error.column === WHOLE_FILE_COLUMN
  );
}

export function rowErrorText(t: TFunction, error: PlacementError): { text: string; lang?: string } {
  if ((INTAKE_ERROR_CODES as readonly string[]).includes(error.code)) return { text: t(`intakeErrors.${error.code}`) };
  const text = error.message.charAt(0).toUpperCase() + error.message.slice(1);
  return { text, lang: SERVER_TEXT_LANG };
}
