import {
  contactLines,
  HELPS_WITH_WORDS,
  listOf,
  longDate,
  REFERRAL_WORDS,
  type ReferralLetterFacts,
  type ReferralLetterLanguage,
} from './referral-letter.js';

/**
 * The e-mail that gives a debtor the contact details of an organisation the care team proposed to them, with their
 * consent (docs/care-referrals.md): the letter's words (`referral-letter.ts`) as a plain text e-mail, in the debtor's
 * language. As agreed on the day it was proposed, here is an organisation that can help; what it helps with; every way
 * to reach it the directory has; that it is independent of the agency and that contacting it or not changes nothing to
 * the file; when the care team will ask how it went; the agency's phone. Never the need written down by the specialist,
 * an amount, a creditor, a case's reference or anything else about the debt: the facts it is composed from do not hold
 * them, and its subject says no more than that an organisation can help (it shows on a lock screen).
 */

export interface ReferralEmailFacts {
  language: ReferralLetterLanguage;
  agency: { name: string; phone: string };
  /** The debtor as greeted. */
  debtorName: string;
  /** The referral's reference (`OR-…`, as its letter's), which later exchanges cite. */
  reference: string;
  /** The day the referral was proposed (the conversation it follows) and the follow-up day, YYYY-MM-DD. */
  proposedOn: string;
  followUpOn: string;
  organisation: ReferralLetterFacts['organisation'];
}

export interface ReferralEmail {
  language: ReferralLetterLanguage;
  reference: string;
  subject: string;
  /** Plain text, as the outbox sends every e-mail. */
  body: string;
}

interface EmailWords {
  subject: string;
  greeting: (name: string) => string;
  closing: string;
  reference: (reference: string) => string;
}

const EMAIL_WORDS: Record<ReferralLetterLanguage, EmailWords> = {
  fr: {
    subject: 'Les coordonnées d’un organisme qui peut vous aider',
    greeting: (name) => `Bonjour ${name},`,
    closing: 'Bien cordialement,',
    reference: (reference) => `Référence : ${reference}`,
  },
  en: {
    subject: 'The contact details of an organisation that can help you',
    greeting: (name) => `Dear ${name},`,
    closing: 'Kind regards,',
    reference: (reference) => `Reference: ${reference}`,
  },
  it: {
    subject: 'I recapiti di un ente che può aiutarla',
    greeting: (name) => `Gentile ${name},`,
    closing: 'Cordiali saluti,',
    reference: (reference) => `Riferimento: ${reference}`,
  },
};

/** The referral e-mail from its facts; it reads nothing else. */
export function composeReferralEmail(facts: ReferralEmailFacts): ReferralEmail {
  const words = REFERRAL_WORDS[facts.language];
  const email = EMAIL_WORDS[facts.language];
  const date = (iso: string) => longDate(facts.language, iso);
  const { organisation } = facts;
  const helps = organisation.helpsWith.map((kind) => HELPS_WITH_WORDS[facts.language][kind]);
  const paragraphs = [
    email.greeting(facts.debtorName),
    words.opening(date(facts.proposedOn)),
    [organisation.name, ...(helps.length > 0 ? [words.helpsWith(listOf(facts.language, helps))] : [])].join('\n'),
    [
      `${words.reach}${facts.language === 'fr' ? ' :' : ':'}`,
      ...contactLines(words, organisation).map((line) => `- ${line}`),
    ].join('\n'),
    words.free,
    words.followUp(date(facts.followUpOn)),
    words.question(facts.agency.phone),
    [email.closing, words.signature(facts.agency.name), email.reference(facts.reference)].join('\n'),
  ];
  return {
    language: facts.language,
    reference: facts.reference,
    subject: email.subject,
    body: paragraphs.join('\n\n'),
  };
}
