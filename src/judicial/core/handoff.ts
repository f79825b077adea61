import { isCareHold } from '../../need-to-know/core/need-to-know.js';
import {
  buildStatement,
  type ClaimMovement,
  type Statement,
  type StatementClaim,
  type StatementPayment,
} from './handoff-statement.js';
import { buildRequete, type Requete } from './requete.js';

/**
 * The handoff file of a judicial case (REGULATION.md §11 point 5): the versioned bundle a commissaire de justice or
 * the creditor's lawyer receives, as one JSON document (its schema: `handoff-schema.ts`, written out as
 * docs/schemas/handoff-v1.json). Pure: from the facts a service loaded, with the version and the moment given.
 *
 * Need-to-know: the file is the creditor's (its partner acts in its name), so it holds what the creditor's own
 * mandate gives it and what the court needs, nothing learnt from another creditor's file, nothing of special
 * category. What it leaves out, and why, is listed in the document itself (`withheld`).
 */

export const HANDOFF_FORMAT = 'accord.handoff';
export const HANDOFF_FORMAT_VERSION = 1;

/** Timeline kinds that are contacts with the debtor: the contact log (date, channel, direction, outcome only). */
export const CONTACT_KINDS = ['letter', 'call_attempt', 'conversation', 'sms', 'email'] as const;

/**
 * Hold kinds the file names: each stays or bears on enforcement in law (a procedure, a death, a dispute or a time bar
 * of this case). Any other hold, and a dispute hold of another case, reads "collection suspended", without its kind.
 */
export const DISCLOSED_HOLD_KINDS = [
  'overindebtedness_filed',
  'overindebtedness_admissible',
  'commission_plan',
  'deceased',
  'dispute',
  'time_barred',
] as const;
/** Kinds that concern the person whatever the case (a procedure covers every debt; a death ends them all). */
const PERSON_WIDE_KINDS: readonly string[] = [
  'overindebtedness_filed',
  'overindebtedness_admissible',
  'commission_plan',
  'deceased',
];
export const SUSPENDED_HOLD_KIND = 'collection_suspended';

export interface HandoffFacts {
  case: { id: string; reference: string; stage: string; currency: string; openedOn: string };
  creditor: {
    name: string;
    legalName: string;
    registrationNumber: string | null;
    address: string;
  };
  mandate: { code: string; kind: 'collection' | 'purchased'; startsOn: string; endsOn: string | null };
  debtor: {
    kind: 'person' | 'company';
    title: string | null;
    firstName: string | null;
    lastName: string | null;
    birthName: string | null;
    companyName: string | null;
    registrationNumber: string | null;
    birthDate: string | null;
    birthPlace: string | null;
    creditorReference: string | null;
  };
  /** The addresses the creditor's files gave, newest first, with when they were recorded. */
  addresses: {
    line1: string;
    line2: string | null;
    postalCode: string;
    city: string;
    country: string;
    suppliedOn: string;
    undeliverable: boolean;
  }[];
  claims: StatementClaim[];
  movements: ClaimMovement[];
  payments: StatementPayment[];
  /** The R124-4 letter as recorded on the case. */
  firstLetter: { reference: string; sentOn: string } | null;
  /** The first outbound letter on the timeline, when the case records no first letter. */
  firstTimelineLetter: { on: string } | null;
  contacts: { at: string; kind: string; channel: string | null; direction: string | null; outcome: string | null }[];
  stageHistory: { from: string | null; to: string; on: string }[];
  holds: { kind: string; caseId: string | null; status: string; startsOn: string; endsOn: string | null }[];
  timeBars: {
    claimReference: string;
    source: string;
    years: number;
    startOn: string;
    lastDay: string;
    status: string;
  }[];
  /** Documents of the case the creditor may receive (shared with it, never special category), oldest first. */
  documents: { id: string; type: string; fileName: string; source: string; sha256: string; uploadedOn: string }[];
}

export interface HandoffDocument {
  format: typeof HANDOFF_FORMAT;
  formatVersion: typeof HANDOFF_FORMAT_VERSION;
  version: number;
  builtAt: string;
  case: HandoffFacts['case'];
  creditor: HandoffFacts['creditor'];
  mandate: HandoffFacts['mandate'] & { assignment: { deedReference: null; note: string } | null };
  debtor: HandoffFacts['debtor'];
  addresses: (Omit<HandoffFacts['addresses'][number], 'suppliedOn'> & {
    provenance: { source: 'creditor_file'; suppliedOn: string };
  })[];
  employer: null;
  bank: null;
  statement: Statement & { interestBasis: string };
  firstLetter: {
    reference: string | null;
    sentOn: string;
    basis: 'recorded_on_case' | 'first_letter_on_timeline';
  } | null;
  contactLog: HandoffFacts['contacts'];
  stageHistory: HandoffFacts['stageHistory'];
  holds: { kind: string; disclosed: boolean; status: string; startsOn: string; endsOn: string | null }[];
  timeBars: HandoffFacts['timeBars'];
  documents: (HandoffFacts['documents'][number] & { number: number })[];
  requete: Requete;
  withheld: { what: string; why: string }[];
}

/** How a hold reads in the file: its kind when it bears on enforcement and concerns this case or the person. */
export function handoffHoldKind(hold: { kind: string; caseId: string | null }, caseId: string): string {
  if (isCareHold(hold.kind)) return SUSPENDED_HOLD_KIND;
  if (!(DISCLOSED_HOLD_KINDS as readonly string[]).includes(hold.kind)) return SUSPENDED_HOLD_KIND;
  if (PERSON_WIDE_KINDS.includes(hold.kind) || hold.caseId === null || hold.caseId === caseId) return hold.kind;
  return SUSPENDED_HOLD_KIND;
}

/** What every file leaves out, and why (the same for every case: it is the rule, not a case's facts). */
export const WITHHELD: readonly { what: string; why: string }[] = [
  {
    what: 'health, vulnerability and budget data; the kind and reason of a care hold',
    why: 'special-category data (GDPR art. 9): not needed to obtain or enforce a title',
  },
  {
    what: 'addresses, phones and e-mails learnt from another creditor’s file or by the agency',
    why: 'the file is the creditor’s: only what its own files gave (GDPR art. 5(1)(b), art. 28)',
  },
  {
    what: 'the texts of notes and calls',
    why: 'the contact log gives each contact’s date, channel, direction and outcome: enough to show the amicable steps',
  },
  {
    what: 'hold reasons typed by agents',
    why: 'free text may name a third party or a health matter; the kind and dates are what bear on enforcement',
  },
  {
    what: 'employer and bank',
    why: 'Accord records neither for a creditor: the partner obtains them by its own means (CPCE L152-1)',
  },
];

/** The handoff document of one version, built at `builtAt` (an ISO instant) on `builtOn` (the agency's day). */
export function buildHandoff(
  facts: HandoffFacts,
  built: { version: number; builtAt: string; builtOn: string },
): HandoffDocument {
  const statement = buildStatement({
    asOf: built.builtOn,
    currency: facts.case.currency,
    claims: facts.claims,
    movements: facts.movements,
    payments: facts.payments,
  });
  // Pièce 1 of the bordereau is the statement of account; the documents follow from pièce 2.
  const documents = facts.documents.map((d, index) => ({ ...d, number: index + 2 }));
  const firstLetter = facts.firstLetter
    ? { reference: facts.firstLetter.reference, sentOn: facts.firstLetter.sentOn, basis: 'recorded_on_case' as const }
    : facts.firstTimelineLetter
      ? { reference: null, sentOn: facts.firstTimelineLetter.on, basis: 'first_letter_on_timeline' as const }
      : null;
  const addresses = facts.addresses.map(({ suppliedOn, ...a }) => ({
    ...a,
    provenance: { source: 'creditor_file' as const, suppliedOn },
  }));
  return {
    format: HANDOFF_FORMAT,
    formatVersion: HANDOFF_FORMAT_VERSION,
    version: built.version,
    builtAt: built.builtAt,
    case: facts.case,
    creditor: facts.creditor,
    mandate: {
      ...facts.mandate,
      assignment:
        facts.mandate.kind === 'purchased'
          ? {
              deedReference: null,
              note: 'Bought portfolio: the claim was assigned to the creditor; Accord does not record the deed of assignment, which the creditor provides.',
            }
          : null,
    },
    debtor: facts.debtor,
    addresses,
    employer: null,
    bank: null,
    statement: {
      ...statement,
      interestBasis:
        'Interest and fees as the creditor placed them, by claim; Accord computes no interest and records no rate.',
    },
    firstLetter,
    contactLog: facts.contacts,
    stageHistory: facts.stageHistory,
    holds: facts.holds.map((h) => {
      const kind = handoffHoldKind(h, facts.case.id);
      return {
        kind,
        disclosed: kind !== SUSPENDED_HOLD_KIND,
        status: h.status,
        startsOn: h.startsOn,
        endsOn: h.endsOn,
      };
    }),
    timeBars: facts.timeBars,
    documents,
    requete: buildRequete({
      creditor: facts.creditor,
      debtor: facts.debtor,
      domicile: addresses.find((a) => !a.undeliverable) ?? addresses[0] ?? null,
      claims: facts.claims,
      owed: statement.totals.owed,
      documents,
      builtOn: built.builtOn,
    }),
    withheld: [...WITHHELD],
  };
}

/** The debtor's name as the file writes it: "Mme Jeanne DUPONT (née MARTIN)" or the company's name. */
export function handoffDebtorName(d: HandoffFacts['debtor']): string {
  if (d.kind === 'company') return d.companyName ?? '';
  const name = [d.title, d.firstName, d.lastName?.toUpperCase()].filter(Boolean).join(' ');
  return d.birthName && d.birthName !== d.lastName ? `${name} (né·e ${d.birthName.toUpperCase()})` : name;
}
