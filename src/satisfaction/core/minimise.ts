/**
 * A debtor's comment as a team leader reads it: what the person wrote, less the personal data they may have put in it
 * by habit (an e-mail address, a phone number, an IBAN), each replaced by a neutral mark. Kept minimised in the
 * database, so the full text is never stored (GDPR art. 5(1)(c)). Pure.
 */

export const COMMENT_MAX_LENGTH = 1000;

export const REMOVED = { email: '[e-mail]', phone: '[phone]', iban: '[IBAN]' } as const;

/** Two letters, two check digits, then 11 to 30 letters and digits, in groups or not. */
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Eight digits or more, with the separators people type (spaces, dots, dashes, brackets), a leading + or 00. */
const PHONE = /(?:\+|\b00)?\d(?:[\s.()-]{0,2}\d){7,}/g;

export function minimiseComment(text: string): string {
  const cleaned = text
    .replace(IBAN, REMOVED.iban)
    .replace(EMAIL, REMOVED.email)
    .replace(PHONE, REMOVED.phone)
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, COMMENT_MAX_LENGTH).join('');
}
