/**
 * The debtor's sections of a placement row: who the debtor is (a person or a company), where they live, and how
 * to reach them. Each records its problems on the row and gives null when the section cannot be used. Pure.
 */
import type { ColumnName } from './columns.js';
import { normaliseEmail, normalisePhone } from './contacts.js';
import { ageOn } from './dates.js';
import { companyNameKey, hasLetter, matchKey, nameKey, parseRegistration } from './names.js';
import { parsePostalCode, timeZoneFor } from './places.js';
import type { Row } from './row.js';
import type { IntakeAddress, IntakeDebtor } from './types.js';

export const LANGUAGES = ['fr', 'en', 'it'] as const;
export const MIN_AGE = 16;
export const MAX_AGE = 120;

function validateName(row: Row, column: ColumnName, required: string | null): string | null {
  const text = required === null ? row.optional(column) : row.required(column, required);
  if (text !== null && !hasLetter(text)) {
    row.fail(column, row.raw(column), 'name.invalid', 'a name must contain letters');
    return null;
  }
  return text;
}

export function validateDebtor(
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

export function validateAddress(row: Row, country: string | null): IntakeAddress | null {
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

export function validatePhones(row: Row, country: string | null): string[] {
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

/** The e-mail address, if any. */
export function validateEmail(row: Row): string | null {
  const text = row.optional('email');
  if (text === null) return null;
  const parsed = normaliseEmail(text);
  if (parsed.ok) return parsed.email;
  row.fail('email', row.raw('email'), parsed.code, parsed.message);
  return null;
}
