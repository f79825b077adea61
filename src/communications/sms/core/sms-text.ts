/**
 * What an SMS text is made of on the air, and what it must never say where anyone can read it.
 *
 * Encoding and segments (3GPP TS 23.038 and 23.040): a text whose every character is in the GSM 7-bit default
 * alphabet, or its extension table (`^{}\[~]|€` and form feed, each sent as an escape and the character: two septets),
 * travels as GSM 7-bit, 160 septets in one SMS, 153 a part once it is split (the concatenation header takes the
 * rest); any other text travels as UCS-2 (UTF-16 code units), 70 in one SMS, 67 a part. A part never ends between an
 * escape and its character, nor between the two halves of a surrogate pair.
 *
 * The lock screen (REGULATION.md §13): an SMS shows on a locked phone, to whoever holds it. It may name the agency,
 * a reference and invite a call; it never shows an amount or a word that tells of a debt. `lockScreenFindings`
 * lists what breaks that rule; the creditor's name is the caller's to check (it knows the case).
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: the character and the septet that follows the escape (0x1B). */
const GSM_EXTENSION: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

const GSM_SEPTET: ReadonlyMap<string, number> = new Map([...GSM_BASIC].map((char, septet) => [char, septet]));

export type SmsEncoding = 'gsm7' | 'ucs2';

/** Septets (GSM 7-bit) or UTF-16 code units (UCS-2) per SMS: alone, and as a part of a split text. */
export const SEGMENT_LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

/** Whether the character is in the GSM 7-bit alphabet (basic or extension). The escape itself is not text. */
function isGsmChar(char: string): boolean {
  return char !== '\x1b' && (GSM_SEPTET.has(char) || GSM_EXTENSION.has(char));
}

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!isGsmChar(char)) return 'ucs2';
  return 'gsm7';
}

/** One character's length on the air: septets in GSM 7-bit (2 for the extension), code units in UCS-2. */
function unitLength(char: string, encoding: SmsEncoding): number {
  if (encoding === 'ucs2') return char.length;
  return GSM_EXTENSION.has(char) ? 2 : 1;
}

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets or UTF-16 code units of the whole text. */
  units: number;
  segments: number;
}

/** How the text travels and how many SMS it takes (the operator bills each). An empty text is one SMS. */
export function smsSize(text: string): SmsSize {
  const encoding = smsEncoding(text);
  let units = 0;
  for (const char of text) units += unitLength(char, encoding);
  return { encoding, units, segments: splitSms(text).length };
}

/**
 * The text cut into the parts sent one by one: the whole text when it fits one SMS, otherwise parts of at most 153
 * septets or 67 code units, cut between characters (never inside an escape or a surrogate pair).
 */
export function splitSms(text: string): string[] {
  const encoding = smsEncoding(text);
  const limits = SEGMENT_LIMITS[encoding];
  const chars = [...text];
  const total = chars.reduce((sum, char) => sum + unitLength(char, encoding), 0);
  if (total <= limits.single) return [text];
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const char of chars) {
    const length = unitLength(char, encoding);
    if (used + length > limits.part) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += length;
  }
  parts.push(current);
  return parts;
}

/**
 * The text in the GSM 7-bit default alphabet, one septet an octet (SMPP's data_coding 0 carries them unpacked); an
 * extension character is the escape then its septet. Null when a character is not in the alphabet.
 */
export function gsmSeptets(text: string): Uint8Array | null {
  const septets: number[] = [];
  for (const char of text) {
    const basic = char === '\x1b' ? undefined : GSM_SEPTET.get(char);
    const extension = GSM_EXTENSION.get(char);
    if (basic !== undefined) septets.push(basic);
    else if (extension !== undefined) septets.push(0x1b, extension);
    else return null;
  }
  return Uint8Array.from(septets);
}

/** The inverse of `gsmSeptets` (an unknown septet reads as a space, as handsets show it). */
export function fromGsmSeptets(septets: Uint8Array): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i]!;
    if (septet === 0x1b && i + 1 < septets.length) {
      const next = septets[++i]!;
      const extension = [...GSM_EXTENSION].find(([, value]) => value === next);
      text += extension ? extension[0] : ' ';
    } else {
      text += GSM_BASIC[septet] ?? ' ';
    }
  }
  return text;
}

/** The text in UCS-2 (UTF-16, big-endian), as SMPP's data_coding 8 carries it. */
export function ucs2Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i] = unit >> 8;
    bytes[2 * i + 1] = unit & 0xff;
  }
  return bytes;
}

export interface EncodedSms {
  /** SMPP's data_coding: 0 for the GSM 7-bit default alphabet, 8 for UCS-2. */
  dataCoding: 0 | 8;
  /** The parts' bytes, one a submit_sm, without the concatenation header. */
  parts: Uint8Array[];
}

/** The text as it is submitted: its coding and its parts' bytes. */
export function encodeSms(text: string): EncodedSms {
  const gsm = smsEncoding(text) === 'gsm7';
  return {
    dataCoding: gsm ? 0 : 8,
    parts: splitSms(text).map((part) => (gsm ? gsmSeptets(part)! : ucs2Bytes(part))),
  };
}

export type LockScreenFinding =
  { kind: 'amount'; index: number; excerpt: string } | { kind: 'word'; word: DebtWord; index: number; excerpt: string };

/**
 * Words that tell a reader of the lock screen that the recipient owes money, in French, English and Italian, as
 * patterns over the folded text (lower case, no accents): the word and its plural or feminine forms, whole words only.
 * The one list of them: an SMS, an e-mail's subject and first line (`core/message-templates.ts`,
 * `email/core/subject.ts`) are all checked by `lockScreenFindings`.
 */
const DEBT_WORDS = {
  dette: 'dettes?',
  debt: 'debts?',
  debito: 'debit[oi]',
  debiteur: 'debit(?:eur|rice)s?',
  debtor: 'debtors?',
  debitore: 'debitor[ei]',
  creance: 'creances?',
  creancier: 'creanci(?:er|ere)s?',
  creditor: 'creditors?',
  creditore: 'creditor[ei]',
  recouvrement: 'recouvrements?',
  recovery: 'recovery',
  recupero: 'recuper[oi]',
  impaye: 'impaye(?:e|s|es)?',
  unpaid: 'unpaid',
  arrears: 'arrears',
  overdue: 'overdue',
  arretrato: 'arretrat[oi]',
  insoluto: 'insolut[oiae]',
  morosita: 'morosita',
  contentieux: 'contentieux',
  contenzioso: 'contenzios[oi]',
  huissier: 'huissiers?',
  commissaire_de_justice: 'commissaires? de justice',
  bailiff: 'bailiffs?',
  ufficiale_giudiziario: 'ufficial[ei] giudiziari?o?',
  saisie: 'saisies?',
  pignoramento: 'pignorament[oi]',
  mise_en_demeure: 'mises? en demeure',
} as const;

export type DebtWord = keyof typeof DEBT_WORDS;

const WORD_PATTERN = new RegExp(
  `(?<![a-z0-9])(?:${Object.entries(DEBT_WORDS)
    .map(([word, pattern]) => `(?<${word}>${pattern.replace(/ /g, '\\s+')})`)
    .join('|')})(?![a-z0-9])`,
  'g',
);

/**
 * An amount: a number beside a currency (`12 €`, `€12`, `12,50 EUR`, `EUR 12`, `12 euros`, `$12`), or a number with
 * cents (`12,50`, `1 234.56`) that is not part of a date or a longer figure (`04.12.2026`).
 */
const NUMBER = String.raw`\d+(?:[ \u00a0\u202f.,]\d{3})*(?:[.,]\d{1,2})?`;
const CURRENCY = String.raw`(?:€|eur|euros?|\$|usd|£|gbp|chf|k€)`;
const AMOUNT_PATTERN = new RegExp(
  [
    String.raw`(?<![a-z0-9])${CURRENCY}\s?${NUMBER}`,
    String.raw`${NUMBER}\s?${CURRENCY}(?![a-z])`,
    String.raw`(?<![\d.,/-])\d+(?:[ \u00a0\u202f.]\d{3})*[.,]\d{2}(?![\d.,/])`,
  ].join('|'),
  'g',
);

/**
 * The text folded one code unit for one (lower case, accents removed), so an index in it is an index in the text.
 */
function foldInPlace(text: string): string {
  let folded = '';
  for (const unit of text.split('')) {
    const base = unit.normalize('NFD').charAt(0).toLowerCase();
    folded += base.length === 1 ? base : unit;
  }
  return folded;
}

/** What the text would disclose on a lock screen: each amount and each word of debt, in order of appearance. */
export function lockScreenFindings(text: string): LockScreenFinding[] {
  const folded = foldInPlace(text);
  const findings: LockScreenFinding[] = [];
  for (const match of folded.matchAll(WORD_PATTERN)) {
    const word = Object.keys(DEBT_WORDS).find((key) => match.groups?.[key] !== undefined) as DebtWord;
    findings.push({
      kind: 'word',
      word,
      index: match.index,
      excerpt: text.slice(match.index, match.index + match[0].length),
    });
  }
  for (const match of folded.matchAll(AMOUNT_PATTERN)) {
    findings.push({
      kind: 'amount',
      index: match.index,
      excerpt: text.slice(match.index, match.index + match[0].length),
    });
  }
  return findings.sort((a, b) => a.index - b.index);
}

export const DEBT_WORD_NAMES = Object.keys(DEBT_WORDS) as DebtWord[];
