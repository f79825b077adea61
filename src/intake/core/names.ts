/**
 * Text clean-up and the keys that match debtors across files and creditors. Keys are built from names made
 * comparable: lower case, no accents, no punctuation, hyphens or spaces ("Jean-Pierre" = "jean pierre").
 */

/** Any run of whitespace (tabs and line breaks from quoted fields, no-break spaces: all in \s) → one space. */
const WHITESPACE_RUN = /\s+/g;
/** Whitespace that cleanText would change inside a trimmed text: two in a row, or other than a plain space. */
const UNCLEAN_SPACE = /\s\s|[^\S ]/;

/** Trims and collapses whitespace. */
export function cleanText(text: string): string {
  const trimmed = text.trim();
  return UNCLEAN_SPACE.test(trimmed) ? trimmed.replace(WHITESPACE_RUN, ' ') : trimmed;
}

/**
 * Characters that have no place in a text field: control and format characters (other than the whitespace
 * cleanText folds), private-use and unassigned code points, and U+FFFD, the mark of a file decoded from the
 * wrong encoding.
 */
const FORBIDDEN = /[^\P{C}\t\n\r]|\uFFFD/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The first forbidden character in `text`, described for a person, or null. */
export function forbiddenCharacter(text: string): string | null {
  if (PRINTABLE_ASCII.test(text)) return null;
  const m = FORBIDDEN.exec(text);
  if (!m) return null;
  const ch = m[0];
  if (ch === '\uFFFD')
    return 'the replacement character "\uFFFD" (the file was converted from another encoding: export it as UTF-8)';
  const code = ch.codePointAt(0) ?? 0;
  return `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Letters NFD does not decompose, spelt out so that "Lætitia" = "Laetitia" and "Strauß" = "Strauss". */
const LIGATURES: Record<string, string> = {
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const LIGATURE = /[æœßøłđðþı]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** Only characters below U+0080 (a character beyond, or half of a surrogate pair, is in the class refused). */
const ASCII = /^[^\u0080-\uffff]*$/;
const NOT_ASCII_LETTER_OR_DIGIT = /[^a-z0-9]+/g;

/**
 * One name made comparable: lower case, accents removed (NFD, then combining marks dropped), ligatures spelt out,
 * and everything that is not a letter or a digit removed (spaces, hyphens, apostrophes, dots).
 * "Jean-Pierre" → "jeanpierre", "Jérôme" → "jerome", "D'Artagnan" → "dartagnan". "Saint"/"St" are not special.
 */
export function normaliseName(name: string): string {
  // Plain ASCII (most names in most files) has no accent, ligature or letter beyond a-z to fold: the same key, at
  // a fraction of the cost.
  if (ASCII.test(name)) return name.toLowerCase().replace(NOT_ASCII_LETTER_OR_DIGIT, '');
  return name
    .toLowerCase()
    .replace(LIGATURE, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NOT_LETTER_OR_DIGIT, '');
}

/** True when the name has at least one letter (a name of only digits or punctuation is a data error). */
export const hasLetter = (name: string): boolean => /\p{L}/u.test(name);

/** "dupont|marie": finds possible matches for review; null when either part is empty after normalisation. */
export function nameKey(lastName: string, firstName: string): string | null {
  const last = normaliseName(lastName);
  const first = normaliseName(firstName);
  return last && first ? `${last}|${first}` : null;
}

/** "dupont|marie|1980-02-29": matches a person across files; null without a birth date. */
export function matchKey(lastName: string, firstName: string, birthDate: string | null): string | null {
  const key = nameKey(lastName, firstName);
  return key && birthDate ? `${key}|${birthDate}` : null;
}

/** "company|<name>": finds possible matches of a company for review. */
export function companyNameKey(companyName: string): string | null {
  const name = normaliseName(companyName);
  return name ? `company|${name}` : null;
}

/** A registration number made comparable: letters and digits only, lower case ("732 829 320" → "732829320"). */
export function normaliseRegistration(registration: string): string {
  return registration.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export type RegistrationResult =
  { ok: true; registration: string; matchKey: string } | { ok: false; code: string; message: string };

/** Luhn checksum, which French SIREN numbers satisfy. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A company's registration number. In France (`country` FR) it must be a SIREN (9 digits) or a SIRET (14 digits,
 * the SIREN and an establishment number) whose SIREN passes its check digit; spaces, dots and hyphens are
 * removed, and the match key uses the SIREN, so a SIRET and its SIREN find the same company. Elsewhere any
 * 1–32 letters and digits. The match key is `company|<normalised number>`.
 */
export function parseRegistration(text: string, country: string | null): RegistrationResult {
  const normalised = normaliseRegistration(text);
  if (normalised === '' || normalised.length > 32) {
    return {
      ok: false,
      code: 'company_registration.invalid',
      message: 'write the registration number with 1 to 32 letters and digits',
    };
  }
  if (country === 'FR') {
    if (!/^(\d{9}|\d{14})$/.test(normalised)) {
      return {
        ok: false,
        code: 'company_registration.invalid',
        message: 'a French registration number is a SIREN (9 digits) or a SIRET (14 digits)',
      };
    }
    const siren = normalised.slice(0, 9);
    if (!luhnValid(siren)) {
      return {
        ok: false,
        code: 'company_registration.invalid',
        message: 'this SIREN fails its check digit: check for a typing error',
      };
    }
    return { ok: true, registration: normalised, matchKey: `company|${siren}` };
  }
  return { ok: true, registration: cleanText(text), matchKey: `company|${normalised}` };
}
