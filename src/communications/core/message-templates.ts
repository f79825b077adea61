import {
  checkTemplateText,
  hasErrors,
  renderTemplateText,
  TEMPLATE_CHANNELS,
  visibleParts,
  type MessageChannel,
  type MessageLanguage,
  type MessageTemplate,
  type MessageVariables,
  type TemplateSlot,
  type TemplateText,
} from './template-text.js';
import { lockScreenFindings } from '../sms/core/sms-text.js';

export {
  euros,
  messageChannels,
  MESSAGE_TEMPLATES,
  SENDABLE_TEMPLATES,
  TEMPLATE_CHANNELS,
  type MessageChannel,
  type MessageLanguage,
  type MessageTemplate,
  type MessageVariables,
} from './template-text.js';

/**
 * The e-mails and SMS Accord ships, in French, English and Italian, written in the same `{{variable}}` text that
 * compliance edits (template-text.ts): a slot with no published version sends these (version 0). Each is written so
 * that what a third party may see discloses nothing: an SMS shows on a lock screen, an e-mail's subject and first line
 * show in a notification, so neither names an amount, a creditor or a debt (REGULATION.md §13: agency, reference and
 * an invitation to get in touch). The body of an e-mail, read by the debtor who opened it, may say what is owed. Every
 * message cites the first letter (its reference and date), as every step after it must (R124-4).
 */

export interface RenderedMessage {
  channel: MessageChannel;
  template: MessageTemplate;
  language: MessageLanguage;
  /** The e-mail's subject; null for an SMS. */
  subject: string | null;
  body: string;
}

type Texts = Record<MessageLanguage, string>;

const SUBJECTS: Record<MessageTemplate, Texts> = {
  reminder: {
    fr: `Votre dossier {{caseReference}}`,
    en: `Your file {{caseReference}}`,
    it: `La sua pratica {{caseReference}}`,
  },
  call_us: {
    fr: `Merci de nous rappeler – dossier {{caseReference}}`,
    en: `Please call us back – file {{caseReference}}`,
    it: `La preghiamo di richiamarci – pratica {{caseReference}}`,
  },
  balance_statement: {
    fr: `Point sur votre dossier {{caseReference}}`,
    en: `An update on your file {{caseReference}}`,
    it: `Aggiornamento sulla sua pratica {{caseReference}}`,
  },
  satisfaction_survey: {
    fr: `Votre avis sur notre échange – dossier {{caseReference}}`,
    en: `Your view of our exchange – file {{caseReference}}`,
    it: `La sua opinione sul nostro scambio – pratica {{caseReference}}`,
  },
};

/** The e-mails' first line: all a notification preview shows, so neutral like the subject. */
const GREETINGS: Texts = {
  fr: `Bonjour {{debtorName}},`,
  en: `Dear {{debtorName}},`,
  it: `Gentile {{debtorName}},`,
};

const CITATIONS: Texts = {
  fr: `Ce message fait suite à notre courrier du {{firstLetterDate}} (référence {{firstLetterReference}}).`,
  en: `This message follows our letter of {{firstLetterDate}} (reference {{firstLetterReference}}).`,
  it: `Questo messaggio fa seguito alla nostra lettera del {{firstLetterDate}} (riferimento {{firstLetterReference}}).`,
};

const EMAIL_BODIES: Record<MessageTemplate, Texts> = {
  reminder: {
    fr: `À ce jour, {{balance}} restent dus sur votre dossier {{caseReference}}. Vous pouvez régler ce montant ou convenir avec nous d’un échéancier adapté à votre budget : appelez-nous au {{agencyPhone}}, du lundi au vendredi.\n\nSi vous avez déjà payé, ou si vous contestez ce montant, dites-le-nous : nous examinerons votre situation.`,
    en: `As of today, {{balance}} remains due on your file {{caseReference}}. You can pay this amount or agree with us on instalments that fit your budget: call us on {{agencyPhone}}, Monday to Friday.\n\nIf you have already paid, or if you dispute this amount, please tell us: we will look into your situation.`,
    it: `Ad oggi restano dovuti {{balance}} sulla sua pratica {{caseReference}}. Può saldare questo importo o concordare con noi un piano di rate adatto al suo bilancio: ci chiami al {{agencyPhone}}, dal lunedì al venerdì.\n\nSe ha già pagato, o se contesta l’importo, ce lo dica: esamineremo la sua situazione.`,
  },
  call_us: {
    fr: `Nous avons essayé de vous joindre au sujet de votre dossier {{caseReference}}. Merci de nous rappeler au {{agencyPhone}}, du lundi au vendredi, ou de nous dire à quel moment vous joindre.`,
    en: `We tried to reach you about your file {{caseReference}}. Please call us back on {{agencyPhone}}, Monday to Friday, or tell us when best to reach you.`,
    it: `Abbiamo cercato di contattarla riguardo alla sua pratica {{caseReference}}. La preghiamo di richiamarci al {{agencyPhone}}, dal lunedì al venerdì, o di indicarci quando contattarla.`,
  },
  balance_statement: {
    fr: `Voici où en est votre dossier {{caseReference}} : il reste {{balance}} à régler. Ce montant ne comprend aucun frais de recouvrement. Pour toute question, ou pour adapter vos paiements, appelez-nous au {{agencyPhone}}.`,
    en: `Here is where your file {{caseReference}} stands: {{balance}} remains to be paid. This amount includes no collection fee. For any question, or to adjust your payments, call us on {{agencyPhone}}.`,
    it: `Ecco lo stato della sua pratica {{caseReference}}: restano da pagare {{balance}}. L’importo non comprende spese di recupero. Per qualsiasi domanda, o per adattare i pagamenti, ci chiami al {{agencyPhone}}.`,
  },
  satisfaction_survey: {
    fr: `Vous avez récemment échangé avec nous au sujet de votre dossier {{caseReference}}. Comment cela s’est-il passé ? Une question, une minute, sans vous identifier :\n{{surveyUrl}}\n\nRépondre est facultatif et ne change rien à votre dossier. Le lien ne sert qu’une fois.`,
    en: `You recently dealt with us about your file {{caseReference}}. How did it go? One question, one minute, no sign-in:\n{{surveyUrl}}\n\nAnswering is optional and changes nothing on your file. The link works once.`,
    it: `Di recente ha avuto uno scambio con noi sulla sua pratica {{caseReference}}. Com’è andata? Una domanda, un minuto, senza accedere:\n{{surveyUrl}}\n\nRispondere è facoltativo e non cambia nulla nella sua pratica. Il link vale una sola volta.`,
  },
};

const SIGNATURES: Texts = {
  fr: `Cordialement,\n{{agencyName}}`,
  en: `Kind regards,\n{{agencyName}}`,
  it: `Cordiali saluti,\n{{agencyName}}`,
};

const UNSUBSCRIBE: Texts = {
  fr: 'Pour ne plus recevoir d’e-mails de notre part, utilisez le lien de désinscription de ce message : c’est gratuit, et nous vous écrirons par courrier si nécessaire.',
  en: 'To stop receiving e-mails from us, use this message’s unsubscribe link: it is free, and we will write by post if we need to.',
  it: 'Per non ricevere più e-mail da noi, usi il link di disiscrizione di questo messaggio: è gratuito, e le scriveremo per posta se necessario.',
};

/** SMS: the agency, the reference, an invitation to call, the free STOP. Nothing else on a lock screen. */
const SMS_BODIES: Record<'reminder' | 'call_us' | 'satisfaction_survey', Texts> = {
  reminder: {
    fr: `{{agencyName}} : merci de nous contacter au {{agencyPhone}} au sujet de votre dossier {{caseReference}} (suite à notre courrier {{firstLetterReference}}). STOP au numéro d'envoi pour ne plus recevoir de SMS.`,
    en: `{{agencyName}}: please contact us on {{agencyPhone}} about your file {{caseReference}} (following our letter {{firstLetterReference}}). Reply STOP to receive no more texts.`,
    it: `{{agencyName}}: la preghiamo di contattarci al {{agencyPhone}} per la sua pratica {{caseReference}} (come da nostra lettera {{firstLetterReference}}). Risponda STOP per non ricevere altri SMS.`,
  },
  call_us: {
    fr: `{{agencyName}} : nous avons essayé de vous joindre. Merci de nous rappeler au {{agencyPhone}}, dossier {{caseReference}}, courrier {{firstLetterReference}}. STOP au numéro d'envoi pour ne plus recevoir de SMS.`,
    en: `{{agencyName}}: we tried to reach you. Please call us back on {{agencyPhone}}, file {{caseReference}}, letter {{firstLetterReference}}. Reply STOP to receive no more texts.`,
    it: `{{agencyName}}: abbiamo cercato di contattarla. La preghiamo di richiamarci al {{agencyPhone}}, pratica {{caseReference}}, lettera {{firstLetterReference}}. Risponda STOP per non ricevere altri SMS.`,
  },
  satisfaction_survey: {
    fr: `{{agencyName}} : comment s'est passé notre échange (dossier {{caseReference}}, courrier {{firstLetterReference}}) ? Une question : {{surveyUrl}} STOP au numéro d'envoi pour ne plus recevoir de SMS.`,
    en: `{{agencyName}}: how was our exchange (file {{caseReference}}, letter {{firstLetterReference}})? One question: {{surveyUrl}} Reply STOP to receive no more texts.`,
    it: `{{agencyName}}: com'è andato il nostro scambio (pratica {{caseReference}}, lettera {{firstLetterReference}})? Una domanda: {{surveyUrl}} Risponda STOP per non ricevere altri SMS.`,
  },
};

/**
 * The reminder by post: it cites the first letter, gives the amount itemised, the ways to pay and how to dispute (the
 * blocks the letter composes from the case), in an amicable tone. The sheet adds the date, references and window.
 */
const LETTER_BODIES: Texts = {
  fr: `Madame, Monsieur,\n\nPar notre courrier du {{firstLetterDate}} (référence {{firstLetterReference}}), nous vous avons présenté la somme restant due au titre de votre dossier {{caseReference}}. Sauf erreur de notre part, elle n’a pas été réglée, et nous n’avons pas eu de nouvelles de votre part.\n\nVoici ce qui reste dû à ce jour :\n{{itemisedAmount}}\n\nVous pouvez régler cette somme, ou nous appeler pour convenir d’un échéancier adapté à votre budget :\n{{paymentWays}}\n\n{{howToDispute}}\n\nNous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.\n\n{{agencyName}}`,
  en: `Dear Sir or Madam,\n\nIn our letter of {{firstLetterDate}} (reference {{firstLetterReference}}), we set out the amount still due on your file {{caseReference}}. Unless we are mistaken, it has not been paid, and we have not heard from you.\n\nThis is what remains due today:\n{{itemisedAmount}}\n\nYou can pay this amount, or call us to agree on instalments that fit your budget:\n{{paymentWays}}\n\n{{howToDispute}}\n\nYours faithfully,\n\n{{agencyName}}`,
  it: `Gentile Signora, Egregio Signore,\n\ncon la nostra lettera del {{firstLetterDate}} (riferimento {{firstLetterReference}}) le abbiamo indicato l’importo ancora dovuto per la sua pratica {{caseReference}}. Salvo errore, non risulta pagato e non abbiamo avuto sue notizie.\n\nEcco quanto resta dovuto ad oggi:\n{{itemisedAmount}}\n\nPuò saldare questo importo, o chiamarci per concordare un piano di rate adatto al suo bilancio:\n{{paymentWays}}\n\n{{howToDispute}}\n\nCordiali saluti,\n\n{{agencyName}}`,
};

/** The text Accord ships for a slot: what is sent until compliance publishes a version of its own. */
export function shippedText({ template, channel, language }: TemplateSlot): TemplateText {
  if (channel === 'letter') return { subject: null, body: LETTER_BODIES[language] };
  if (channel === 'sms')
    return { subject: null, body: SMS_BODIES[template as 'reminder' | 'call_us' | 'satisfaction_survey'][language] };
  const body = [
    GREETINGS[language],
    CITATIONS[language],
    EMAIL_BODIES[template][language],
    SIGNATURES[language],
    '—',
    `${UNSUBSCRIBE[language]}\n{{unsubscribeUrl}}`,
  ].join('\n\n');
  return { subject: SUBJECTS[template][language], body };
}

export type RenderResult =
  | { ok: true; message: RenderedMessage }
  | {
      ok: false;
      code:
        'communications.template_channel' | 'communications.first_letter_missing' | 'communications.template_invalid';
    };

/**
 * Renders a template's text (the shipped one unless a published version is given) for a channel in a language.
 * Refuses a template on a channel it does not exist on, a text with an error, and any message while the case's
 * first letter has not gone out (nothing precedes it: R124-4, REGULATION.md §1).
 */
export function renderMessage(
  template: MessageTemplate,
  channel: MessageChannel,
  language: MessageLanguage,
  variables: Omit<MessageVariables, 'firstLetter'> & { firstLetter: MessageVariables['firstLetter'] | null },
  published?: TemplateText,
): RenderResult {
  if (!TEMPLATE_CHANNELS[template].includes(channel)) return { ok: false, code: 'communications.template_channel' };
  if (!variables.firstLetter) return { ok: false, code: 'communications.first_letter_missing' };
  const text = published ?? shippedText({ template, channel, language });
  if (!isSendable({ template, channel, language }, text)) return { ok: false, code: 'communications.template_invalid' };
  const rendered = renderTemplateText(text, language, { ...variables, firstLetter: variables.firstLetter });
  return { ok: true, message: { channel, template, language, ...rendered } };
}

/** Texts already checked, by slot and content: a campaign renders one text thousands of times. */
const checked = new Map<string, boolean>();

function isSendable(slot: TemplateSlot, text: TemplateText): boolean {
  const key = JSON.stringify([slot.template, slot.channel, slot.language, text.subject, text.body]);
  let sendable = checked.get(key);
  if (sendable === undefined) {
    sendable = !hasErrors(checkTemplateText(slot, text));
    if (checked.size > 1000) checked.clear();
    checked.set(key, sendable);
  }
  return sendable;
}

/**
 * What a third party could read without opening the message: the SMS entire, an e-mail's subject and first line.
 * Returns what in it discloses the debt: an amount, a telling word, or the creditor's name.
 */
export function disclosures(message: RenderedMessage, creditorNames: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of visibleParts(message.channel, message)) {
    const findings = lockScreenFindings(text);
    if (findings.some((finding) => finding.kind === 'amount')) found.push('amount');
    if (findings.some((finding) => finding.kind === 'word')) found.push('debt_word');
    for (const name of creditorNames)
      if (name.trim().length > 1 && text.toLowerCase().includes(name.trim().toLowerCase())) found.push('creditor');
  }
  return [...new Set(found)];
}
