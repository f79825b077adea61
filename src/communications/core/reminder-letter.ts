import {
  demandOf,
  type FirstLetterLaw,
  type Itemisation,
  type LetterComponent,
  type LetterFactsWithAddress,
  type PaymentWay,
} from './first-letter.js';
import {
  checkTemplateText,
  euros,
  handDate,
  hasErrors,
  renderTemplateText,
  type LetterBlocks,
  type MessageLanguage,
  type TemplateText,
} from './template-text.js';

/**
 * A reminder by post: a letter after the first one, on the same sheet (window envelope, the agency's block, page
 * numbers, the portal's QR code), whose body is the template compliance published for the letter channel. What the law
 * fixes is written by construction and given to the template as blocks: the amount itemised without any collection
 * fee, the ways to pay, how to dispute; the sheet's own lines cite the first letter's reference and date again.
 */

export interface ReminderLetter {
  kind: 'reminder';
  language: MessageLanguage;
  window: { sender: string; recipient: string[] };
  agency: { name: string; address: string[]; phone: string };
  letterReference: string;
  caseReference: string;
  sentOn: string;
  firstLetter: { reference: string; sentOn: string };
  /** The body as the template in force renders it for this case. */
  body: string;
  templateVersion: number;
  /** The portal's sign-in with the case's code, for the QR code; null without a public address. */
  portalLink: string | null;
  amountDemandedCents: number;
}

export type ReminderRefusal =
  | { code: 'communications.no_letter_address' }
  | { code: 'communications.nothing_due' }
  | { code: 'communications.first_letter_missing' }
  | { code: 'communications.template_invalid' };

/**
 * The language of a case's reminder letter: French for a case under French rules whatever the debtor speaks (as its
 * first letter), the debtor's language for a case in Italy (Italian, or English or French when the debtor asked).
 */
export function reminderLetterLanguage(law: FirstLetterLaw, debtorLanguage: MessageLanguage): MessageLanguage {
  return law === 'FR' ? 'fr' : debtorLanguage;
}

type Texts = Record<MessageLanguage, string>;

const COMPONENTS: Record<LetterComponent, Texts> = {
  principal: { fr: 'principal', en: 'principal', it: 'capitale' },
  interest: { fr: 'intérêts', en: 'interest', it: 'interessi' },
  accessory: { fr: 'autres accessoires', en: 'other charges', it: 'spese e oneri' },
};

const TOTAL: Texts = {
  fr: 'Total dû (aucuns frais de recouvrement)',
  en: 'Total due (no collection fee)',
  it: 'Totale dovuto (nessuna spesa di recupero)',
};

/** The amount due, a line per claim and component with something owed, then the total: never a collection fee. */
export function itemisedAmountText(language: MessageLanguage, itemisation: Itemisation): string {
  const lines = itemisation.lines.map(
    (line) => `${line.claimReference} · ${COMPONENTS[line.component][language]} · ${euros(language, line.amountCents)}`,
  );
  const colon = language === 'fr' ? ' : ' : ': ';
  return [...lines, `${TOTAL[language]}${colon}${euros(language, itemisation.amountDemandedCents)}`].join('\n');
}

function paymentWayText(language: MessageLanguage, way: PaymentWay): string {
  switch (way.kind) {
    case 'bank_transfer': {
      const account = `IBAN ${way.iban}${way.bic ? `, BIC ${way.bic}` : ''}`;
      return {
        fr: `– par virement au compte de ${way.holder}, ${account}, référence ${way.reference} ;`,
        en: `– by transfer to ${way.holder}, ${account}, reference ${way.reference};`,
        it: `– con bonifico a ${way.holder}, ${account}, causale ${way.reference};`,
      }[language];
    }
    case 'cheque':
      return {
        fr: `– par chèque à l’ordre de ${way.payee}, adressé à ${way.address.join(', ')}, référence ${way.reference} au dos ;`,
        en: `– by cheque to ${way.payee}, sent to ${way.address.join(', ')}, reference ${way.reference} on the back;`,
        it: `– con assegno non trasferibile intestato a ${way.payee}, inviato a ${way.address.join(', ')}, riferimento ${way.reference};`,
      }[language];
    case 'phone':
      return {
        fr: `– en nous appelant au ${way.phone} pour convenir d’un échéancier ou d’un prélèvement, référence ${way.reference} ;`,
        en: `– by calling us on ${way.phone} to agree on instalments or a direct debit, reference ${way.reference};`,
        it: `– chiamandoci al ${way.phone} per concordare un piano di rate, riferimento ${way.reference};`,
      }[language];
    case 'online':
      return {
        fr: `– sur votre espace en ligne, ${way.url}, code d’accès ${way.accessCode}.`,
        en: `– on your online space, ${way.url}, access code ${way.accessCode}.`,
        it: `– nella sua area online, ${way.url}, codice di accesso ${way.accessCode}.`,
      }[language];
  }
}

export const paymentWaysText = (language: MessageLanguage, ways: readonly PaymentWay[]): string =>
  ways.map((way) => paymentWayText(language, way)).join('\n');

/** How to dispute: in writing to the agency's address or by phone, citing the case; the steps wait meanwhile. */
export function howToDisputeText(
  language: MessageLanguage,
  agency: { address: readonly string[]; phone: string },
  caseReference: string,
): string {
  const address = agency.address.join(', ');
  return {
    fr: `Si vous contestez tout ou partie de cette somme, ou si vous l’avez déjà réglée, écrivez-nous à ${address} ou appelez-nous au ${agency.phone} en rappelant la référence ${caseReference} : nous suspendrons nos démarches le temps de vérifier avec le créancier.`,
    en: `If you dispute all or part of this amount, or have already paid it, write to us at ${address} or call us on ${agency.phone} quoting the reference ${caseReference}: we will pause our steps while we check with the creditor.`,
    it: `Se contesta in tutto o in parte questo importo, o se lo ha già pagato, ci scriva a ${address} o ci chiami al ${agency.phone} citando il riferimento ${caseReference}: sospenderemo ogni iniziativa il tempo di verificare con il creditore.`,
  }[language];
}

export interface ReminderInput {
  facts: Omit<LetterFactsWithAddress, 'letterReference' | 'sentOn'>;
  language: MessageLanguage;
  /** The case's first letter; null when it has not gone out (nothing may precede it). */
  firstLetter: { reference: string; sentOn: string } | null;
  template: { version: number; text: TemplateText };
  letterReference: string;
  sentOn: string;
  debtorName: string;
}

/**
 * The reminder letter of a case, or why there is none: no first letter yet (R124-4), no address to write to, nothing
 * due, or a template in force that its checks refuse (it is checked again here, whatever was published).
 */
export function composeReminderLetter(
  input: ReminderInput,
): { ok: true; letter: ReminderLetter } | ({ ok: false } & ReminderRefusal) {
  const { facts, language, firstLetter } = input;
  if (!firstLetter) return { ok: false, code: 'communications.first_letter_missing' };
  const demand = demandOf({ ...facts, letterReference: input.letterReference, sentOn: input.sentOn });
  if (!demand.ok) return demand;
  const slot = { template: 'reminder', channel: 'letter', language } as const;
  if (hasErrors(checkTemplateText(slot, input.template.text)))
    return { ok: false, code: 'communications.template_invalid' };
  const agency = { name: facts.agency.name, address: facts.agency.address.lines, phone: facts.agency.phone };
  const letter: LetterBlocks = {
    itemisedAmount: itemisedAmountText(language, demand.itemisation),
    paymentWays: paymentWaysText(language, demand.paymentWays),
    howToDispute: howToDisputeText(language, agency, facts.caseReference),
  };
  const rendered = renderTemplateText(input.template.text, language, {
    debtorName: input.debtorName,
    caseReference: facts.caseReference,
    firstLetter,
    agencyName: agency.name,
    agencyPhone: agency.phone,
    balanceCents: demand.itemisation.amountDemandedCents,
    letter,
  });
  return {
    ok: true,
    letter: {
      kind: 'reminder',
      language,
      window: { sender: agency.name, recipient: [input.debtorName, ...demand.address.lines] },
      agency,
      letterReference: input.letterReference,
      caseReference: facts.caseReference,
      sentOn: input.sentOn,
      firstLetter,
      body: rendered.body,
      templateVersion: input.template.version,
      portalLink: facts.portal?.link ?? null,
      amountDemandedCents: demand.itemisation.amountDemandedCents,
    },
  };
}

/** The sheet's lines above the body, in the letter's language: its date, references and the first letter cited. */
export function reminderHeading(letter: ReminderLetter): { date: string; lines: string[]; subject: string } {
  const first = `${letter.firstLetter.reference}, ${handDate(letter.firstLetter.sentOn)}`;
  const date = handDate(letter.sentOn);
  switch (letter.language) {
    case 'fr':
      return {
        date: `Le ${date}`,
        lines: [`Notre référence : ${letter.letterReference}`, `Dossier : ${letter.caseReference}`],
        subject: `Objet : rappel, suite à notre courrier ${first}`,
      };
    case 'en':
      return {
        date,
        lines: [`Our reference: ${letter.letterReference}`, `File: ${letter.caseReference}`],
        subject: `Reminder, following our letter ${first}`,
      };
    case 'it':
      return {
        date,
        lines: [`Nostro riferimento: ${letter.letterReference}`, `Pratica: ${letter.caseReference}`],
        subject: `Oggetto: promemoria, a seguito della nostra lettera ${first}`,
      };
  }
}

/** The reference of a case's n-th reminder letter: `RL-<case>-<n>`, distinct from the first letter's `LR-…`. */
export const reminderReference = (caseReference: string, index: number) => `RL-${caseReference}-${index}`;

/** Why a reminder letter issued but not yet printed does not go out any more. */
export type ReminderWithdrawalReason = 'no_longer_allowed' | 'amount_changed' | 'address_changed';

/**
 * The policy's rules that still bind a letter already decided: what stands about the person or the case (a hold, an
 * opt-out, a closed case, an estate, the care unit's or the person's own channel choice, no address). The caps,
 * spacing, pauses and hours were checked when it was issued and counted it; they do not recall it.
 */
const STANDING_RULE = /^(case\.closed|hold\.|estate\.|opt_out$|unreachable$|care\.channel$|preference\.channel$)/;

/**
 * Whether a reminder letter waiting for its print run must be withdrawn, from what holds when the run takes it: the
 * policy's refusal reasons for a letter now, the amount the letter would demand now (null: nothing due) and the
 * address the debtors' rule would write to now (null: none that receives mail). Null when it still goes out as written.
 */
export function reminderWithdrawal(input: {
  policyRules: readonly string[];
  amountNowCents: number | null;
  amountOnLetterCents: number;
  addressNowId: string | null;
  addressOnLetterId: string;
}): { reason: ReminderWithdrawalReason; rules: string[] } | null {
  const standing = input.policyRules.filter((rule) => STANDING_RULE.test(rule));
  if (standing.length > 0) return { reason: 'no_longer_allowed', rules: standing };
  if (input.amountNowCents !== input.amountOnLetterCents) return { reason: 'amount_changed', rules: [] };
  if (input.addressNowId !== input.addressOnLetterId) return { reason: 'address_changed', rules: [] };
  return null;
}
