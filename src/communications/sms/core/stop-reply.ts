/**
 * Whether a debtor's reply to an SMS asks for no more SMS (REGULATION.md §13: a free and simple opt-out). The reply
 * must be the request and nothing else: a keyword in French, English or Italian, optionally with what it stops ("sms",
 * "messages"), the short code the opt-out is often written with ("STOP 36180", "STOP au 36180") and a word of
 * politeness. Case, accents, punctuation and spaces do not matter ("Stop.", " arrêt ! ", "STOP SMS").
 *
 * A sentence that merely uses the word ("I will stop by tomorrow", "non-stop", "stopper le prélèvement") is not a
 * request to stop SMS: a person reads it. So is "non grazie" or "no thanks": they refuse an offer, they do not ask for
 * the channel to close, and closing it on a guess would silence the debtor's own channel of choice.
 */

const KEYWORDS = [
  // English
  'stop',
  'stopall',
  'stop all',
  'unsubscribe',
  'opt out',
  'optout',
  // French
  'arret',
  'arrete',
  'arreter',
  'arretez',
  'desabonner',
  'desabonnement',
  'desinscription',
  'desinscrire',
  'me desinscrire',
  // Italian
  'basta',
  'cancella',
  'cancellami',
  'disiscrivi',
  'disiscrivimi',
  'disiscrizione',
];

/** What the keyword may stop. */
const OBJECTS = [
  'sms',
  'les sms',
  'messages',
  'les messages',
  'msg',
  'texto',
  'textos',
  'texts',
  'messaggi',
  'i messaggi',
  'tout',
  'all',
  'tutto',
];

const POLITENESS = [
  'merci',
  'svp',
  'stp',
  's il vous plait',
  's il te plait',
  'please',
  'thanks',
  'thank you',
  'per favore',
  'grazie',
];

const alternatives = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

const POLITE = `(?:(?:${alternatives(POLITENESS)}) )?`;
const STOP_PATTERN = new RegExp(
  `^${POLITE}(?:${alternatives(KEYWORDS)})(?: (?:${alternatives(OBJECTS)}))?(?: (?:au |al |to )?\\d{3,8})?(?: (?:${alternatives(POLITENESS)}))?$`,
);

/** Lower case, accents removed, every run of non-letters and non-digits one space, trimmed. */
export function normaliseReply(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function isStopReply(text: string): boolean {
  return STOP_PATTERN.test(normaliseReply(text));
}

/** The keywords, for the documentation and the tests. */
export const STOP_KEYWORDS: readonly string[] = KEYWORDS;
