/**
 * The folded form names are searched by: accents and case removed, apostrophes and hyphens read as spaces, one space
 * between words. The database computes the same form (`search_fold`, migration 0024) for its indexes, from the same
 * table of letters, so a name typed here meets its index entry there; `search.test.ts` checks both agree.
 */

/** Letters with their unaccented lower-case form, one for one (the SQL `translate` reads them in this order). */
export const FOLD_FROM = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ’'-";
export const FOLD_TO = 'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyy   ';
/** Ligatures, written out before the table applies. */
export const FOLD_LIGATURES: ReadonlyArray<readonly [string, string]> = [
  ['œ', 'oe'],
  ['Œ', 'oe'],
  ['æ', 'ae'],
  ['Æ', 'ae'],
  ['ß', 'ss'],
];

const TABLE = new Map<string, string>([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]));
for (const [from, to] of FOLD_LIGATURES) TABLE.set(from, to);

/** One character folded: its table form, an ASCII capital lowered, white space as a space; any other kept. */
export function foldChar(c: string): string {
  const mapped = TABLE.get(c);
  if (mapped !== undefined) return mapped;
  if (c >= 'A' && c <= 'Z') return c.toLowerCase();
  return /\s/.test(c) ? ' ' : c;
}

/** The folded form of a text: what `search_fold` gives in the database. */
export function fold(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) out += foldChar(c);
  return out.replace(/\s+/g, ' ').trim();
}
