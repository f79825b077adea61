import type { IntakeRow } from './core/types.js';
import { copyLine } from './copy-text.js';

/** The temporary table an import fills with COPY before merging it, set-based, into the real tables. */
export const STAGE_TABLE = 'intake_stage';

export const STAGE_DDL = `
  create temp table ${STAGE_TABLE} (
    line integer not null,
    op text not null,
    debtor_ref text not null,
    kind text not null,
    title text, first_name text, last_name text, birth_name text, birth_date date, birth_place text,
    company_name text, registration text, language text not null,
    match_key text, name_key text,
    addr_line1 text, addr_line2 text, postal_code text, city text, country text, subdivision text, time_zone text,
    phone1 text, phone2 text, email text,
    claim_ref text not null, contract_type text, original_creditor text, currency text not null,
    principal bigint not null, interest bigint not null, fees bigint not null,
    default_on date, last_payment_on date
  ) on commit drop`;

export const STAGE_COLUMNS = [
  'line',
  'op',
  'debtor_ref',
  'kind',
  'title',
  'first_name',
  'last_name',
  'birth_name',
  'birth_date',
  'birth_place',
  'company_name',
  'registration',
  'language',
  'match_key',
  'name_key',
  'addr_line1',
  'addr_line2',
  'postal_code',
  'city',
  'country',
  'subdivision',
  'time_zone',
  'phone1',
  'phone2',
  'email',
  'claim_ref',
  'contract_type',
  'original_creditor',
  'currency',
  'principal',
  'interest',
  'fees',
  'default_on',
  'last_payment_on',
] as const;

export function stageLine(row: IntakeRow): string {
  const d = row.debtor;
  const a = row.address;
  const c = row.claim;
  return copyLine([
    row.line,
    row.operation,
    row.debtorReference,
    d.kind,
    d.title,
    d.firstName,
    d.lastName,
    d.birthName,
    d.birthDate,
    d.birthPlace,
    d.companyName,
    d.registrationNumber,
    d.language,
    d.matchKey,
    d.nameKey,
    a?.line1 ?? null,
    a?.line2 ?? null,
    a?.postalCode ?? null,
    a?.city ?? null,
    a?.country ?? null,
    a?.subdivision ?? null,
    a?.timeZone ?? null,
    row.phones[0] ?? null,
    row.phones[1] ?? null,
    row.email,
    c.reference,
    row.operation === 'place' ? c.contractType : null,
    c.originalCreditor,
    c.currency,
    c.principalCents,
    c.interestCents,
    c.feesCents,
    row.operation === 'place' ? c.defaultOn : null,
    c.lastPaymentOn,
  ]);
}
