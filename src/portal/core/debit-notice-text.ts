import type { Debit } from '../../bank-files/core/debit-notices.js';
import { euros } from '../../communications/core/template-text.js';
import type { MandateLanguage } from './e-mandate.js';

/**
 * The e-mail that tells the person of the debits to come under the mandate they signed, when their plan changed
 * (docs/portal.md, "A direct debit"), pure: each debit's date and amount, the mandate's reference and the SEPA
 * creditor, the account masked, and that a payment not listed is not debited. Its subject names no amount and no
 * debt, as every e-mail's (a notification preview shows it).
 */
export interface DebitNoticeFacts {
  language: MandateLanguage;
  debtorName: string;
  caseReference: string;
  mandateReference: string;
  ibanMasked: string;
  agencyName: string;
  creditorIdentifier: string;
  /** The portal's sign-in page, when the agency has a public address. */
  portalUrl: string | null;
  debits: readonly Debit[];
}

const LOCALES: Record<MandateLanguage, string> = { fr: 'fr-FR', en: 'en-GB', it: 'it-IT' };

const dayOf = (language: MandateLanguage, iso: string) =>
  new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T00:00:00Z`));

type Words = {
  subject: (f: DebitNoticeFacts) => string;
  opening: (f: DebitNoticeFacts) => string;
  line: (date: string, amount: string) => string;
  creditor: (f: DebitNoticeFacts) => string;
  others: string;
  stop: (f: DebitNoticeFacts) => string;
  closing: (f: DebitNoticeFacts) => string;
};

const WORDS: Record<MandateLanguage, Words> = {
  fr: {
    subject: (f) => `Vos prochains prélèvements – dossier ${f.caseReference}`,
    opening: (f) =>
      `Bonjour ${f.debtorName},\n\nL’échéancier de votre dossier ${f.caseReference} a changé. Comme le prévoit votre mandat de prélèvement SEPA ${f.mandateReference}, voici les prélèvements qui seront faits sur le compte ${f.ibanMasked} :`,
    line: (date, amount) => `– le ${date} : ${amount}`,
    creditor: (f) => `Créancier du prélèvement : ${f.agencyName}, identifiant créancier SEPA ${f.creditorIdentifier}.`,
    others:
      'Un paiement de votre échéancier qui n’est pas dans cette liste ne sera pas prélevé : réglez-le par un autre moyen (virement, carte ou chèque).',
    stop: (f) =>
      `Vous pouvez arrêter le prélèvement à tout moment depuis votre espace en ligne${f.portalUrl ? ` (${f.portalUrl})` : ''}, et demander à votre banque le remboursement d’un prélèvement dans les 8 semaines.`,
    closing: (f) => `Cordialement,\n${f.agencyName}`,
  },
  en: {
    subject: (f) => `Your next direct debits – file ${f.caseReference}`,
    opening: (f) =>
      `Dear ${f.debtorName},\n\nThe schedule of your file ${f.caseReference} has changed. As your SEPA direct debit mandate ${f.mandateReference} provides, here are the debits that will be taken from the account ${f.ibanMasked}:`,
    line: (date, amount) => `– on ${date}: ${amount}`,
    creditor: (f) => `Creditor of the debits: ${f.agencyName}, SEPA creditor identifier ${f.creditorIdentifier}.`,
    others:
      'A payment of your schedule that is not in this list will not be debited: please pay it another way (transfer, card or cheque).',
    stop: (f) =>
      `You can stop the direct debit at any time on your online space${f.portalUrl ? ` (${f.portalUrl})` : ''}, and ask your bank to refund a debit within 8 weeks.`,
    closing: (f) => `Kind regards,\n${f.agencyName}`,
  },
  it: {
    subject: (f) => `I suoi prossimi addebiti – pratica ${f.caseReference}`,
    opening: (f) =>
      `Gentile ${f.debtorName},\n\nIl piano della sua pratica ${f.caseReference} è cambiato. Come previsto dal suo mandato di addebito diretto SEPA ${f.mandateReference}, ecco gli addebiti che saranno effettuati sul conto ${f.ibanMasked}:`,
    line: (date, amount) => `– il ${date}: ${amount}`,
    creditor: (f) =>
      `Creditore degli addebiti: ${f.agencyName}, identificativo creditore SEPA ${f.creditorIdentifier}.`,
    others:
      'Un pagamento del suo piano che non compare in questo elenco non sarà addebitato: lo paghi in un altro modo (bonifico, carta o assegno).',
    stop: (f) =>
      `Può revocare l’addebito in qualsiasi momento dal suo spazio online${f.portalUrl ? ` (${f.portalUrl})` : ''}, e chiedere alla sua banca il rimborso di un addebito entro 8 settimane.`,
    closing: (f) => `Cordiali saluti,\n${f.agencyName}`,
  },
};

export function debitNoticeText(facts: DebitNoticeFacts): { subject: string; body: string } {
  const words = WORDS[facts.language];
  const lines = facts.debits.map((debit) =>
    words.line(dayOf(facts.language, debit.dueOn), euros(facts.language, debit.amountCents)),
  );
  const body = [
    words.opening(facts),
    lines.join('\n'),
    words.creditor(facts),
    words.others,
    words.stop(facts),
    words.closing(facts),
  ].join('\n\n');
  return { subject: words.subject(facts), body };
}
