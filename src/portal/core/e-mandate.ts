import { extractIBAN, isSEPACountry, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { PRE_NOTIFICATION_DAYS } from '../../bank-files/core/debit-notices.js';
import { addDays, type IsoDate } from '../../platform/calendar/dates.js';

/**
 * The SEPA direct-debit e-mandate the person signs on the portal (docs/portal.md, "A direct debit"), pure: the
 * account checked (ISO 13616 format and check digits, a SEPA country, the BIC when the country needs one), the
 * mandate's unique reference, the pre-notification of each debit and the text the person reads and signs.
 */

export { PRE_NOTIFICATION_DAYS, preNotificationDate } from '../../bank-files/core/debit-notices.js';

/** The version of the mandate text below; recorded with the signature. A new wording is a new version. */
export const MANDATE_TEXT_VERSION = 1;

/** The SEPA countries outside the EEA, whose debits need the debtor's BIC (EPC, SEPA scheme rules). */
const BIC_REQUIRED_COUNTRIES = new Set([
  'AD',
  'AL',
  'CH',
  'GB',
  'GG',
  'GI',
  'IM',
  'JE',
  'MC',
  'MD',
  'ME',
  'MK',
  'RS',
  'SM',
  'VA',
]);

export type IbanRefusal = 'format' | 'check_digits' | 'not_sepa' | 'bic_required' | 'bic_invalid';

export type AccountVerdict =
  { ok: true; iban: string; bic: string | null; country: string } | { ok: false; reason: IbanRefusal };

/** The IBAN as the person may type it (spaces, small letters) in its electronic form. */
export const electronicIban = (text: string) => text.replace(/[\s.-]+/g, '').toUpperCase();

/**
 * Whether an account may carry the direct debit: a valid IBAN (national format and ISO 7064 check digits) of a SEPA
 * country, and a valid BIC, required only outside the EEA.
 */
export function checkAccount(ibanText: string, bicText: string | null | undefined): AccountVerdict {
  const iban = electronicIban(ibanText);
  const checked = validateIBAN(iban);
  if (!checked.valid) {
    const digitsOnly = checked.errorCodes.every(
      (code) =>
        code === ValidationErrorsIBAN.WrongIBANChecksum || code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum,
    );
    return { ok: false, reason: digitsOnly ? 'check_digits' : 'format' };
  }
  const country = extractIBAN(iban).countryCode ?? iban.slice(0, 2);
  if (!isSEPACountry(country)) return { ok: false, reason: 'not_sepa' };
  const bic = bicText ? bicText.replace(/\s+/g, '').toUpperCase() : null;
  if (bic !== null && !isValidBIC(bic)) return { ok: false, reason: 'bic_invalid' };
  if (bic === null && BIC_REQUIRED_COUNTRIES.has(country)) return { ok: false, reason: 'bic_required' };
  return { ok: true, iban, bic, country };
}

/** The IBAN as shown everywhere but in the bank file: its country and check digits, then only its last four. */
export function maskIban(iban: string): string {
  const clean = electronicIban(iban);
  return `${clean.slice(0, 4)} •••• •••• ${clean.slice(-4)}`;
}

/** The characters a mandate reference may use (pain.008 `MndtId`, at most 35). */
export const MANDATE_REFERENCE = /^[A-Za-z0-9/?:().,'+-]{1,35}$/;

/**
 * The unique reference of the case's `ordinal`-th portal mandate: `ACP-` + the case reference in capitals and digits
 * (its first 24) + `-` + the ordinal. Two cases whose references differ in letters or digits never share one.
 */
export function eMandateReference(caseReference: string, ordinal: number): string {
  if (!Number.isSafeInteger(ordinal) || ordinal < 1 || ordinal > 9999) throw new RangeError('ordinal out of range');
  const core = caseReference
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 24);
  return `ACP-${core || 'CASE'}-${ordinal}`;
}

/** The first due date a mandate signed on `signedOn` may debit: its schedule, shown at signature, is the notice. */
export const firstDebitDate = (signedOn: IsoDate): IsoDate => addDays(signedOn, PRE_NOTIFICATION_DAYS);

/** Whether an instalment due on `dueOn` is notified in time by the schedule shown on `signedOn`. */
export const notifiedInTime = (signedOn: IsoDate, dueOn: IsoDate): boolean => dueOn >= firstDebitDate(signedOn);

export type MandateLanguage = 'fr' | 'en' | 'it';

export interface MandateTextFacts {
  creditorName: string;
  creditorIdentifier: string;
  reference: string;
}

type Texts = (facts: MandateTextFacts, days: number) => string[];

const TEXTS: Record<MandateLanguage, Texts> = {
  fr: (f, days) => [
    `Mandat de prélèvement SEPA. Référence unique du mandat : ${f.reference}. Identifiant créancier SEPA : ${f.creditorIdentifier}. Créancier : ${f.creditorName}.`,
    `En signant ce mandat, vous autorisez ${f.creditorName} à envoyer des instructions à votre banque pour débiter votre compte, et votre banque à débiter votre compte conformément à ces instructions, pour les échéances de votre plan de paiement.`,
    `Vous serez prévenu de chaque prélèvement (son montant et sa date) au moins ${days} jours avant. L’échéancier affiché ici vaut prévenance ; si une échéance change, nous vous écrivons au moins ${days} jours avant.`,
    'Vous pouvez demander à votre banque le remboursement d’un prélèvement dans les 8 semaines qui suivent la date du débit, selon les conditions de votre convention avec elle.',
    'Vous pouvez révoquer ce mandat à tout moment sur cet espace ou en nous le disant : les prélèvements s’arrêtent, le plan continue et vous payez autrement.',
  ],
  en: (f, days) => [
    `SEPA direct debit mandate. Unique mandate reference: ${f.reference}. SEPA creditor identifier: ${f.creditorIdentifier}. Creditor: ${f.creditorName}.`,
    `By signing this mandate, you authorise ${f.creditorName} to send instructions to your bank to debit your account, and your bank to debit your account in accordance with those instructions, for the payments of your plan.`,
    `You will be told of each debit (its amount and date) at least ${days} days before. The schedule shown here is that notice; if a payment changes, we write to you at least ${days} days before.`,
    'You are entitled to a refund from your bank under the terms of your agreement with it: a refund must be claimed within 8 weeks of the date your account was debited.',
    'You may revoke this mandate at any time on this space or by telling us: the debits stop, the plan goes on and you pay another way.',
  ],
  it: (f, days) => [
    `Mandato di addebito diretto SEPA. Riferimento unico del mandato: ${f.reference}. Identificativo del creditore SEPA: ${f.creditorIdentifier}. Creditore: ${f.creditorName}.`,
    `Firmando questo mandato, autorizzi ${f.creditorName} a inviare istruzioni alla tua banca per addebitare il tuo conto, e la tua banca ad addebitarlo secondo tali istruzioni, per le rate del tuo piano di pagamento.`,
    `Sarai avvisato di ogni addebito (importo e data) almeno ${days} giorni prima. Il piano delle rate mostrato qui vale come preavviso; se una rata cambia, ti scriviamo almeno ${days} giorni prima.`,
    'Hai diritto al rimborso dalla tua banca secondo le condizioni del tuo contratto con essa: il rimborso va chiesto entro 8 settimane dalla data dell’addebito.',
    'Puoi revocare questo mandato in qualsiasi momento da questo spazio o dicendocelo: gli addebiti si fermano, il piano continua e paghi in un altro modo.',
  ],
};

/** The mandate text the person reads, in their language, as paragraphs (what is signed, hashed with the signature). */
export function mandateText(language: MandateLanguage, facts: MandateTextFacts): string[] {
  return TEXTS[language](facts, PRE_NOTIFICATION_DAYS);
}

export type MandateRefusal = 'case_closed' | 'no_plan' | 'on_hold' | 'not_configured';

/** The holds under which no direct debit is taken (REGULATION.md §2, §6: no collection, no direct debit). */
export const HOLDS_FORBIDDING_A_MANDATE = [
  'overindebtedness_filed',
  'overindebtedness_admissible',
  'dispute',
  'deceased',
] as const;

/** Why no mandate may be signed on the case now, or null. */
export function mandateRefusal(facts: {
  status: string;
  livePlan: boolean;
  activeHolds: readonly string[];
  creditorConfigured: boolean;
}): MandateRefusal | null {
  if (facts.status === 'closed') return 'case_closed';
  if (!facts.creditorConfigured) return 'not_configured';
  if (facts.activeHolds.some((kind) => (HOLDS_FORBIDDING_A_MANDATE as readonly string[]).includes(kind)))
    return 'on_hold';
  if (!facts.livePlan) return 'no_plan';
  return null;
}
