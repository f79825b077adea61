/**
 * Finding the letters a mail house sends back, by what their envelopes show: the letter's reference, or part of the
 * printed name and address (a street, a postal code, a city). Pure.
 */

/** How far back a returned letter is looked for: mail comes back within weeks; a quarter covers the slowest. */
export const RETURN_SEARCH_DAYS = 90;

/** The most letters one search lists: a person ticks from a screenful, and narrows a search that finds more. */
export const RETURN_SEARCH_LIMIT = 50;

/** The accented letters of French and Italian addresses, folded the same way in the query and in the database. */
export const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ';
export const FOLDED = 'aaaaaaceeeeiiiinooooouuuuyy';

/** Lower case, accents folded as the database folds them (translate, ACCENTED → FOLDED), spaces collapsed. */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase().trim().replace(/\s+/g, ' ');
  let out = '';
  for (const c of lower) {
    const at = ACCENTED.indexOf(c);
    out += at === -1 ? c : FOLDED[at];
  }
  return out;
}

/** A LIKE pattern that finds the folded query anywhere, its own `%`, `_` and `\` matched as themselves. */
export function containsPattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
