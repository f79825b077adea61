/**
 * The structured creditor reference of ISO 11649 (the "RF reference"), pure: `RF`, two check digits, then up to 21
 * letters and digits that name what is paid. The check digits are those of ISO 7064 MOD 97-10, as an IBAN's: the body
 * followed by `RF00`, letters as numbers (A = 10 … Z = 35), taken modulo 97, subtracted from 98. A bank carries it,
 * unchanged, to the credit's remittance information, where the statement's matching reads it (bank-files/core/match.ts).
 *
 * A case's reference (`ACC-2026-000123`) gives the body `ACC2026000123`: the RF reference of the case is
 * `RF` + check digits + that body, shown in groups of four as a bank's form prints it.
 */

const BODY = /^[A-Z0-9]{1,21}$/;

/** The remainder modulo 97 of an alphanumeric string read as ISO 7064 does (letters as two digits), piece by piece. */
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const value = char >= 'A' && char <= 'Z' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** Spaces out and letters in upper case, as a person may type or a bank may print it. */
export function compactReference(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** The RF reference of a body of 1 to 21 letters or digits (compacted first); throws on any other body. */
export function creditorReference(body: string): string {
  const compact = compactReference(body);
  if (!BODY.test(compact)) throw new RangeError('An RF reference names 1 to 21 letters or digits.');
  const check = 98 - mod97(`${compact}RF00`);
  return `RF${String(check).padStart(2, '0')}${compact}`;
}

/** Whether a text is a valid RF reference (spaces and case aside): its form and its check digits. */
export function isCreditorReference(text: string): boolean {
  const compact = compactReference(text);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(compact)) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

/** The body of a valid RF reference (what it names), or null when the text is not one. */
export function creditorReferenceBody(text: string): string | null {
  return isCreditorReference(text) ? compactReference(text).slice(4) : null;
}

/** The RF reference of a case, from its reference (`ACC-2026-000123` → `RF…ACC2026000123`). */
export function caseCreditorReference(caseReference: string): string {
  return creditorReference(caseReference.replace(/[^A-Za-z0-9]/g, ''));
}

/** An RF reference in groups of four, as printed on a form (`RF18 ACC2 0260 0012 3`). */
export function printedReference(reference: string): string {
  return compactReference(reference).replace(/(.{4})(?=.)/g, '$1 ');
}
