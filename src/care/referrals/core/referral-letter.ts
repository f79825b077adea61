import type { HelpsWith } from '../../core/vocabulary.js';

/**
 * The letter that gives a debtor the contact details of an organisation the care team proposed to them, with their
 * consent (docs/care-referrals.md). It is written in the debtor's language and says only what the debtor agreed to
 * receive: the organisation, what it helps with, how to reach it, that the choice is theirs and changes nothing to
 * how the agency treats the file, and when the care team will ask how it went. Never the need written down by the
 * specialist, an amount, a creditor or anything else about the debt: the facts it is composed from do not hold them.
 */

export type ReferralLetterLanguage = 'fr' | 'en' | 'it';

export interface ReferralLetterFacts {
  language: ReferralLetterLanguage;
  agency: { name: string; phone: string; address: readonly string[] };
  /** The debtor as addressed, and the address the agency's letters go to (the debtors' rule). */
  debtor: { name: string; address: readonly string[] };
  /** The letter's own reference, which later exchanges cite. */
  letterReference: string;
  caseReference: string | null;
  /** The day it is sent, and the day the referral was proposed (the conversation it follows), YYYY-MM-DD. */
  sentOn: string;
  proposedOn: string;
  followUpOn: string;
  organisation: {
    name: string;
    helpsWith: readonly HelpsWith[];
    phone: string | null;
    email: string | null;
    website: string | null;
    address: string | null;
  };
}

export interface ReferralLetter {
  language: ReferralLetterLanguage;
  letterReference: string;
  /** What shows through the envelope's window: the agency's neutral name, then the debtor's address. */
  window: { sender: string; recipient: readonly string[] };
  /** The agency's block, top left, inside the envelope. */
  agency: readonly string[];
  /** Date and references, under the window. */
  heading: readonly string[];
  /** The letter's paragraphs in order; `bold` for the organisation's name and the section titles. */
  blocks: readonly { text: string; bold?: boolean }[];
}

const LOCALES: Record<ReferralLetterLanguage, string> = { fr: 'fr-FR', en: 'en-GB', it: 'it-IT' };

/** A calendar day written out in the language ("4 décembre 2026"). */
export const longDate = (language: ReferralLetterLanguage, iso: string) =>
  new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/** What an organisation helps with, as a sentence of the letter or the e-mail names it. */
export const HELPS_WITH_WORDS: Record<ReferralLetterLanguage, Record<HelpsWith, string>> = {
  fr: {
    over_indebtedness: 'le surendettement',
    budget_advice: 'les conseils pour tenir un budget',
    social_support: 'l’accompagnement social',
    job_loss: 'la recherche d’emploi et la perte d’emploi',
    family_benefits: 'les prestations familiales',
    housing: 'le logement',
    health: 'la santé',
    legal_advice: 'le conseil juridique',
    consumer_rights: 'les droits des consommateurs',
  },
  en: {
    over_indebtedness: 'over-indebtedness',
    budget_advice: 'budget advice',
    social_support: 'social support',
    job_loss: 'looking for work after a job loss',
    family_benefits: 'family benefits',
    housing: 'housing',
    health: 'health',
    legal_advice: 'legal advice',
    consumer_rights: 'consumer rights',
  },
  it: {
    // Without article: "L’ente si occupa di sovraindebitamento e consulenza legale".
    over_indebtedness: 'sovraindebitamento',
    budget_advice: 'consigli per gestire il bilancio familiare',
    social_support: 'sostegno sociale',
    job_loss: 'ricerca di lavoro dopo la perdita del lavoro',
    family_benefits: 'prestazioni familiari',
    housing: 'casa',
    health: 'salute',
    legal_advice: 'consulenza legale',
    consumer_rights: 'diritti dei consumatori',
  },
};

/** The sentences a referral says in each language, by letter or by e-mail (`referral-email.ts`). */
export interface Words {
  date: (day: string) => string;
  reference: (reference: string) => string;
  file: (reference: string) => string;
  subject: string;
  greeting: string;
  opening: (proposedOn: string) => string;
  helpsWith: (list: string) => string;
  reach: string;
  phone: (value: string) => string;
  email: (value: string) => string;
  website: (value: string) => string;
  address: (value: string) => string;
  free: string;
  followUp: (day: string) => string;
  question: (phone: string) => string;
  closing: string;
  signature: (agency: string) => string;
}

export const REFERRAL_WORDS: Record<ReferralLetterLanguage, Words> = {
  fr: {
    date: (day) => `Le ${day}`,
    reference: (reference) => `Notre référence : ${reference}`,
    file: (reference) => `Dossier : ${reference}`,
    subject: 'Objet : les coordonnées d’un organisme qui peut vous aider',
    greeting: 'Madame, Monsieur,',
    opening: (day) =>
      `Comme convenu avec vous le ${day}, voici les coordonnées d’un organisme qui peut vous aider dans votre situation.`,
    helpsWith: (list) => `Il vous aide pour ${list}.`,
    reach: 'Pour le joindre',
    phone: (value) => `Téléphone : ${value}`,
    email: (value) => `Courriel : ${value}`,
    website: (value) => `Site : ${value}`,
    address: (value) => `Adresse : ${value}`,
    free: 'Cet organisme ne dépend pas de notre agence. Vous êtes libre de le contacter ou non : votre choix ne change rien à la façon dont nous traitons votre dossier.',
    followUp: (day) => `Nous vous recontacterons vers le ${day} pour savoir si cela vous a aidé.`,
    question: (phone) => `Une question ? Appelez-nous au ${phone}.`,
    closing: 'Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.',
    signature: (agency) => `L’équipe d’accompagnement de ${agency}`,
  },
  en: {
    date: (day) => day,
    reference: (reference) => `Our reference: ${reference}`,
    file: (reference) => `File: ${reference}`,
    subject: 'The contact details of an organisation that can help you',
    greeting: 'Dear Sir or Madam,',
    opening: (day) =>
      `As agreed with you on ${day}, here are the contact details of an organisation that can help you in your situation.`,
    helpsWith: (list) => `It helps with ${list}.`,
    reach: 'How to reach it',
    phone: (value) => `Phone: ${value}`,
    email: (value) => `E-mail: ${value}`,
    website: (value) => `Website: ${value}`,
    address: (value) => `Address: ${value}`,
    free: 'This organisation is independent of our agency. You are free to contact it or not: your choice changes nothing in the way we handle your file.',
    followUp: (day) => `We will get back to you around ${day} to ask whether it helped.`,
    question: (phone) => `A question? Call us on ${phone}.`,
    closing: 'Yours faithfully,',
    signature: (agency) => `The support team of ${agency}`,
  },
  it: {
    date: (day) => day,
    reference: (reference) => `Nostro riferimento: ${reference}`,
    file: (reference) => `Pratica: ${reference}`,
    subject: 'Oggetto: i recapiti di un ente che può aiutarla',
    greeting: 'Gentile Signora, Egregio Signore,',
    opening: (day) =>
      `Come concordato con lei il ${day}, le inviamo i recapiti di un ente che può aiutarla nella sua situazione.`,
    helpsWith: (list) => `L’ente si occupa di ${list}.`,
    reach: 'Come contattarlo',
    phone: (value) => `Telefono: ${value}`,
    email: (value) => `E-mail: ${value}`,
    website: (value) => `Sito: ${value}`,
    address: (value) => `Indirizzo: ${value}`,
    free: 'Questo ente non dipende dalla nostra agenzia. Lei è libero di contattarlo o no: la sua scelta non cambia nulla nel modo in cui trattiamo la sua pratica.',
    followUp: (day) => `La ricontatteremo verso il ${day} per sapere se le è stato utile.`,
    question: (phone) => `Una domanda? Ci chiami al ${phone}.`,
    closing: 'Distinti saluti.',
    signature: (agency) => `Il servizio di accompagnamento di ${agency}`,
  },
};

/** "a, b and c" in the letter's language. */
export function listOf(language: ReferralLetterLanguage, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const and = { fr: 'et', en: 'and', it: 'e' }[language];
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** Every way to reach the organisation the directory has, one line each: phone, e-mail, website, address. */
export function contactLines(words: Words, organisation: ReferralLetterFacts['organisation']): string[] {
  return [
    organisation.phone && words.phone(organisation.phone),
    organisation.email && words.email(organisation.email),
    organisation.website && words.website(organisation.website),
    organisation.address && words.address(organisation.address),
  ].filter((line): line is string => !!line);
}

/** The referral letter from its facts: every contact detail the organisation has, in the debtor's language. */
export function composeReferralLetter(facts: ReferralLetterFacts): ReferralLetter {
  const words = REFERRAL_WORDS[facts.language];
  const date = (iso: string) => longDate(facts.language, iso);
  const { organisation } = facts;
  const contacts = contactLines(words, organisation);
  const helps = organisation.helpsWith.map((kind) => HELPS_WITH_WORDS[facts.language][kind]);
  return {
    language: facts.language,
    letterReference: facts.letterReference,
    window: { sender: facts.agency.name, recipient: [facts.debtor.name, ...facts.debtor.address] },
    agency: [facts.agency.name, ...facts.agency.address, facts.agency.phone],
    heading: [
      words.date(date(facts.sentOn)),
      words.reference(facts.letterReference),
      ...(facts.caseReference ? [words.file(facts.caseReference)] : []),
    ],
    blocks: [
      { text: words.subject, bold: true },
      { text: words.greeting },
      { text: words.opening(date(facts.proposedOn)) },
      { text: organisation.name, bold: true },
      ...(helps.length > 0 ? [{ text: words.helpsWith(listOf(facts.language, helps)) }] : []),
      { text: words.reach, bold: true },
      ...contacts.map((text) => ({ text })),
      { text: words.free },
      { text: words.followUp(date(facts.followUpOn)) },
      { text: words.question(facts.agency.phone) },
      { text: words.closing },
      { text: words.signature(facts.agency.name) },
    ],
  };
}

/** The reference of a referral's letter: `OR-` and the first eight characters of the referral's id, in capitals. */
export const referralLetterReference = (referralId: string): string =>
  `OR-${referralId.replaceAll('-', '').slice(0, 8).toUpperCase()}`;
