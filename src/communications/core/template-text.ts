import { lockScreenFindings, smsSize } from '../sms/core/sms-text.js';
import { letterWordingFindings } from './letter-wording.js';

/**
 * A message template as compliance writes it: plain text with `{{variable}}` slots from a closed, typed list, and
 * nothing else (no expressions, no conditions, no formatting code), so that what is reviewed is what is sent. One
 * checker says what a text lacks or shows that it must not: the mentions its purpose requires (the agency, the case's
 * and the first letter's references, the free opt-out, the amount of a statement) and what a third party could read on
 * a lock screen (REGULATION.md §13). A text with an error cannot be submitted or published.
 */

export type MessageChannel = 'email' | 'sms';
/** The channels a template is written for: the messages', and the letter by post (a reminder after the first letter). */
export type TemplateChannel = MessageChannel | 'letter';
export type MessageLanguage = 'fr' | 'en' | 'it';
export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['fr', 'en', 'it'];

export const MESSAGE_TEMPLATES = ['reminder', 'call_us', 'balance_statement', 'satisfaction_survey'] as const;
export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];

/** The templates a person or a campaign sends; the satisfaction survey goes out only with its own link, from its job. */
export const SENDABLE_TEMPLATES = [
  'reminder',
  'call_us',
  'balance_statement',
] as const satisfies readonly MessageTemplate[];
export type SendableTemplate = (typeof SENDABLE_TEMPLATES)[number];

/** Which channels each template exists on: a statement of what is owed is never an SMS. */
export const TEMPLATE_CHANNELS: Record<MessageTemplate, readonly TemplateChannel[]> = {
  reminder: ['email', 'sms', 'letter'],
  call_us: ['email', 'sms'],
  balance_statement: ['email'],
  satisfaction_survey: ['email', 'sms'],
};

/** The channels of a template that carry messages (e-mail, SMS): the letter is composed by reminder-letter.ts. */
export const messageChannels = (template: MessageTemplate): MessageChannel[] =>
  TEMPLATE_CHANNELS[template].filter((channel): channel is MessageChannel => channel !== 'letter');

/** One template on one channel in one language: what a version is of. */
export interface TemplateSlot {
  template: MessageTemplate;
  channel: TemplateChannel;
  language: MessageLanguage;
}

export const SLOTS: readonly TemplateSlot[] = MESSAGE_TEMPLATES.flatMap((template) =>
  TEMPLATE_CHANNELS[template].flatMap((channel) =>
    MESSAGE_LANGUAGES.map((language) => ({ template, channel, language })),
  ),
);

/** The text of a template: an e-mail's subject (null for an SMS and a letter) and body. */
export interface TemplateText {
  subject: string | null;
  body: string;
}

/** The values a message is rendered from: nothing else reaches a message. */
export interface MessageVariables {
  /** The debtor as addressed: "Marie DUPONT", or the company's name. */
  debtorName: string;
  caseReference: string;
  firstLetter: { reference: string; sentOn: string };
  agencyName: string;
  agencyPhone: string;
  /** What is still owed on the case, in cents. */
  balanceCents: number;
  /** The e-mail's one-click opt-out link; null where the agency has no public address. */
  unsubscribeUrl?: string | null;
  /** The single-use link of a satisfaction survey (src/satisfaction/); null in every other message. */
  surveyUrl?: string | null;
  /** A letter's blocks, composed from the case's facts (reminder-letter.ts); absent from every message. */
  letter?: LetterBlocks | null;
}

/** What only a letter carries, each a block of lines written by construction in the letter's language. */
export interface LetterBlocks {
  /** The amount due itemised per claim as principal, interest and other accessories, never a collection fee. */
  itemisedAmount: string;
  /** The ways to pay, each naming the case's reference. */
  paymentWays: string;
  /** How to dispute the amount or say it was paid: in writing to the agency's address, or by phone. */
  howToDispute: string;
}

export type VariableKind = 'text' | 'reference' | 'date' | 'phone' | 'money' | 'url' | 'block';

export interface VariableSpec {
  kind: VariableKind;
  /** The channels it may appear on: an SMS names no one and no amount. */
  channels: readonly TemplateChannel[];
  /** Whether it may appear in an e-mail's subject, which a notification shows to whoever holds the phone. */
  inSubject: boolean;
}

/** The documented list of variables (docs/communications.md), each of a known kind. */
export const TEMPLATE_VARIABLES = {
  debtorName: { kind: 'text', channels: ['email', 'letter'], inSubject: false },
  caseReference: { kind: 'reference', channels: ['email', 'sms', 'letter'], inSubject: true },
  firstLetterReference: { kind: 'reference', channels: ['email', 'sms', 'letter'], inSubject: true },
  firstLetterDate: { kind: 'date', channels: ['email', 'sms', 'letter'], inSubject: false },
  agencyName: { kind: 'text', channels: ['email', 'sms', 'letter'], inSubject: true },
  agencyPhone: { kind: 'phone', channels: ['email', 'sms', 'letter'], inSubject: true },
  balance: { kind: 'money', channels: ['email', 'letter'], inSubject: false },
  unsubscribeUrl: { kind: 'url', channels: ['email'], inSubject: false },
  surveyUrl: { kind: 'url', channels: ['email', 'sms'], inSubject: false },
  itemisedAmount: { kind: 'block', channels: ['letter'], inSubject: false },
  paymentWays: { kind: 'block', channels: ['letter'], inSubject: false },
  howToDispute: { kind: 'block', channels: ['letter'], inSubject: false },
} as const satisfies Record<string, VariableSpec>;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export const VARIABLE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];

const isVariable = (name: string): name is TemplateVariable => Object.hasOwn(TEMPLATE_VARIABLES, name);

type Token = { kind: 'text'; text: string } | { kind: 'variable'; name: TemplateVariable };

export type Finding =
  | { code: 'template.syntax'; severity: 'error'; part: 'subject' | 'body'; at: number }
  | { code: 'template.expression'; severity: 'error'; part: 'subject' | 'body'; text: string }
  | { code: 'template.unknown_variable'; severity: 'error'; part: 'subject' | 'body'; variable: string }
  | { code: 'template.variable_not_on_channel'; severity: 'error'; variable: TemplateVariable }
  | { code: 'template.variable_not_in_subject'; severity: 'error'; variable: TemplateVariable }
  | { code: 'template.subject_missing'; severity: 'error' }
  | { code: 'template.body_missing'; severity: 'error' }
  | { code: 'template.mention_missing'; severity: 'error'; mention: Mention }
  | { code: 'template.discloses'; severity: 'error'; what: 'amount' | 'debt_word' | 'creditor'; text: string }
  | { code: 'template.judicial_wording'; severity: 'error'; text: string }
  | { code: 'template.literal_amount'; severity: 'error'; text: string }
  | { code: 'template.sms_long'; severity: 'warning'; parts: number };

export type FindingCode = Finding['code'];

/**
 * The mentions a template must carry: the agency (who writes), the case's reference, the first letter's reference
 * (every step after it cites it, R124-4), its date in an e-mail, the free opt-out (a one-click link in an e-mail,
 * STOP in an SMS: CNIL's standard, REGULATION.md §13), and the amount in a statement of what is owed.
 */
export type Mention =
  | 'agency'
  | 'case_reference'
  | 'first_letter_reference'
  | 'first_letter_date'
  | 'opt_out_link'
  | 'opt_out_stop'
  | 'balance'
  | 'survey_link'
  | 'itemised_amount'
  | 'payment_ways'
  | 'how_to_dispute';

/**
 * A letter by post cites the first letter's reference and date like an e-mail, and says what a debtor needs to act on
 * it: the amount itemised (no collection fee), the ways to pay and how to dispute; it has no opt-out of its own.
 */
export function requiredMentions(slot: TemplateSlot): Mention[] {
  const mentions: Mention[] = ['agency', 'case_reference', 'first_letter_reference'];
  if (slot.channel === 'letter')
    mentions.push('first_letter_date', 'itemised_amount', 'payment_ways', 'how_to_dispute');
  else if (slot.channel === 'email') mentions.push('first_letter_date', 'opt_out_link');
  else mentions.push('opt_out_stop');
  if (slot.template === 'balance_statement') mentions.push('balance');
  if (slot.template === 'satisfaction_survey') mentions.push('survey_link');
  return mentions;
}

const MENTION_VARIABLES: Record<Exclude<Mention, 'opt_out_stop'>, TemplateVariable> = {
  agency: 'agencyName',
  case_reference: 'caseReference',
  first_letter_reference: 'firstLetterReference',
  first_letter_date: 'firstLetterDate',
  opt_out_link: 'unsubscribeUrl',
  balance: 'balance',
  survey_link: 'surveyUrl',
  itemised_amount: 'itemisedAmount',
  payment_ways: 'paymentWays',
  how_to_dispute: 'howToDispute',
};

/** The STOP keyword as an SMS must show it: a word of its own, in capitals. */
const STOP_WORD = /(^|[^\p{L}])STOP([^\p{L}]|$)/u;

type Parsed = { ok: true; tokens: Token[] } | { ok: false; finding: Finding };

/** Reads a text into literal runs and variables; `{{` opens a variable that `}}` must close on the same line. */
export function parseTemplateText(text: string, part: 'subject' | 'body' = 'body'): Parsed {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open < 0) {
      tokens.push({ kind: 'text', text: text.slice(at) });
      break;
    }
    if (open > at) tokens.push({ kind: 'text', text: text.slice(at, open) });
    const close = text.indexOf('}}', open + 2);
    const newline = text.indexOf('\n', open + 2);
    if (close < 0 || (newline >= 0 && newline < close))
      return { ok: false, finding: { code: 'template.syntax', severity: 'error', part, at: open } };
    const inner = text.slice(open + 2, close).trim();
    if (!/^[A-Za-z]+$/.test(inner))
      return { ok: false, finding: { code: 'template.expression', severity: 'error', part, text: inner.slice(0, 60) } };
    if (!isVariable(inner))
      return { ok: false, finding: { code: 'template.unknown_variable', severity: 'error', part, variable: inner } };
    tokens.push({ kind: 'variable', name: inner });
    at = close + 2;
  }
  return { ok: true, tokens };
}

/** A calendar date as the three languages write it by hand: day, month, year. */
export const handDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');

/** Euros from integer cents without floating point: "1 234,56 €" (fr, it) or "€1,234.56" (en). */
export function euros(language: MessageLanguage, cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const units = String(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  const group = language === 'en' ? ',' : language === 'fr' ? ' ' : '.';
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return language === 'en' ? `${sign}€${grouped}.${fraction}` : `${sign}${grouped},${fraction} €`;
}

function valueOf(name: TemplateVariable, language: MessageLanguage, v: MessageVariables): string {
  switch (name) {
    case 'debtorName':
      return v.debtorName;
    case 'caseReference':
      return v.caseReference;
    case 'firstLetterReference':
      return v.firstLetter.reference;
    case 'firstLetterDate':
      return handDate(v.firstLetter.sentOn);
    case 'agencyName':
      return v.agencyName;
    case 'agencyPhone':
      return v.agencyPhone;
    case 'balance':
      return euros(language, v.balanceCents);
    case 'unsubscribeUrl':
      return v.unsubscribeUrl ?? '';
    case 'surveyUrl':
      return v.surveyUrl ?? '';
    case 'itemisedAmount':
    case 'paymentWays':
    case 'howToDispute':
      return v.letter?.[name] ?? '';
  }
}

/**
 * Fills a parsed text. A line made only of variables that are all empty (the opt-out link of an agency with no public
 * address) is left out, not sent blank.
 */
function fill(tokens: Token[], language: MessageLanguage, v: MessageVariables): string {
  const lines = [{ text: '', literal: false, variable: false }];
  for (const token of tokens) {
    if (token.kind === 'variable') {
      const line = lines[lines.length - 1]!;
      line.text += valueOf(token.name, language, v);
      line.variable = true;
      continue;
    }
    token.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push({ text: '', literal: false, variable: false });
      const line = lines[lines.length - 1]!;
      line.text += part;
      if (part.length > 0) line.literal = true;
    });
  }
  return lines
    .filter((line) => !(line.variable && !line.literal && line.text.trim() === ''))
    .map((line) => line.text)
    .join('\n');
}

/** Renders a text whose parse succeeded; throws on a text that does not parse (check it first). */
export function renderTemplateText(
  text: TemplateText,
  language: MessageLanguage,
  variables: MessageVariables,
): TemplateText {
  const tokensOf = (part: string) => {
    const parsed = parseTemplateText(part);
    if (!parsed.ok) throw new Error(`A template that does not parse was rendered: ${parsed.finding.code}`);
    return parsed.tokens;
  };
  return {
    subject: text.subject === null ? null : fill(tokensOf(text.subject), language, variables).trim(),
    body: fill(tokensOf(text.body), language, variables),
  };
}

/** Values that stand for any case when a text is checked: long enough to count an SMS's parts honestly. */
export const SAMPLE_VARIABLES: MessageVariables = {
  debtorName: 'Marie-Christine DUPONT-LEFEBVRE',
  caseReference: 'C-2026-000123',
  firstLetter: { reference: 'LR-C-2026-000123', sentOn: '2026-11-02' },
  agencyName: 'Cabinet Accord',
  agencyPhone: '01 84 80 00 00',
  balanceCents: 123_456,
  unsubscribeUrl: 'https://accord.example/unsubscribe/abcdefghijklmnopqrstuvwxyz012345',
  surveyUrl: 'https://accord.example/portal/survey/abcdefghijklmnopqrstuvwxyz012345',
  letter: {
    itemisedAmount:
      'C-2026-000123-1 · principal · 1 134,56 €\nC-2026-000123-1 · intérêts · 100,00 €\nTotal : 1 234,56 €',
    paymentWays: '– par chèque à l’ordre de Cabinet Accord, en indiquant la référence C-2026-000123',
    howToDispute: 'Si vous contestez ce montant, écrivez-nous ou appelez-nous.',
  },
};

/**
 * Everything wrong with a text for its slot, errors before warnings. `creditorNames` are the names a third party must
 * not read; `sample` the values the visible parts are rendered with to look for amounts and telling words.
 */
export function checkTemplateText(
  slot: TemplateSlot,
  text: TemplateText,
  creditorNames: readonly string[] = [],
  sample: MessageVariables = SAMPLE_VARIABLES,
): Finding[] {
  const findings: Finding[] = [];
  if (slot.channel === 'email' && (text.subject ?? '').trim() === '')
    findings.push({ code: 'template.subject_missing', severity: 'error' });
  if (text.body.trim() === '') findings.push({ code: 'template.body_missing', severity: 'error' });
  const subject = slot.channel === 'email' ? parseTemplateText(text.subject ?? '', 'subject') : null;
  const body = parseTemplateText(text.body, 'body');
  for (const parsed of [subject, body]) if (parsed && !parsed.ok) findings.push(parsed.finding);
  if (!body.ok || (subject && !subject.ok)) return findings;

  const used = new Set<TemplateVariable>();
  const subjectTokens = subject?.ok ? subject.tokens : [];
  for (const token of [...subjectTokens, ...body.tokens]) if (token.kind === 'variable') used.add(token.name);
  for (const name of used)
    if (!(TEMPLATE_VARIABLES[name].channels as readonly string[]).includes(slot.channel))
      findings.push({ code: 'template.variable_not_on_channel', severity: 'error', variable: name });
  for (const token of subjectTokens)
    if (token.kind === 'variable' && !TEMPLATE_VARIABLES[token.name].inSubject)
      findings.push({ code: 'template.variable_not_in_subject', severity: 'error', variable: token.name });

  const literal = body.tokens.map((token) => (token.kind === 'text' ? token.text : ' ')).join('');
  for (const mention of requiredMentions(slot)) {
    const present = mention === 'opt_out_stop' ? STOP_WORD.test(literal) : used.has(MENTION_VARIABLES[mention]);
    if (!present) findings.push({ code: 'template.mention_missing', severity: 'error', mention });
  }

  if (slot.channel === 'letter') findings.push(...letterWordingFindings(literal));

  const rendered = renderTemplateText(
    { subject: slot.channel === 'email' ? (text.subject ?? '') : null, body: text.body },
    slot.language,
    sample,
  );
  for (const visible of visibleParts(slot.channel, rendered)) {
    for (const finding of lockScreenFindings(visible))
      findings.push({
        code: 'template.discloses',
        severity: 'error',
        what: finding.kind === 'amount' ? 'amount' : 'debt_word',
        text: finding.excerpt,
      });
    for (const name of creditorNames)
      if (name.trim().length > 1 && visible.toLowerCase().includes(name.trim().toLowerCase()))
        findings.push({ code: 'template.discloses', severity: 'error', what: 'creditor', text: name.trim() });
  }
  if (slot.channel === 'sms') {
    const parts = smsSize(rendered.body).segments;
    if (parts > 3) findings.push({ code: 'template.sms_long', severity: 'warning', parts });
  }
  return dedupe(findings);
}

/**
 * What a third party could read without opening the message: the SMS entire, an e-mail's subject and first line. A
 * letter shows only its window, drawn by construction (the agency's name and the debtor's address).
 */
export function visibleParts(channel: TemplateChannel, message: TemplateText): string[] {
  if (channel === 'letter') return [];
  return channel === 'sms' ? [message.body] : [message.subject ?? '', message.body.split('\n')[0] ?? ''];
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const hasErrors = (findings: readonly Finding[]) => findings.some((finding) => finding.severity === 'error');
