/** The pure intake core: formats, rules and the row validator. The reader is `src/intake/parse.ts`. */
export * from './types.js';
export { parseAmountCents, formatCents, MAX_AMOUNT_CENTS, type AmountResult, type AmountStyle } from './amounts.js';
export { parseDate, isIsoDate, formatFrenchDate, ageOn, isLeapYear, daysInMonth, type DateResult } from './dates.js';
export {
  cleanText,
  forbiddenCharacter,
  normaliseName,
  hasLetter,
  nameKey,
  matchKey,
  companyNameKey,
  normaliseRegistration,
  parseRegistration,
  type RegistrationResult,
} from './names.js';
export {
  parseCountry,
  parsePostalCode,
  frenchDepartment,
  timeZoneFor,
  COUNTRY_TIME_ZONES,
  SUPPORTED_COUNTRIES,
  type CountryResult,
  type PostalCodeResult,
} from './places.js';
export { normalisePhone, normaliseEmail, type PhoneResult, type EmailResult } from './contacts.js';
export {
  COLUMNS,
  COLUMN_NAMES,
  isColumnName,
  columnSpec,
  normaliseColumnName,
  requiredHeaderColumns,
  suggestColumn,
  checkHeader,
  detectDelimiter,
  type ColumnSpec,
  type ColumnName,
  type RequiredWhen,
  type HeaderCheck,
} from './columns.js';
export {
  validateRow,
  validateRecord,
  attachReadErrors,
  readErrorsOf,
  reportedValue,
  READ_ERRORS,
  OPERATIONS,
  CONTRACT_TYPES,
  LANGUAGES,
  ACCEPTED_CURRENCIES,
  MIN_AGE,
  MAX_AGE,
  REFERENCE_LENGTH,
  type RawValue,
} from './validate-row.js';
