/**
 * The first letter to a debtor (CPCE R124-4, REGULATION §1 and §13): its content composed from facts. Pure: no I/O,
 * no clock (the letter's date comes in with the facts). The letter is French whatever the debtor's language, since
 * the text of the law it quotes is French. A case in Italy gets the Italian first letter instead (first-letter-it.ts):
 * `firstLetterLaw` says which.
 */

/** CPCE L111-8, paragraphs 2 and 3, verbatim (REGULATION §13): R124-4 5° asks for this exact text. */
export const L111_8_PARAGRAPHS = [
  "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s'ils concernent un acte dont l'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.",
  "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.",
] as const;

/**
 * What a claim's amount is made of. `collection_fee` names what the agency's work would cost: it may be given (a
 * caller passing every charge it knows) but never reaches the letter (L111-8: it stays with the creditor).
 */
export const CHARGE_COMPONENTS = ['principal', 'interest', 'accessory', 'collection_fee'] as const;
export type ChargeComponent = (typeof CHARGE_COMPONENTS)[number];
/** The components a letter may itemise: no collection fee, by the type itself. */
export type LetterComponent = Exclude<ChargeComponent, 'collection_fee'>;
export const LETTER_COMPONENTS: readonly LetterComponent[] = ['principal', 'interest', 'accessory'];

export interface ChargeLine {
  claimReference: string;
  component: ChargeComponent;
  amountCents: number;
}

export interface ItemisedLine {
  claimReference: string;
  component: LetterComponent;
  amountCents: number;
}

export interface Itemisation {
  /** One line per claim and component with something due, in the order given; never a collection fee. */
  lines: ItemisedLine[];
  totals: Record<LetterComponent, number>;
  /** The amount demanded: the sum of the lines, and of the totals. */
  amountDemandedCents: number;
}

/**
 * The amount demanded, itemised as principal, interest and other accessories. A collection-fee line is left out
 * whatever its amount; lines of zero are left out; a negative or fractional amount is a programming error.
 */
export function itemiseCharges(charges: readonly ChargeLine[]): Itemisation {
  const lines: ItemisedLine[] = [];
  const totals: Record<LetterComponent, number> = { principal: 0, interest: 0, accessory: 0 };
  for (const charge of charges) {
    if (!Number.isSafeInteger(charge.amountCents) || charge.amountCents < 0)
      throw new RangeError(`itemiseCharges: not an amount in cents: ${charge.amountCents}`);
    const component = letterComponent(charge.component);
    if (component === null || charge.amountCents === 0) continue;
    lines.push({ claimReference: charge.claimReference, component, amountCents: charge.amountCents });
    totals[component] += charge.amountCents;
  }
  const amountDemandedCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  return { lines, totals, amountDemandedCents };
}

const letterComponent = (component: ChargeComponent): LetterComponent | null =>
  component === 'collection_fee' ? null : component;

export interface PostalAddress {
  /** The street lines, then the postal code and city as one line, then the country when it is not France. */
  lines: string[];
  country: string;
}

export interface ClaimBasis {
  reference: string;
  contractType: string;
  defaultOn: string;
  originalCreditor: string | null;
}

export interface FirstLetterFacts {
  agency: {
    name: string;
    address: PostalAddress;
    phone: string;
    /** The agency's account for transfers; null when none is configured (the letter then names the other ways). */
    account: { holder: string; iban: string; bic: string | null } | null;
  };
  creditor: { name: string; legalName: string; address: PostalAddress };
  debtor: { name: string; address: PostalAddress };
  caseReference: string;
  letterReference: string;
  /** The letter's date (the day it is sent). */
  sentOn: string;
  claims: ClaimBasis[];
  charges: ChargeLine[];
  /**
   * The debtor portal where the file can be read and settled, with the case's access code, and the link its QR code
   * opens (the code in the address's fragment, which no browser sends to a server); absent without a portal.
   */
  portal?: { url: string; accessCode: string; link?: string } | null;
}

export type PaymentWay =
  | { kind: 'bank_transfer'; holder: string; iban: string; bic: string | null; reference: string }
  | { kind: 'cheque'; payee: string; address: string[]; reference: string }
  | { kind: 'phone'; phone: string; reference: string }
  | { kind: 'online'; url: string; accessCode: string; link?: string };

export interface FirstLetter {
  /** The French letter (R124-4); the Italian one is `ItalianFirstLetter`. */
  law: 'FR';
  /** What shows through the envelope's window: the agency's neutral name as sender, then the debtor's address. */
  window: { sender: string; recipient: string[] };
  /** 1° the agency, and that it collects amicably. */
  agency: { name: string; address: string[]; phone: string; amicable: true };
  /** 2° the creditor. */
  creditor: { name: string; legalName: string; address: string[] };
  letterReference: string;
  caseReference: string;
  sentOn: string;
  /** 3° the basis and the amount, itemised without any collection fee. */
  claims: ClaimBasis[];
  itemisation: Itemisation;
  /** 4° the demand to pay and the ways to pay, each naming the case's reference. */
  paymentWays: PaymentWay[];
  /** 5° L111-8 paragraphs 2 and 3. */
  l1118: readonly string[];
}

export type FirstLetterRefusal = { code: 'communications.no_letter_address' } | { code: 'communications.nothing_due' };

/** The laws a first letter is written under: France's R124-4, or Italy's rules (Garante 2005, art. 114.8 TUB). */
export const FIRST_LETTER_LAWS = ['FR', 'IT'] as const;
export type FirstLetterLaw = (typeof FIRST_LETTER_LAWS)[number];

/**
 * Which first letter a case gets, from the country of the address it goes to (else the creditor's): Italy's for a
 * case in Italy, R124-4's for any other (a French agency writing abroad writes as the French law asks).
 */
export function firstLetterLaw(country: string): FirstLetterLaw {
  return country === 'IT' ? 'IT' : 'FR';
}

/** The facts a letter is composed from, before it is known whether the debtor has an address to write to. */
export type LetterFactsWithAddress = Omit<FirstLetterFacts, 'debtor'> & {
  debtor: { name: string; address: PostalAddress | null };
};

/** The amount a letter demands, and the ways to pay it, or why there is no letter: no address, or nothing due. */
export function demandOf(
  facts: LetterFactsWithAddress,
):
  | { ok: true; address: PostalAddress; itemisation: Itemisation; paymentWays: PaymentWay[] }
  | ({ ok: false } & FirstLetterRefusal) {
  if (!facts.debtor.address) return { ok: false, code: 'communications.no_letter_address' };
  const itemisation = itemiseCharges(facts.charges);
  if (itemisation.amountDemandedCents === 0) return { ok: false, code: 'communications.nothing_due' };
  const reference = facts.caseReference;
  const paymentWays: PaymentWay[] = [];
  if (facts.agency.account) paymentWays.push({ kind: 'bank_transfer', ...facts.agency.account, reference });
  paymentWays.push({ kind: 'cheque', payee: facts.agency.name, address: facts.agency.address.lines, reference });
  paymentWays.push({ kind: 'phone', phone: facts.agency.phone, reference });
  if (facts.portal) paymentWays.push({ kind: 'online', ...facts.portal });
  return { ok: true, address: facts.debtor.address, itemisation, paymentWays };
}

/**
 * The French first letter (R124-4) of a case, from its facts, or why there is none: a debtor with no address to
 * write to, or nothing due.
 */
export function composeFirstLetter(
  facts: LetterFactsWithAddress,
): { ok: true; letter: FirstLetter } | ({ ok: false } & FirstLetterRefusal) {
  const demand = demandOf(facts);
  if (!demand.ok) return demand;
  const { itemisation, paymentWays } = demand;
  const reference = facts.caseReference;
  return {
    ok: true,
    letter: {
      law: 'FR',
      window: { sender: facts.agency.name, recipient: [facts.debtor.name, ...demand.address.lines] },
      agency: {
        name: facts.agency.name,
        address: facts.agency.address.lines,
        phone: facts.agency.phone,
        amicable: true,
      },
      creditor: {
        name: facts.creditor.name,
        legalName: facts.creditor.legalName,
        address: facts.creditor.address.lines,
      },
      letterReference: facts.letterReference,
      caseReference: reference,
      sentOn: facts.sentOn,
      claims: facts.claims,
      itemisation,
      paymentWays,
      l1118: L111_8_PARAGRAPHS,
    },
  };
}

/** A postal address's lines as a letter prints them: street lines, postal code and city, the country abroad. */
export function postalLines(
  address: { line1: string; line2: string | null; postalCode: string; city: string; country: string },
  countryNames: Readonly<Record<string, string>> = {},
): PostalAddress {
  const lines = [address.line1, address.line2 ?? '', `${address.postalCode} ${address.city.toUpperCase()}`];
  if (address.country !== 'FR') lines.push((countryNames[address.country] ?? address.country).toUpperCase());
  return { lines: lines.map((line) => line.trim()).filter((line) => line !== ''), country: address.country };
}

/** The agency's postal address as configured: lines separated by ';' or new lines, the last with code and city. */
export function configuredAddress(text: string | undefined): PostalAddress | null {
  const lines = (text ?? '')
    .split(/[;\n]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length === 0 ? null : { lines, country: 'FR' };
}
