/**
 * A case's access code to the debtor portal (docs/portal.md), printed on its letters: ten characters of Crockford's
 * base32, read back however a person types it. Pure: randomness comes in as bytes.
 */

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not mistaken. */
export const ACCESS_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ACCESS_CODE_LENGTH = 10;

/** A new access code from at least 10 random bytes (each byte's low 5 bits pick a character: 32 divides 256). */
export function accessCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < ACCESS_CODE_LENGTH) throw new Error(`An access code needs ${ACCESS_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) code += ACCESS_CODE_ALPHABET[bytes[i]! & 31];
  return code;
}

/**
 * The code as a person typed it, read the way Crockford's alphabet says (lower case, spaces and dashes ignored, O
 * read as 0, I and L as 1); null when it cannot be a code.
 */
export function readAccessCode(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s\-.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== ACCESS_CODE_LENGTH) return null;
  for (const char of cleaned) if (!ACCESS_CODE_ALPHABET.includes(char)) return null;
  return cleaned;
}

/** As printed on a letter: two groups of five (`7K3QM-X2D9P`). */
export function printedAccessCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
