import { fold, foldChar } from './fold.js';

/**
 * What a text typed in the search box is looked up as. Every kind is a prefix of a normalised value (the form the
 * index holds): a reference upper-cased, a name folded, a phone number as the start of an E.164 number, an e-mail
 * lower-cased, an IBAN without spaces, a postal code as written. A text may be several kinds at once ("75011" is a
 * postal code and the start of a reference); each kind applies only where the text could be one.
 */
export interface SearchPlan {
  /** Start of a case, claim or creditor's reference, upper-cased. */
  reference: string | null;
  /** Folded name keys to look up ("dupont jean"), the typed order and, for two words or more, the last word first. */
  names: string[];
  /** The words of the name, folded, for highlighting. */
  nameWords: string[];
  /** Starts of E.164 numbers (a national French number may be mainland or overseas). */
  phones: string[];
  email: string | null;
  iban: string | null;
  postalCode: string | null;
}

export const SEARCH_KINDS = ['reference', 'name', 'phone', 'email', 'iban', 'postalCode'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The shortest text searched: one letter would list a good share of the agency. */
export const MIN_SEARCH_LENGTH = 2;
/** A phone number is looked up from its fourth digit (the country code and a first digit are no choice yet). */
const MIN_PHONE_DIGITS = 4;

/** French national prefixes (after the trunk 0) dialled with an overseas département's code. */
const OVERSEAS: ReadonlyArray<readonly [prefix: string, code: string]> = [
  ['262', '262'],
  ['263', '262'],
  ['692', '262'],
  ['693', '262'],
  ['269', '262'],
  ['639', '262'],
  ['590', '590'],
  ['690', '590'],
  ['691', '590'],
  ['596', '596'],
  ['696', '596'],
  ['697', '596'],
  ['594', '594'],
  ['694', '594'],
];

/**
 * The starts of E.164 numbers a typed number may be: `+33 6 12` and `0033 612` → `+33612`; a French national
 * `06 12` → `+33612`, and `0692 1` → `+2626921` (an overseas prefix); `+33 06…` drops the trunk 0. Other digits
 * without a 0 or a + are read as an Italian mobile (3…).
 */
export function phonePrefixes(text: string): string[] {
  const compact = text
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s\u00a0\u202f.\-/()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return [];
  const digits = compact.replace('+', '');
  if (digits.length < MIN_PHONE_DIGITS) return [];
  let international: string | null = null;
  if (compact.startsWith('+')) international = digits;
  else if (compact.startsWith('00')) international = digits.slice(2);
  if (international !== null) {
    if (international.startsWith('330')) return [`+33${international.slice(3)}`];
    return international === '' ? [] : [`+${international}`];
  }
  if (compact.startsWith('0')) {
    // Four digits or more: the three after the trunk 0 tell an overseas prefix from a mainland number.
    const national = compact.slice(1);
    const overseas = OVERSEAS.find(([prefix]) => national.startsWith(prefix));
    return [overseas ? `+${overseas[1]}${national}` : `+33${national}`];
  }
  return compact.startsWith('3') ? [`+39${compact}`] : [];
}

const LETTER = /\p{L}/u;

/** How a text typed in the box is searched. Nothing for a text under MIN_SEARCH_LENGTH characters. */
export function planSearch(input: string): SearchPlan {
  const text = input.normalize('NFC').trim();
  const plan: SearchPlan = {
    reference: null,
    names: [],
    nameWords: [],
    phones: [],
    email: null,
    iban: null,
    postalCode: null,
  };
  if (text.length < MIN_SEARCH_LENGTH) return plan;
  const oneWord = !/\s/.test(text);
  if (oneWord) plan.reference = text.toUpperCase();
  if (LETTER.test(text)) {
    const words = fold(text).split(' ').filter(Boolean);
    if (words.length > 0) {
      plan.nameWords = words;
      plan.names = [words.join(' ')];
      if (words.length > 1) plan.names.push([words.at(-1)!, ...words.slice(0, -1)].join(' '));
    }
  }
  plan.phones = phonePrefixes(text);
  if (oneWord && /^[a-z0-9._%+'-]+(@[a-z0-9.-]*)?$/i.test(text) && /[a-z]/i.test(text)) {
    plan.email = text.toLowerCase();
  }
  const compact = text.replace(/\s/g, '').toUpperCase();
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(compact)) plan.iban = compact;
  if (/^\d{2,5}$/.test(text)) plan.postalCode = text;
  return plan;
}

/** The kinds a plan searches. */
export function plannedKinds(plan: SearchPlan): SearchKind[] {
  const present: Record<SearchKind, boolean> = {
    reference: plan.reference !== null,
    name: plan.names.length > 0,
    phone: plan.phones.length > 0,
    email: plan.email !== null,
    iban: plan.iban !== null,
    postalCode: plan.postalCode !== null,
  };
  return SEARCH_KINDS.filter((kind) => present[kind]);
}

/** The smallest string above every string that starts with `prefix` (in code point order): the range's end. */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) throw new Error('an empty prefix has no upper bound');
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

export interface Highlight {
  start: number;
  end: number;
}

/** The range of `value` (by UTF-16 index) matching `prefix` at its start, compared as `normalise` gives both. */
export function prefixHighlight(value: string, prefix: string, normalise: (c: string) => string): Highlight[] {
  let folded = '';
  for (let i = 0; i < value.length; i += 1) {
    folded += normalise(value[i]!);
    if (folded.length >= prefix.length) return folded.startsWith(prefix) ? [{ start: 0, end: i + 1 }] : [];
  }
  return [];
}

/**
 * The ranges of a name that the typed words match: each word of the name that starts with one of them, accents and
 * case aside ("Hélène DUPONT" typed "dup hel" → "DUP" and "Hél").
 */
export function wordHighlights(value: string, words: readonly string[]): Highlight[] {
  const ranges: Highlight[] = [];
  const used = new Set<number>();
  const starts = Array.from({ length: value.length }, (_, i) => i).filter(
    (i) => i === 0 || /[\s'’-]/.test(value[i - 1]!),
  );
  for (const start of starts) {
    const rest = value.slice(start);
    const index = words.findIndex((word, w) => !used.has(w) && prefixHighlight(rest, word, foldChar).length > 0);
    if (index < 0) continue;
    used.add(index);
    const [range] = prefixHighlight(rest, words[index]!, foldChar);
    ranges.push({ start, end: start + range!.end });
  }
  return ranges;
}
