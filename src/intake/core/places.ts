/**
 * Countries, postal codes, French départements and time zones. The time zone of a debtor decides the hours at
 * which the agency may contact them; the département decides local calendars (Alsace-Moselle: 57, 67, 68).
 */

/** Accepted countries (EU, EEA, Switzerland, United Kingdom) and the time zone of each capital. */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CH: 'Europe/Zurich',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome',
  LI: 'Europe/Vaduz',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
};

export const SUPPORTED_COUNTRIES: readonly string[] = Object.keys(COUNTRY_TIME_ZONES);

/** Time zones of the French overseas départements and Saint-Pierre-et-Miquelon (postal codes 971xx–976xx). */
const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
};

/** Common non-ISO spellings, to say what to write instead. */
const COUNTRY_HINTS: Readonly<Record<string, string>> = {
  UK: 'GB',
  EL: 'GR',
  FRA: 'FR',
  ITA: 'IT',
  FRANCE: 'FR',
  ITALIE: 'IT',
  ITALIA: 'IT',
  ITALY: 'IT',
};

export type CountryResult = { ok: true; country: string } | { ok: false; code: string; message: string };

/** An ISO 3166-1 alpha-2 code among the accepted countries; blank means FR. */
export function parseCountry(input: string | null | undefined): CountryResult {
  const text = (input ?? '').trim().toUpperCase();
  if (text === '') return { ok: true, country: 'FR' };
  if (COUNTRY_TIME_ZONES[text]) return { ok: true, country: text };
  const hint = COUNTRY_HINTS[text];
  if (hint) return { ok: false, code: 'country.invalid', message: `write the ISO 3166-1 code "${hint}"` };
  if (!/^[A-Z]{2}$/.test(text)) {
    return {
      ok: false,
      code: 'country.invalid',
      message: 'write the country as its ISO 3166-1 two-letter code, e.g. FR or IT',
    };
  }
  return {
    ok: false,
    code: 'country.unsupported',
    message: 'only debtors in the EU, the EEA, Switzerland and the United Kingdom are accepted',
  };
}

/**
 * The French département of a 5-digit postal code: its first two digits; Corsica 200xx–201xx → 2A and
 * 202xx–206xx → 2B; overseas 97xxx → three digits (971 … 976). Null when the code cannot be a French one.
 */
export function frenchDepartment(postalCode: string): string | null {
  if (!/^\d{5}$/.test(postalCode)) return null;
  const two = postalCode.slice(0, 2);
  if (two === '00' || two === '96' || two === '98' || two === '99') return null;
  if (two === '20') {
    const three = Number(postalCode.slice(2, 3));
    if (three <= 1) return '2A';
    if (three <= 6) return '2B';
    return null;
  }
  if (two === '97') {
    const three = postalCode.slice(0, 3);
    return OVERSEAS_TIME_ZONES[three] ? three : null;
  }
  return two;
}

export type PostalCodeResult =
  { ok: true; postalCode: string; subdivision: string | null } | { ok: false; code: string; message: string };

/**
 * Checks a postal code for a country and finds its subdivision: FR 5 digits → département; IT 5 digits (the
 * province is not derived: subdivision null); other countries 2–10 letters, digits, spaces or hyphens.
 * Spaces inside French and Italian codes are removed ("75 011" → "75011"); others are upper-cased.
 */
export function parsePostalCode(input: string, country: string): PostalCodeResult {
  const text = input.trim().replace(/\s+/g, ' ');
  if (country === 'FR' || country === 'IT') {
    const digits = text.replace(/ /g, '');
    if (!/^\d{5}$/.test(digits)) {
      const lostZero = /^\d{4}$/.test(digits)
        ? `; "${digits}" looks like a code whose leading zero a spreadsheet dropped: write 0${digits}`
        : '';
      return {
        ok: false,
        code: 'postal_code.invalid',
        message: `a ${country === 'FR' ? 'French' : 'Italian'} postal code has 5 digits${lostZero}`,
      };
    }
    if (country === 'IT') return { ok: true, postalCode: digits, subdivision: null };
    const department = frenchDepartment(digits);
    if (!department) {
      return {
        ok: false,
        code: 'postal_code.invalid',
        message: digits.startsWith('98')
          ? '98xxx codes are Monaco or the Pacific territories, which are not accepted'
          : 'this is not a French postal code (01000–95999, 97100–97699)',
      };
    }
    return { ok: true, postalCode: digits, subdivision: department };
  }
  const upper = text.toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/.test(upper)) {
    return {
      ok: false,
      code: 'postal_code.invalid',
      message: 'write the postal code with 2 to 10 letters, digits, spaces or hyphens',
    };
  }
  return { ok: true, postalCode: upper, subdivision: null };
}

/**
 * The IANA time zone of an address: FR overseas départements their own zone, metropolitan France Europe/Paris,
 * other accepted countries the zone of their capital.
 */
export function timeZoneFor(country: string, subdivision: string | null): string {
  if (country === 'FR' && subdivision) {
    const overseas = OVERSEAS_TIME_ZONES[subdivision];
    if (overseas) return overseas;
  }
  const zone = COUNTRY_TIME_ZONES[country];
  if (!zone) throw new RangeError(`timeZoneFor: ${country} is not an accepted country`);
  return zone;
}
