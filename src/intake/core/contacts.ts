/**
 * Phone numbers normalised to E.164 and e-mail addresses. A wrong number or address reaches a third party, who
 * must never learn of someone's debt: anything that is not clearly a phone number or an e-mail is refused.
 */

export type PhoneResult = { ok: true; e164: string } | { ok: false; code: string; message: string };
export type EmailResult = { ok: true; email: string } | { ok: false; code: string; message: string };

/**
 * French numbers whose prefix belongs to an overseas département: they are dialled with the département's own
 * country code (0692 12 34 56 → +262 692 12 34 56), whoever the debtor is.
 */
const OVERSEAS_PREFIXES: ReadonlyArray<readonly [prefix: string, countryCode: string]> = [
  ['262', '262'], // Réunion, fixed
  ['263', '262'], // Réunion, fixed
  ['692', '262'], // Réunion, mobile
  ['693', '262'], // Réunion, mobile
  ['269', '262'], // Mayotte, fixed
  ['639', '262'], // Mayotte, mobile
  ['590', '590'], // Guadeloupe, Saint-Martin, Saint-Barthélemy, fixed
  ['690', '590'], // mobile
  ['691', '590'], // mobile
  ['596', '596'], // Martinique, fixed
  ['696', '596'], // mobile
  ['697', '596'], // mobile
  ['594', '594'], // French Guiana, fixed
  ['694', '594'], // mobile
];

const invalid = (message: string): PhoneResult => ({ ok: false, code: 'phone.invalid', message });
const FRENCH_FORMAT = 'a French number has 10 digits starting with 0 (06 12 34 56 78), or +33 and 9 digits';

/** A French significant number (9 digits, no trunk 0) → E.164, with overseas prefixes mapped to their codes. */
function frenchE164(significant: string): PhoneResult {
  if (!/^[1-9]\d{8}$/.test(significant)) {
    return invalid(FRENCH_FORMAT);
  }
  if (significant.startsWith('8')) {
    return invalid("08 numbers are service numbers, not a person's phone");
  }
  const overseas = OVERSEAS_PREFIXES.find(([prefix]) => significant.startsWith(prefix));
  return { ok: true, e164: overseas ? `+${overseas[1]}${significant}` : `+33${significant}` };
}

/** An Italian number after +39 (or written nationally): mobile 3xx (9–10 digits) or fixed 0… (6–11 digits). */
function italianE164(significant: string): PhoneResult {
  if (/^3\d{8,9}$/.test(significant) || /^0\d{5,10}$/.test(significant)) return { ok: true, e164: `+39${significant}` };
  return invalid('an Italian number is a mobile 3xx xxx xxxx or a fixed number starting with 0, optionally after +39');
}

/** Numbers of the overseas départements written with their own code: +262, +590, +594, +596 and 9 digits. */
function overseasE164(countryCode: string, significant: string): PhoneResult {
  const ok = OVERSEAS_PREFIXES.some(([prefix, code]) => code === countryCode && significant.startsWith(prefix));
  if (ok && /^\d{9}$/.test(significant)) return { ok: true, e164: `+${countryCode}${significant}` };
  return invalid(`a number with +${countryCode} has 9 digits after the code, e.g. +262 692 12 34 56`);
}

/**
 * Normalises a phone number to E.164. Accepted: international (`+33 6 12 34 56 78`, `0033 6…`, `+33 (0)6…`) for
 * any country code; national French numbers (`06 12 34 56 78`) when the debtor lives in France, including the
 * overseas départements, whose prefixes get their own codes (`0692…` → `+262692…`, `0690/0691…` → `+590…`,
 * `0696/0697…` → `+596…`, `0694…` → `+594…`); national Italian numbers (`347 123 4567`, `06 1234 5678`) when the
 * debtor lives in Italy. Spaces, dots, hyphens, slashes and brackets between digits are ignored.
 * `country` is the debtor's country (null when unknown, which only accepts international numbers).
 */
export function normalisePhone(input: string, country: string | null): PhoneResult {
  const text = input.trim();
  if (text === '') return { ok: false, code: 'required', message: 'the phone number is missing' };
  const compact = text.replace(/\(0\)/g, '').replace(/[\s\u00a0\u202f.\-/()]/g, '');
  if (!/^\+?\d+$/.test(compact)) {
    return invalid('write one phone number with digits only (and a leading + for the international format)');
  }
  let international: string | null = null;
  if (compact.startsWith('+')) international = compact.slice(1);
  else if (compact.startsWith('00')) international = compact.slice(2);

  if (international !== null) {
    if (international.startsWith('33')) {
      const rest = international.slice(2);
      // +33 06… : the trunk 0 has no place after the country code, but its meaning is clear.
      return frenchE164(rest.length === 10 && rest.startsWith('0') ? rest.slice(1) : rest);
    }
    if (international.startsWith('39')) return italianE164(international.slice(2));
    for (const code of ['262', '590', '594', '596']) {
      if (international.startsWith(code)) return overseasE164(code, international.slice(3));
    }
    if (!/^[1-9]\d{6,14}$/.test(international)) {
      return invalid('an international number has a country code and 7 to 15 digits in all, e.g. +41 21 123 45 67');
    }
    return { ok: true, e164: `+${international}` };
  }

  if (country === 'FR') {
    if (compact.length === 9 && /^[1-9]/.test(compact)) {
      return invalid(`a French number has 10 digits: if a spreadsheet dropped the leading zero, write 0${compact}`);
    }
    if (!/^0\d{9}$/.test(compact)) return invalid(FRENCH_FORMAT);
    return frenchE164(compact.slice(1));
  }
  if (country === 'IT') return italianE164(compact);
  if (country === null) return invalid('write the number in the international format, e.g. +33 6 12 34 56 78');
  return {
    ok: false,
    code: 'phone.international_required',
    message:
      'for a debtor outside France and Italy, write the number in the international format (+ and the country code)',
  };
}

/**
 * A pragmatic address check (not full RFC 5322): one address, ASCII, `local@domain.tld`, no spaces, no
 * consecutive or edge dots, at most 254 characters. Lower-cased.
 */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normaliseEmail(input: string): EmailResult {
  const email = input.trim().toLowerCase();
  if (email === '') return { ok: false, code: 'required', message: 'the e-mail address is missing' };
  if (/[\s,;]/.test(email) && email.split(/[\s,;]+/).filter(Boolean).length > 1) {
    return { ok: false, code: 'email.invalid', message: 'write one e-mail address per column (use a single address)' };
  }
  const local = email.split('@')[0] ?? '';
  if (email.length > 254 || local.length > 64 || !EMAIL.test(email)) {
    return {
      ok: false,
      code: 'email.invalid',
      message: 'write a valid e-mail address such as marie.dupont@example.fr',
    };
  }
  return { ok: true, email };
}
