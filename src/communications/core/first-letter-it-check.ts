/**
 * The Italian first letter's rules and its checker (REGULATION.md §3, §4, §9, §13): which mentions a case's letter
 * must carry (the constant ones, and those its regime calls for: a transfer, a bank credit serviced, a banking
 * claim), the words it must never write, and `checkItalianLetter`, which reads the very texts the PDF prints. Pure.
 */
import { formatEuros } from '../../platform/money.js';
import {
  demandOf,
  L111_8_PARAGRAPHS,
  type FirstLetterRefusal,
  type Itemisation,
  type LetterFactsWithAddress,
  type PaymentWay,
} from './first-letter.js';
import type { ClaimBasis } from './first-letter.js';

/** What an Italian first letter may have to carry; `requiredItalianMentions` says which a case's letter must. */
export const ITALIAN_MENTIONS = [
  'agency',
  'creditor',
  'holder_and_servicer',
  'amount',
  'payment',
  'reference',
  'dispute',
  'complaint',
  'bank_of_italy',
  'abf',
  'privacy',
] as const;
export type ItalianMention = (typeof ITALIAN_MENTIONS)[number];

/** The creditor sectors that are banks or financial intermediaries (TUB 128-bis: the ABF's parties). */
const FINANCIAL_SECTORS: ReadonlySet<string> = new Set(['bank', 'consumer_credit']);
/** The contracts that are bank or financial credit agreements (Directive 2021/2167's scope). */
const FINANCIAL_CONTRACTS: ReadonlySet<string> = new Set(['consumer_credit', 'overdraft']);

/** Banca d'Italia, to which a debtor complains about a credit servicer (TUB 114.14, D.Lgs. 116/2024). */
export const BANK_OF_ITALY = {
  name: 'Banca d’Italia',
  address: 'Via Nazionale 91, 00184 Roma',
  website: 'www.bancaditalia.it',
} as const;

export interface ItalianLetterFacts extends LetterFactsWithAddress {
  /** The creditor's sector (a bank or a financial intermediary is a party before the ABF). */
  creditorSector: string;
  /** A purchased mandate: the agency bought the claims from the creditor, and holds them. */
  mandateKind: 'collection' | 'purchased';
  /** The agency's time to answer a complaint, in force on the letter's day (complaint_deadline_rules); null: none. */
  complaintAnswer: { months: number; days: number } | null;
  /** The mediator the directory names for the creditor in Italy on the letter's day (the ABF); null: none. */
  mediator: { name: string; address: string; website: string | null } | null;
}

/** Who holds the claims and who services them; `transferred` when they are no longer the original lender's. */
export interface Holding {
  transferred: boolean;
  holder: string;
  servicer: string;
  /** Who the claims were transferred from: the original creditors named, and the seller of a purchased portfolio. */
  transferredFrom: string[];
}

/** When each conditional mention applies: a transfer, a bank credit serviced after one, a banking claim. */
export interface ItalianRegime {
  holding: Holding;
  /** A bank or financial credit serviced for (or bought by) another than its lender: the Banca d'Italia hears complaints. */
  servicedBankCredit: boolean;
  /** A banking or financial claim: the ABF may hear the dispute. */
  financial: boolean;
}

export interface LetterBlock {
  /** The mention the block carries; null for the greeting and the closing. */
  mention: ItalianMention | null;
  heading: string | null;
  lines: string[];
  /** The amount's table: a header row, then a row per claim and component, then the totals. */
  table?: { header: string[]; rows: string[][]; totals: string[][] };
}

export interface ItalianFirstLetter {
  law: 'IT';
  /** What shows through the envelope's window: the agency's neutral name as sender, then the debtor's address. */
  window: { sender: string; recipient: string[] };
  agency: { name: string; address: string[]; phone: string };
  letterReference: string;
  caseReference: string;
  sentOn: string;
  /** The heading lines under the window: date, references, subject. */
  heading: { date: string; references: string[]; subject: string };
  claims: ClaimBasis[];
  itemisation: Itemisation;
  paymentWays: PaymentWay[];
  regime: ItalianRegime;
  blocks: LetterBlock[];
}

/** Words that imitate a court's or an official act (Garante 2005; C. pénal 433-13 for France's own). */
export const JUDICIAL_WORDS = [
  'atto giudiziario',
  'atti giudiziari',
  'ufficiale giudiziario',
  'tribunale',
  'giudice',
  'precetto',
  'decreto ingiuntivo',
  'ingiunzione',
  'pignoramento',
  'esecuzione forzata',
  'titolo esecutivo',
  'sentenza',
  'citazione',
  'intimazione',
  'diffida',
  'ultimo avviso',
  'repubblica italiana',
  'in nome del popolo italiano',
  'procura della repubblica',
] as const;

/** Words that must not show through the envelope's window: nothing says the letter is about a debt. */
export const WINDOW_WORDS = [
  'recupero crediti',
  'recupero',
  'crediti',
  'credito',
  'debito',
  'debitore',
  'insoluto',
  'sollecito',
  'contenzioso',
  'pagamento',
  'morosita',
  'legale',
] as const;

export type ItalianLetterFinding =
  | { code: 'mention_missing'; mention: ItalianMention }
  | { code: 'judicial_wording'; word: string }
  | { code: 'window_discloses'; word: string }
  | { code: 'window_not_neutral' }
  | { code: 'french_text' };

export type ItalianLetterRefusal =
  FirstLetterRefusal | { code: 'communications.first_letter_incomplete'; findings: ItalianLetterFinding[] };

const LONG_DATE = new Intl.DateTimeFormat('it-IT', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const SHORT_DATE = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
/** "4 dicembre 2026". */
export const italianLongDate = (iso: string) => LONG_DATE.format(utc(iso));
/** "01/03/2026". */
export const italianShortDate = (iso: string) => SHORT_DATE.format(utc(iso));

export const euros = (cents: number) => formatEuros('it', cents);

const unique = (names: readonly string[]) => [...new Set(names.map((name) => name.trim()).filter((n) => n !== ''))];

/** Who holds and services the claims, and which conditional mentions the letter must carry. */
export function italianRegime(facts: ItalianLetterFacts): ItalianRegime {
  const originals = unique(facts.claims.map((claim) => claim.originalCreditor ?? ''));
  const purchased = facts.mandateKind === 'purchased';
  const holding: Holding = purchased
    ? {
        transferred: true,
        holder: facts.agency.name,
        servicer: facts.agency.name,
        transferredFrom: unique([facts.creditor.legalName, ...originals]),
      }
    : {
        transferred: originals.length > 0,
        holder: facts.creditor.legalName,
        servicer: facts.agency.name,
        transferredFrom: originals,
      };
  const financial =
    FINANCIAL_SECTORS.has(facts.creditorSector) ||
    facts.claims.some((claim) => FINANCIAL_CONTRACTS.has(claim.contractType));
  return { holding, servicedBankCredit: holding.transferred && financial, financial };
}

/** The mentions a case's Italian letter must carry: the constant ones, and those its regime calls for. */
export function requiredItalianMentions(regime: ItalianRegime): ItalianMention[] {
  return ITALIAN_MENTIONS.filter((mention) => {
    if (mention === 'holder_and_servicer') return regime.holding.transferred;
    if (mention === 'bank_of_italy') return regime.servicedBankCredit;
    if (mention === 'abf') return regime.financial;
    return true;
  });
}

export const answerTime = ({ months, days }: { months: number; days: number }) =>
  [months > 0 ? `${months} ${months === 1 ? 'mese' : 'mesi'}` : '', days > 0 ? `${days} giorni` : '']
    .filter((part) => part !== '')
    .join(' e ');

/** Lower case, accents off, white space folded: words compare as a reader reads them. */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');

const hasWord = (text: string, word: string) =>
  new RegExp(`(^|[^a-z0-9])${plain(word).replace(/ /g, '\\s+')}($|[^a-z0-9])`).test(plain(text));

/** The texts a block prints: its heading, its lines, its table's cells. */
const blockTexts = (block: LetterBlock): string[] => [
  block.heading ?? '',
  ...block.lines,
  ...(block.table ? [block.table.header, ...block.table.rows, ...block.table.totals].flat() : []),
];

/** Every text the letter prints, the window's and the heading's included. */
export function letterTexts(letter: ItalianFirstLetter): string[] {
  return [
    letter.window.sender,
    ...letter.window.recipient,
    letter.agency.name,
    ...letter.agency.address,
    letter.agency.phone,
    letter.heading.date,
    ...letter.heading.references,
    letter.heading.subject,
    ...letter.blocks.flatMap(blockTexts),
  ];
}

/** What a mention's block must contain, from the facts: a block tagged with it that says less is missing. */
function mentionContent(mention: ItalianMention, facts: ItalianLetterFacts, regime: ItalianRegime): string[] {
  const { agency, creditor } = facts;
  const itemised = demandOf(facts);
  switch (mention) {
    case 'agency':
      return [agency.name, ...agency.address.lines, agency.phone];
    case 'creditor':
      return [creditor.legalName, ...creditor.address.lines];
    case 'holder_and_servicer':
      return [regime.holding.holder, regime.holding.servicer, ...regime.holding.transferredFrom, agency.phone];
    case 'amount':
      return [
        ...facts.claims.map((claim) => claim.reference),
        'Totale capitale',
        'Totale interessi',
        'Totale spese e oneri',
        itemised.ok ? euros(itemised.itemisation.amountDemandedCents) : '',
      ];
    case 'payment':
      return [facts.caseReference, agency.phone, ...(agency.account ? [agency.account.iban] : [])];
    case 'reference':
      return [facts.letterReference, italianLongDate(facts.sentOn)];
    case 'dispute':
      return [agency.phone, ...agency.address.lines];
    case 'complaint':
      return [
        'reclamo',
        ...agency.address.lines,
        ...(facts.complaintAnswer ? [answerTime(facts.complaintAnswer)] : []),
      ];
    case 'bank_of_italy':
      return [BANK_OF_ITALY.name, 'esposto'];
    case 'abf':
      return facts.mediator ? [facts.mediator.name, facts.mediator.address] : [];
    case 'privacy':
      return ['codice fiscale', 'recapiti telefonici'];
  }
}

/**
 * What an Italian letter lacks or shows that it must not, checked on the texts it prints: each mandatory mention
 * (`requiredItalianMentions`, from the facts) in a block of its own that names what it must; no word imitating a
 * judicial act anywhere; in the window only the agency's name, free of any word of debt, then the debtor's address;
 * no French L111-8 text. Empty: the letter may go out.
 */
export function checkItalianLetter(letter: ItalianFirstLetter, facts: ItalianLetterFacts): ItalianLetterFinding[] {
  const findings: ItalianLetterFinding[] = [];
  const regime = italianRegime(facts);
  for (const mention of requiredItalianMentions(regime)) {
    const content = mentionContent(mention, facts, regime);
    const carried = letter.blocks.some((block) => {
      if (block.mention !== mention) return false;
      const text = plain(blockTexts(block).join('\n'));
      return content.every((expected) => text.includes(plain(expected)));
    });
    if (!carried) findings.push({ code: 'mention_missing', mention });
  }
  const texts = letterTexts(letter);
  for (const word of JUDICIAL_WORDS)
    if (texts.some((text) => hasWord(text, word))) findings.push({ code: 'judicial_wording', word });
  for (const word of [...WINDOW_WORDS, ...JUDICIAL_WORDS])
    if (hasWord(letter.window.sender, word)) findings.push({ code: 'window_discloses', word });
  const expectedRecipient = [facts.debtor.name, ...(facts.debtor.address?.lines ?? [])];
  if (
    letter.window.sender !== facts.agency.name ||
    letter.window.recipient.length !== expectedRecipient.length ||
    letter.window.recipient.some((line, index) => line !== expectedRecipient[index])
  )
    findings.push({ code: 'window_not_neutral' });
  const all = plain(texts.join('\n'));
  if (L111_8_PARAGRAPHS.some((paragraph) => all.includes(plain(paragraph).slice(0, 60))))
    findings.push({ code: 'french_text' });
  return findings;
}
