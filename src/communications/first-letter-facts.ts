import type { Kysely, Transaction } from 'kysely';
import { portalAccessCode } from '../cases/access-code.js';
import { printedAccessCode } from '../cases/core/access-code.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { chooseLetterAddress, type AddressSource } from '../debtors/core/letter-address.js';
import type { Config } from '../platform/config.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { mediatorFor } from '../complaints/handle-complaint.js';
import { deadlineRuleOn } from '../complaints/core/complaint.js';
import { loadDeadlineRules } from '../complaints/register-complaint.js';
import type { ItalianLetterFacts } from './core/first-letter-it-check.js';
import {
  configuredAddress,
  firstLetterLaw,
  type FirstLetterLaw,
  postalLines,
  type ChargeLine,
  type ClaimBasis,
  type FirstLetterFacts,
  type PostalAddress,
} from './core/first-letter.js';

type Db = Kysely<DB> | Transaction<DB>;

export const COUNTRY_NAMES: Record<string, string> = {
  BE: 'Belgique',
  CH: 'Suisse',
  DE: 'Allemagne',
  ES: 'Espagne',
  GB: 'Royaume-Uni',
  IT: 'Italie',
  LU: 'Luxembourg',
  MC: 'Monaco',
  PT: 'Portugal',
};

/** The same countries in Italian, for the addresses an Italian letter names in its text (not the one it goes to). */
const COUNTRY_NAMES_IT: Record<string, string> = {
  BE: 'Belgio',
  CH: 'Svizzera',
  DE: 'Germania',
  ES: 'Spagna',
  FR: 'Francia',
  GB: 'Regno Unito',
  IT: 'Italia',
  LU: 'Lussemburgo',
  MC: 'Monaco',
  PT: 'Portogallo',
};

export interface LetterFacts {
  facts: Omit<FirstLetterFacts, 'debtor' | 'letterReference' | 'sentOn'> & {
    debtor: { name: string; address: PostalAddress | null };
  };
  /** The country whose rules govern the letter: the debtor's letter address's, else the creditor's. */
  country: string;
  /** The letter that country calls for (firstLetterLaw): the French R124-4 letter, or the Italian one. */
  law: FirstLetterLaw;
  /** What the Italian letter's regime turns on: the creditor (its sector) and whether the agency bought the claims. */
  creditor: { id: string; sector: string };
  mandateKind: 'collection' | 'purchased';
  /** The zone of the address written to (the debtor's "today" dates the letter). */
  timeZone: string;
  /** The address written to, by the debtors' rule, for a mail house's manifest and a letter that comes back. */
  address: { id: string; postalCode: string; city: string; country: string } | null;
}

/** The agency's postal address, which every first letter names (R124-4 1°); 409 when it is not configured. */
export function agencyAddressOf(config: Config): PostalAddress {
  const address = configuredAddress(config.AGENCY_ADDRESS);
  if (!address)
    throw new AppError(
      'communications.agency_address_missing',
      409,
      "The agency's postal address is not configured (AGENCY_ADDRESS): the first letter must name it (R124-4 1°).",
    );
  return address;
}

/**
 * The portal's address and the case's access code, printed among the ways to act, and the link of the letter's QR code
 * (none without a public address). The link carries the code after `#`: the sign-in page reads it and fills it in, and
 * neither the server's logs nor another site's referrer ever see it.
 */
async function portalOf(db: Db, config: Config, caseId: string, now: Date) {
  if (!config.PUBLIC_URL) return null;
  const url = `${config.PUBLIC_URL.replace(/\/$/, '')}/portal`;
  const code = await portalAccessCode(db, caseId, now);
  return { url, accessCode: printedAccessCode(code), link: `${url}#code=${code}` };
}

/** The facts the first letter of a case names, read in a few queries; the agency's from the configuration. */
export async function loadLetterFacts(
  db: Db,
  config: Config,
  found: { id: string; reference: string; creditor_id: string; debtor_id: string },
  now: Date,
): Promise<LetterFacts> {
  const agencyAddress = agencyAddressOf(config);
  const portal = await portalOf(db, config, found.id, now);
  const [creditor, mandate, debtor, addresses, claims] = await Promise.all([
    db.selectFrom('creditors').selectAll().where('id', '=', found.creditor_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('cases')
      .innerJoin('mandates', 'mandates.id', 'cases.mandate_id')
      .select('mandates.kind')
      .where('cases.id', '=', found.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('debtors')
      .select(['kind', 'first_name', 'last_name', 'company_name'])
      .where('id', '=', found.debtor_id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('debtor_addresses').selectAll().where('debtor_id', '=', found.debtor_id).execute(),
    db
      .selectFrom('claims')
      .select([
        'reference',
        'contract_type',
        'default_on',
        'original_creditor',
        'principal_cents',
        'interest_cents',
        'fees_cents',
        'settled_principal_cents',
        'settled_interest_cents',
        'settled_fees_cents',
      ])
      .where('case_id', '=', found.id)
      .orderBy('default_on')
      .orderBy('reference')
      .execute(),
  ]);
  const address = letterAddress(addresses);
  const law = firstLetterLaw(address?.country ?? creditor.country);
  const { charges, bases } = chargesOf(claims);
  const { SEPA_CREDITOR_NAME, SEPA_CREDITOR_IBAN, SEPA_CREDITOR_BIC } = config;
  return {
    facts: {
      agency: {
        name: config.AGENCY_NAME,
        address: agencyAddress,
        phone: config.AGENCY_PHONE,
        account:
          SEPA_CREDITOR_NAME && SEPA_CREDITOR_IBAN
            ? { holder: SEPA_CREDITOR_NAME, iban: SEPA_CREDITOR_IBAN, bic: SEPA_CREDITOR_BIC ?? null }
            : null,
      },
      creditor: {
        name: creditor.name,
        legalName: creditor.legal_name,
        address: postalLines(
          {
            line1: creditor.address_line1,
            line2: creditor.address_line2,
            postalCode: creditor.postal_code,
            city: creditor.city,
            country: creditor.country,
          },
          law === 'IT' ? COUNTRY_NAMES_IT : COUNTRY_NAMES,
        ),
      },
      debtor: {
        name: debtorName(debtor),
        address: address
          ? postalLines(
              {
                line1: address.line1,
                line2: address.line2,
                postalCode: address.postal_code,
                city: address.city,
                country: address.country,
              },
              COUNTRY_NAMES,
            )
          : null,
      },
      caseReference: found.reference,
      claims: bases,
      charges,
      portal,
    },
    country: address?.country ?? creditor.country,
    law,
    creditor: { id: creditor.id, sector: creditor.sector },
    mandateKind: mandate.kind,
    timeZone: address?.time_zone ?? config.AGENCY_TZ,
    address: address
      ? { id: address.id, postalCode: address.postal_code, city: address.city, country: address.country }
      : null,
  };
}

/**
 * What the Italian letter adds to a case's facts, as in force on the letter's day: the agency's time to answer a
 * complaint in Italy (complaint_deadline_rules) and the mediator the directory names for the creditor there (the ABF).
 */
export async function italianLetterFacts(
  db: Db,
  loaded: LetterFacts,
  letter: { letterReference: string; sentOn: string },
): Promise<ItalianLetterFacts> {
  const [rules, mediator] = await Promise.all([
    loadDeadlineRules(db),
    mediatorFor(db, loaded.creditor, 'IT', letter.sentOn),
  ]);
  const rule = deadlineRuleOn(rules, 'IT', letter.sentOn);
  return {
    ...loaded.facts,
    ...letter,
    creditorSector: loaded.creditor.sector,
    mandateKind: loaded.mandateKind,
    complaintAnswer: rule ? { months: rule.answerMonths, days: rule.answerDays } : null,
    mediator: mediator ? { name: mediator.name, address: mediator.address, website: mediator.website } : null,
  };
}

/** The address the letter goes to, by the debtors' rule (never one whose mail came back). */
export function letterAddress<A extends AddressRow>(addresses: A[]): A | null {
  const chosen = chooseLetterAddress(
    addresses.map((a) => ({
      id: a.id,
      source: a.source as AddressSource,
      isPrimary: a.is_primary,
      createdAtMs: new Date(a.created_at).getTime(),
      verifiedAtMs: a.verified_at ? new Date(a.verified_at).getTime() : null,
      undeliverableAtMs: a.undeliverable_at ? new Date(a.undeliverable_at).getTime() : null,
    })),
  );
  return chosen ? addresses.find((a) => a.id === chosen.id)! : null;
}

interface AddressRow {
  id: string;
  source: string;
  is_primary: boolean;
  created_at: Date | string;
  verified_at: Date | string | null;
  undeliverable_at: Date | string | null;
}

interface ClaimRow {
  reference: string;
  contract_type: string;
  default_on: string;
  original_creditor: string | null;
  principal_cents: number;
  interest_cents: number;
  fees_cents: number;
  settled_principal_cents: number;
  settled_interest_cents: number;
  settled_fees_cents: number;
}

/** What is still owed on each claim, by component, and the basis of each claim with something owed. */
function chargesOf(claims: ClaimRow[]): { charges: ChargeLine[]; bases: ClaimBasis[] } {
  const charges: ChargeLine[] = claims.flatMap((claim) => [
    {
      claimReference: claim.reference,
      component: 'principal' as const,
      amountCents: owed(claim.principal_cents, claim.settled_principal_cents),
    },
    {
      claimReference: claim.reference,
      component: 'interest' as const,
      amountCents: owed(claim.interest_cents, claim.settled_interest_cents),
    },
    // A claim's fees are the creditor's accessories as placed (a contractual indemnity): never the agency's fee.
    {
      claimReference: claim.reference,
      component: 'accessory' as const,
      amountCents: owed(claim.fees_cents, claim.settled_fees_cents),
    },
  ]);
  const owedClaims = new Set(charges.filter((c) => c.amountCents > 0).map((c) => c.claimReference));
  const bases: ClaimBasis[] = claims
    .filter((claim) => owedClaims.has(claim.reference))
    .map((claim) => ({
      reference: claim.reference,
      contractType: claim.contract_type,
      defaultOn: claim.default_on,
      originalCreditor: claim.original_creditor,
    }));
  return { charges, bases };
}

const owed = (amount: number, settled: number) => Math.max(0, amount - settled);
