import { JUDICIAL_WORDS } from './first-letter-it-check.js';

/**
 * What a letter's template may not say in its own words. No word that imitates a court's or an official act
 * (C. pénal 433-13 2° in France, Garante 2005 in Italy): the letter is an amicable agency's. And no amount written by
 * hand: the amounts a letter names come from the case (`balance`, `itemisedAmount`), so a fee or a figure nobody owes
 * cannot slip into it (no collection fee at the amicable stage, L111-8).
 */

/** French and English words of a court, a bailiff or an enforcement; the Italian list is the first letter's. */
const FRENCH_AND_ENGLISH = [
  'huissier',
  'commissaire de justice',
  'tribunal',
  'juge',
  'jugement',
  'saisie',
  'saisie-attribution',
  'avant saisie',
  'mise en demeure',
  'sommation',
  'commandement de payer',
  'injonction de payer',
  'assignation',
  'exécution forcée',
  'titre exécutoire',
  'contentieux',
  'poursuites',
  'dernier avis',
  'ultime relance',
  'république française',
  'bailiff',
  'court',
  'judge',
  'judgment',
  'seizure',
  'summons',
  'writ',
  'enforcement',
  'final notice',
  'legal action',
] as const;

export const LETTER_JUDICIAL_WORDS: readonly string[] = [...FRENCH_AND_ENGLISH, ...JUDICIAL_WORDS];

/** Lower case, accents off, apostrophes and white space folded: words compare as a reader reads them. */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');

const WORD_PATTERNS = LETTER_JUDICIAL_WORDS.map((word) => ({
  word,
  pattern: new RegExp(`(^|[^a-z0-9])${plain(word).replace(/ /g, '\\s+')}($|[^a-z0-9])`),
}));

/** An amount written with its currency: digits beside €, EUR, euro(s), $ or £. */
const AMOUNT = /(\d[\d\s.,]*\s?(€|eur\b|euros?\b|\$|£))|((€|\$|£)\s?\d)/giu;

export type LetterWordingFinding =
  | { code: 'template.judicial_wording'; severity: 'error'; text: string }
  | { code: 'template.literal_amount'; severity: 'error'; text: string };

/** The judicial words and the hand-written amounts in a letter template's own text (its variables left out). */
export function letterWordingFindings(literal: string): LetterWordingFinding[] {
  const text = plain(literal);
  const findings: LetterWordingFinding[] = WORD_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(
    ({ word }) => ({ code: 'template.judicial_wording', severity: 'error', text: word }),
  );
  for (const match of literal.matchAll(AMOUNT))
    findings.push({ code: 'template.literal_amount', severity: 'error', text: match[0].trim() });
  return findings;
}
