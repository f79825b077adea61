import { lockScreenFindings } from '../sms/core/sms-text.js';

/**
 * The e-mails and SMS Accord sends, as templates with a closed list of typed variables (no free expressions), in
 * French, English and Italian. A template is written so that what a third party may see discloses nothing: an SMS
 * shows on a lock screen, an e-mail's subject and first line show in a notification, so neither names an amount, a
 * creditor or a debt (REGULATION.md §13: agency, reference and an invitation to get in touch). The body of an e-mail,
 * read by the debtor who opened it, may say what is owed. Every message cites the first letter (its reference and
 * date), as every step after it must (R124-4).
 */

export type MessageChannel = 'email' | 'sms';
export type MessageLanguage = 'fr' | 'en' | 'it';

/** The variables a template may use, each of a known kind: nothing else reaches a message. */
export interface MessageVariables {
  /** The debtor as addressed: "Marie DUPONT", or the company's name. E-mail only (an SMS names no one). */
  debtorName: string;
  caseReference: string;
  firstLetter: { reference: string; sentOn: string };
  agencyName: string;
  agencyPhone: string;
  /** What is still owed on the case, in cents. E-mail body only. */
  balanceCents: number;
  /** The e-mail's one-click opt-out link, written in its body too; null where the agency has no public address. */
  unsubscribeUrl?: string | null;
}

export const MESSAGE_TEMPLATES = ['reminder', 'call_us', 'balance_statement'] as const;
export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];

/** Which channels each template exists on: a statement of what is owed is never an SMS. */
export const TEMPLATE_CHANNELS: Record<MessageTemplate, readonly MessageChannel[]> = {
  reminder: ['email', 'sms'],
  call_us: ['email', 'sms'],
  balance_statement: ['email'],
};

export interface RenderedMessage {
  channel: MessageChannel;
  template: MessageTemplate;
  language: MessageLanguage;
  /** The e-mail's subject; null for an SMS. */
  subject: string | null;
  body: string;
}

type Texts = Record<MessageLanguage, (v: MessageVariables) => string>;

/** A calendar date as the three languages write it by hand: day, month, year. */
const date = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');

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

const SUBJECTS: Record<MessageTemplate, Texts> = {
  reminder: {
    fr: (v) => `Votre dossier ${v.caseReference}`,
    en: (v) => `Your file ${v.caseReference}`,
    it: (v) => `La sua pratica ${v.caseReference}`,
  },
  call_us: {
    fr: (v) => `Merci de nous rappeler – dossier ${v.caseReference}`,
    en: (v) => `Please call us back – file ${v.caseReference}`,
    it: (v) => `La preghiamo di richiamarci – pratica ${v.caseReference}`,
  },
  balance_statement: {
    fr: (v) => `Point sur votre dossier ${v.caseReference}`,
    en: (v) => `An update on your file ${v.caseReference}`,
    it: (v) => `Aggiornamento sulla sua pratica ${v.caseReference}`,
  },
};

/** The e-mails' first line: all a notification preview shows, so neutral like the subject. */
const GREETINGS: Texts = {
  fr: (v) => `Bonjour ${v.debtorName},`,
  en: (v) => `Dear ${v.debtorName},`,
  it: (v) => `Gentile ${v.debtorName},`,
};

const CITATIONS: Texts = {
  fr: (v) =>
    `Ce message fait suite à notre courrier du ${date(v.firstLetter.sentOn)} (référence ${v.firstLetter.reference}).`,
  en: (v) => `This message follows our letter of ${date(v.firstLetter.sentOn)} (reference ${v.firstLetter.reference}).`,
  it: (v) =>
    `Questo messaggio fa seguito alla nostra lettera del ${date(v.firstLetter.sentOn)} (riferimento ${v.firstLetter.reference}).`,
};

const EMAIL_BODIES: Record<MessageTemplate, Texts> = {
  reminder: {
    fr: (v) =>
      `À ce jour, ${euros('fr', v.balanceCents)} restent dus sur votre dossier ${v.caseReference}. Vous pouvez régler ce montant ou convenir avec nous d’un échéancier adapté à votre budget : appelez-nous au ${v.agencyPhone}, du lundi au vendredi.\n\nSi vous avez déjà payé, ou si vous contestez ce montant, dites-le-nous : nous examinerons votre situation.`,
    en: (v) =>
      `As of today, ${euros('en', v.balanceCents)} remains due on your file ${v.caseReference}. You can pay this amount or agree with us on instalments that fit your budget: call us on ${v.agencyPhone}, Monday to Friday.\n\nIf you have already paid, or if you dispute this amount, please tell us: we will look into your situation.`,
    it: (v) =>
      `Ad oggi restano dovuti ${euros('it', v.balanceCents)} sulla sua pratica ${v.caseReference}. Può saldare questo importo o concordare con noi un piano di rate adatto al suo bilancio: ci chiami al ${v.agencyPhone}, dal lunedì al venerdì.\n\nSe ha già pagato, o se contesta l’importo, ce lo dica: esamineremo la sua situazione.`,
  },
  call_us: {
    fr: (v) =>
      `Nous avons essayé de vous joindre au sujet de votre dossier ${v.caseReference}. Merci de nous rappeler au ${v.agencyPhone}, du lundi au vendredi, ou de nous dire à quel moment vous joindre.`,
    en: (v) =>
      `We tried to reach you about your file ${v.caseReference}. Please call us back on ${v.agencyPhone}, Monday to Friday, or tell us when best to reach you.`,
    it: (v) =>
      `Abbiamo cercato di contattarla riguardo alla sua pratica ${v.caseReference}. La preghiamo di richiamarci al ${v.agencyPhone}, dal lunedì al venerdì, o di indicarci quando contattarla.`,
  },
  balance_statement: {
    fr: (v) =>
      `Voici où en est votre dossier ${v.caseReference} : il reste ${euros('fr', v.balanceCents)} à régler. Ce montant ne comprend aucun frais de recouvrement. Pour toute question, ou pour adapter vos paiements, appelez-nous au ${v.agencyPhone}.`,
    en: (v) =>
      `Here is where your file ${v.caseReference} stands: ${euros('en', v.balanceCents)} remains to be paid. This amount includes no collection fee. For any question, or to adjust your payments, call us on ${v.agencyPhone}.`,
    it: (v) =>
      `Ecco lo stato della sua pratica ${v.caseReference}: restano da pagare ${euros('it', v.balanceCents)}. L’importo non comprende spese di recupero. Per qualsiasi domanda, o per adattare i pagamenti, ci chiami al ${v.agencyPhone}.`,
  },
};

const SIGNATURES: Texts = {
  fr: (v) => `Cordialement,\n${v.agencyName}`,
  en: (v) => `Kind regards,\n${v.agencyName}`,
  it: (v) => `Cordiali saluti,\n${v.agencyName}`,
};

const UNSUBSCRIBE: Record<MessageLanguage, string> = {
  fr: 'Pour ne plus recevoir d’e-mails de notre part, utilisez le lien de désinscription de ce message : c’est gratuit, et nous vous écrirons par courrier si nécessaire.',
  en: 'To stop receiving e-mails from us, use this message’s unsubscribe link: it is free, and we will write by post if we need to.',
  it: 'Per non ricevere più e-mail da noi, usi il link di disiscrizione di questo messaggio: è gratuito, e le scriveremo per posta se necessario.',
};

/** SMS: the agency, the reference, an invitation to call, the free STOP. Nothing else on a lock screen. */
const SMS_BODIES: Record<'reminder' | 'call_us', Texts> = {
  reminder: {
    fr: (v) =>
      `${v.agencyName} : merci de nous contacter au ${v.agencyPhone} au sujet de votre dossier ${v.caseReference} (suite à notre courrier ${v.firstLetter.reference}). STOP au numéro d'envoi pour ne plus recevoir de SMS.`,
    en: (v) =>
      `${v.agencyName}: please contact us on ${v.agencyPhone} about your file ${v.caseReference} (following our letter ${v.firstLetter.reference}). Reply STOP to receive no more texts.`,
    it: (v) =>
      `${v.agencyName}: la preghiamo di contattarci al ${v.agencyPhone} per la sua pratica ${v.caseReference} (come da nostra lettera ${v.firstLetter.reference}). Risponda STOP per non ricevere altri SMS.`,
  },
  call_us: {
    fr: (v) =>
      `${v.agencyName} : nous avons essayé de vous joindre. Merci de nous rappeler au ${v.agencyPhone}, dossier ${v.caseReference}, courrier ${v.firstLetter.reference}. STOP au numéro d'envoi pour ne plus recevoir de SMS.`,
    en: (v) =>
      `${v.agencyName}: we tried to reach you. Please call us back on ${v.agencyPhone}, file ${v.caseReference}, letter ${v.firstLetter.reference}. Reply STOP to receive no more texts.`,
    it: (v) =>
      `${v.agencyName}: abbiamo cercato di contattarla. La preghiamo di richiamarci al ${v.agencyPhone}, pratica ${v.caseReference}, lettera ${v.firstLetter.reference}. Risponda STOP per non ricevere altri SMS.`,
  },
};

export type RenderResult =
  | { ok: true; message: RenderedMessage }
  | { ok: false; code: 'communications.template_channel' | 'communications.first_letter_missing' };

/**
 * Renders a template for a channel in a language. Refuses a template on a channel it does not exist on, and any
 * message while the case's first letter has not gone out (nothing precedes it: R124-4, REGULATION.md §1).
 */
export function renderMessage(
  template: MessageTemplate,
  channel: MessageChannel,
  language: MessageLanguage,
  variables: Omit<MessageVariables, 'firstLetter'> & { firstLetter: MessageVariables['firstLetter'] | null },
): RenderResult {
  if (!TEMPLATE_CHANNELS[template].includes(channel)) return { ok: false, code: 'communications.template_channel' };
  if (!variables.firstLetter) return { ok: false, code: 'communications.first_letter_missing' };
  const v: MessageVariables = { ...variables, firstLetter: variables.firstLetter };
  if (channel === 'sms') {
    const body = SMS_BODIES[template as 'reminder' | 'call_us'][language](v);
    return { ok: true, message: { channel, template, language, subject: null, body } };
  }
  const body = [
    GREETINGS[language](v),
    CITATIONS[language](v),
    EMAIL_BODIES[template][language](v),
    SIGNATURES[language](v),
    '—',
    v.unsubscribeUrl ? `${UNSUBSCRIBE[language]}\n${v.unsubscribeUrl}` : UNSUBSCRIBE[language],
  ].join('\n\n');
  return { ok: true, message: { channel, template, language, subject: SUBJECTS[template][language](v), body } };
}

/**
 * What a third party could read without opening the message: the SMS entire, an e-mail's subject and first line.
 * Returns what in it discloses the debt: an amount, a telling word, or the creditor's name.
 */
export function disclosures(message: RenderedMessage, creditorNames: readonly string[]): string[] {
  const visible =
    message.channel === 'sms' ? [message.body] : [message.subject ?? '', message.body.split('\n')[0] ?? ''];
  const found: string[] = [];
  for (const text of visible) {
    const findings = lockScreenFindings(text);
    if (findings.some((finding) => finding.kind === 'amount')) found.push('amount');
    if (findings.some((finding) => finding.kind === 'word')) found.push('debt_word');
    for (const name of creditorNames)
      if (name.trim().length > 1 && text.toLowerCase().includes(name.trim().toLowerCase())) found.push('creditor');
  }
  return [...new Set(found)];
}
