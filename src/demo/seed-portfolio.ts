import { sql, type Insertable, type Transaction } from 'kysely';
import { firstLetterLaw } from '../communications/core/first-letter.js';
import type { DB } from '../platform/db/schema.js';
import { policyInForce } from '../contact-policy/policy-store.js';
import { DAY_MS } from '../platform/calendar/index.js';
import { settleContactHistory } from './contact-history.js';
import {
  FRENCH_FIRST_NAMES,
  FRENCH_LAST_NAMES,
  ITALIAN_FIRST_NAMES,
  ITALIAN_LAST_NAMES,
  pickPlace,
  STREETS_FR,
  STREETS_IT,
} from './places.js';
import type { Random } from './random.js';
import {
  addCaseHistory,
  contactsFromEvents,
  disputeHolds,
  isoDay,
  planDispute,
  type DemoStage,
  type HistoryRows,
} from './seed-history.js';

/** The demo's creditors, their mandates, the contracts their claims come from and their share of the debtors. */
type ContractType = 'consumer_credit' | 'overdraft' | 'energy' | 'telecom' | 'rent' | 'other';

export const CREDITORS = [
  {
    code: 'BHORIZON',
    name: 'Banque Horizon',
    legal_name: 'Banque Horizon SA',
    registration_number: '552 100 554',
    sector: 'bank',
    country: 'FR',
    address_line1: '12 boulevard Haussmann',
    postal_code: '75009',
    city: 'Paris',
    contact_email: 'recouvrement@banque-horizon.example',
    remittance_iban: 'FR7630004000031234567890143',
    remittance_bic: 'BNPAFRPP',
    mandate: {
      code: 'BH-2026',
      kind: 'collection',
      commission_rate_bp: 1500,
      max_discount_bp: 1500,
      max_plan_months: 24,
      settlements_allowed: true,
      payment_grace_days: 10,
    },
    contracts: [
      ['consumer_credit', 50_000, 2_500_000],
      ['overdraft', 15_000, 400_000],
    ] as [ContractType, number, number][],
    share: 0.45,
  },
  {
    code: 'ENERHONE',
    name: 'Énergie Rhône',
    legal_name: 'Énergie Rhône Distribution SAS',
    registration_number: '818 204 117',
    sector: 'energy',
    country: 'FR',
    address_line1: '4 quai Perrache',
    postal_code: '69002',
    city: 'Lyon',
    contact_email: 'impayes@energie-rhone.example',
    mandate: {
      code: 'ER-2026',
      kind: 'collection',
      commission_rate_bp: 1200,
      max_discount_bp: 0,
      max_plan_months: 12,
      settlements_allowed: false,
      payment_grace_days: 15,
    },
    contracts: [['energy', 6_000, 250_000]] as [ContractType, number, number][],
    share: 0.35,
  },
  {
    code: 'TELCOALPI',
    name: 'Telco Alpi',
    legal_name: 'Telco Alpi S.p.A.',
    registration_number: 'IT 01234567890',
    sector: 'telecom',
    country: 'IT',
    address_line1: 'via Dante 8',
    postal_code: '20121',
    city: 'Milano',
    contact_email: 'crediti@telcoalpi.example',
    mandate: {
      code: 'TA-2026',
      kind: 'purchased',
      commission_rate_bp: 0,
      max_discount_bp: 3000,
      max_plan_months: 18,
      settlements_allowed: true,
      payment_grace_days: 10,
    },
    contracts: [['telecom', 3_000, 120_000]] as [ContractType, number, number][],
    share: 0.2,
  },
] as const;

export interface DemoCreditor {
  id: string;
  mandateId: string;
  spec: (typeof CREDITORS)[number];
}

interface PortfolioRows extends HistoryRows {
  debtors: Insertable<DB['debtors']>[];
  addresses: Insertable<DB['debtor_addresses']>[];
  contacts: Insertable<DB['debtor_contact_points']>[];
  references: Insertable<DB['debtor_references']>[];
  addressSources: Insertable<DB['debtor_address_sources']>[];
  contactSources: Insertable<DB['debtor_contact_point_sources']>[];
  cases: Insertable<DB['cases']>[];
  claims: Insertable<DB['claims']>[];
}

/** What a case needs of the agency around it. */
interface Agency {
  now: Date;
  teamIds: Map<string, string>;
  agentId: string;
  /** The last claim number given. */
  claimSeq: number;
}

/**
 * The demo's debtors, each owing one creditor (one in ten two), with their cases, claims and histories; the
 * contact history as the policy in force lets it happen. The random draws follow one order, so a seed gives one
 * agency.
 */
export async function loadPortfolio(
  trx: Transaction<DB>,
  random: Random,
  now: Date,
  creditors: DemoCreditor[],
  debtorCount: number,
  teamIds: Map<string, string>,
  agentId: string,
) {
  const rows: PortfolioRows = {
    debtors: [],
    addresses: [],
    contacts: [],
    references: [],
    addressSources: [],
    contactSources: [],
    cases: [],
    claims: [],
    disputes: [],
    events: [],
    stages: [],
    holds: [],
  };
  const agency: Agency = { now, teamIds, agentId, claimSeq: 100_000 };
  const year = now.getUTCFullYear();
  let caseSeq = 0;
  for (let d = 0; d < debtorCount; d++) {
    const person = addPerson(rows, random, now, creditors, d);
    for (const creditor of person.owed) {
      const debtorRef = `${creditor.spec.code.slice(0, 2)}-CL-${String(d).padStart(7, '0')}`;
      // Each creditor's file named the person the same way, with the same address and contacts.
      rows.references.push({
        creditor_id: creditor.id,
        reference: debtorRef,
        debtor_id: person.debtorId,
        first_name: person.first,
        last_name: person.last,
        birth_date: isoDay(person.birth),
        birth_place: person.place.city,
      });
      rows.addressSources.push({ address_id: person.addressId, creditor_id: creditor.id });
      for (const id of person.contactIds) rows.contactSources.push({ contact_point_id: id, creditor_id: creditor.id });
      caseSeq += 1;
      const reference = `ACC-${year}-${String(caseSeq).padStart(6, '0')}`;
      const kase = addCase(rows, random, agency, { creditor, debtorId: person.debtorId, reference });
      // A debtor in Italy had the Italian first letter, as Accord would write it today.
      addCaseHistory(rows, random, now, { ...kase, letterLaw: firstLetterLaw(person.place.country) }, agentId);
    }
  }
  return { report: await insertPortfolio(trx, random, now, rows, caseSeq), disputes: rows.disputes };
}

/** The demo's stand-in for intake's name normalisation: lower case, no accents, letters only. */
function personKey(last: string, first: string): string {
  const clean = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '');
  return `${clean(last)}|${clean(first)}`;
}

/** A person: name, birth, address, a mobile and often an e-mail; the creditors they owe. */
function addPerson(rows: PortfolioRows, random: Random, now: Date, creditors: DemoCreditor[], d: number) {
  const roll = random.next();
  let acc = 0;
  const home = creditors.find((c) => (acc += c.spec.share) >= roll) ?? creditors[0]!;
  const italian = home.spec.country === 'IT';
  const place = pickPlace(random, italian);
  const debtorId = crypto.randomUUID();
  const first = italian ? random.pick(ITALIAN_FIRST_NAMES) : random.pick(FRENCH_FIRST_NAMES);
  const last = italian ? random.pick(ITALIAN_LAST_NAMES) : random.pick(FRENCH_LAST_NAMES);
  const birth = new Date(Date.UTC(random.int(1945, 2003), random.int(0, 11), random.int(1, 28)));
  rows.debtors.push({
    id: debtorId,
    kind: 'person',
    first_name: first,
    last_name: last,
    birth_date: isoDay(birth),
    birth_place: place.city,
    language: italian ? 'it' : 'fr',
    match_key: `${personKey(last, first)}|${isoDay(birth)}`,
    name_key: personKey(last, first),
  });
  const addressId = crypto.randomUUID();
  rows.addresses.push({
    id: addressId,
    debtor_id: debtorId,
    line1: `${random.int(1, 140)} ${italian ? random.pick(STREETS_IT) : random.pick(STREETS_FR)}`,
    postal_code: place.postalCode,
    city: place.city,
    country: place.country,
    subdivision: place.subdivision,
    time_zone: place.timeZone,
    is_primary: true,
  });
  const contactIds = addContactPoints(rows, random, now, { debtorId, first, last, italian, d });
  // About one person in ten owes two of the agency's creditors: one debtor record, two cases.
  const owed = [home];
  if (!italian && random.chance(0.1)) {
    const other = creditors.find((c) => c !== home && c.spec.country === 'FR');
    if (other) owed.push(other);
  }
  return { debtorId, first, last, birth, place, addressId, contactIds, owed };
}

/** A mobile phone, and for seven in ten an e-mail address; their ids. */
function addContactPoints(
  rows: PortfolioRows,
  random: Random,
  now: Date,
  person: { debtorId: string; first: string; last: string; italian: boolean; d: number },
): string[] {
  const { debtorId, italian } = person;
  const contactIds: string[] = [];
  const handle = `${person.first}.${person.last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  contactIds.push(crypto.randomUUID());
  rows.contacts.push({
    id: contactIds.at(-1),
    debtor_id: debtorId,
    channel: 'phone',
    value: italian
      ? `+39 3${random.int(10, 99)} ${random.int(100, 999)} ${random.int(1000, 9999)}`
      : `+33 6 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
    usage: 'mobile',
    verified_at: random.chance(0.6) ? now : null,
    consent: 'unknown',
    opted_out_at: random.chance(0.04) ? now : null,
  });
  if (random.chance(0.7)) {
    contactIds.push(crypto.randomUUID());
    rows.contacts.push({
      id: contactIds.at(-1),
      debtor_id: debtorId,
      channel: 'email',
      value: `${handle}${person.d}@mail.example`,
      usage: 'personal',
      ...emailConsent(random.chance(0.5), now),
    });
  }
  return contactIds;
}

/** An address the person gave consent for is one they confirmed (a link clicked): verified then. */
function emailConsent(given: boolean, now: Date) {
  return given ? { consent: 'given' as const, verified_at: now } : { consent: 'unknown' as const, verified_at: null };
}

/** The stage a case of this age has reached, from one roll: most are amicable, a few closed. */
function stageOf(ageDays: number, stageRoll: number): DemoStage {
  if (ageDays > 60 && stageRoll > 0.93) return 'closed';
  if (ageDays < 20 || stageRoll < 0.7) return 'amicable';
  if (stageRoll < 0.8) return 'plan';
  if (stageRoll < 0.84) return 'dispute';
  if (stageRoll < 0.88) return 'overindebtedness';
  return 'judicial';
}

/** A case placed by the creditor some days ago, its claims, and where it stands now. */
function addCase(
  rows: PortfolioRows,
  random: Random,
  agency: Agency,
  { creditor, debtorId, reference }: { creditor: DemoCreditor; debtorId: string; reference: string },
) {
  const { now } = agency;
  const caseId = crypto.randomUUID();
  const ageDays = random.int(3, 540);
  const opened = new Date(now.getTime() - ageDays * DAY_MS);
  const claimCount = random.chance(0.2) ? 2 : 1;
  const defaultOn = new Date(opened.getTime() - random.int(30, 400) * DAY_MS);
  const balance = addClaims(rows, random, agency, { creditor, caseId, claimCount, defaultOn });

  const stage = stageOf(ageDays, random.next());
  const closed = stage === 'closed';
  const closeReason = closed ? (random.chance(0.7) ? 'paid' : 'recalled') : null;
  const letterDay = new Date(opened.getTime() + 2 * DAY_MS);
  const drawnChange = new Date(opened.getTime() + Math.max(3, Math.floor(ageDays * random.next())) * DAY_MS);
  // A disputed case is amicable until its dispute is recorded through the service, on a day of its own.
  const disputed = stage === 'dispute';
  const dispute = { caseId, creditorCode: creditor.spec.code };
  const stageChanged = disputed ? planDispute(rows.disputes, now, ageDays, dispute) : drawnChange;
  rows.cases.push({
    id: caseId,
    reference,
    creditor_id: creditor.id,
    mandate_id: creditor.mandateId,
    debtor_id: debtorId,
    stage: disputed ? 'amicable' : stage,
    status: closed ? 'closed' : stage === 'overindebtedness' ? 'on_hold' : 'open',
    close_reason: closeReason,
    balance_cents: closeReason === 'paid' ? 0 : balance,
    opened_on: isoDay(opened),
    closed_on: closed ? isoDay(stageChanged) : null,
    stage_changed_at: stage === 'amicable' || disputed ? opened : stageChanged,
    first_letter_reference: `LR-${reference}`,
    first_letter_sent_on: isoDay(letterDay),
    assigned_team_id:
      agency.teamIds.get(
        stage === 'overindebtedness' ? 'Surendettement' : stage === 'judicial' ? 'Pôle judiciaire' : 'Amiable Lyon',
      ) ?? null,
    assigned_user_id: stage === 'amicable' && random.chance(0.1) ? agency.agentId : null,
  });
  if (closeReason) for (const claim of rows.claims.slice(-claimCount)) claim.status = closeReason;
  const creditorNames = { name: creditor.spec.name, mandateCode: creditor.spec.mandate.code };
  return { caseId, debtorId, reference, creditor: creditorNames, opened, letterDay, stage, stageChanged };
}

/** The case's claims, from the creditor's contracts, each defaulted 45 days before the next; their total. */
function addClaims(
  rows: PortfolioRows,
  random: Random,
  agency: Agency,
  {
    creditor,
    caseId,
    claimCount,
    defaultOn,
  }: { creditor: DemoCreditor; caseId: string; claimCount: number; defaultOn: Date },
): number {
  let balance = 0;
  for (let k = 0; k < claimCount; k++) {
    const [contractType, min, max] = random.pick(creditor.spec.contracts);
    const principal = random.logUniformCents(min, max);
    const interest =
      contractType === 'consumer_credit' || contractType === 'overdraft'
        ? Math.round((principal * random.int(1, 9)) / 100)
        : 0;
    const fees = random.chance(0.3) ? random.int(10, 60) * 100 : 0;
    balance += principal + interest + fees;
    agency.claimSeq += 1;
    rows.claims.push({
      case_id: caseId,
      creditor_id: creditor.id,
      reference: `${creditor.spec.code.slice(0, 2)}-${CONTRACT_CODES[contractType]}-${agency.claimSeq}`,
      contract_type: contractType,
      currency: 'EUR',
      principal_cents: principal,
      interest_cents: interest,
      fees_cents: fees,
      default_on: isoDay(new Date(defaultOn.getTime() - k * 45 * DAY_MS)),
      last_payment_on: random.chance(0.5) ? isoDay(new Date(defaultOn.getTime() - random.int(20, 90) * DAY_MS)) : null,
    });
  }
  return balance;
}

/** The contract's code in a claim reference. */
const CONTRACT_CODES: Record<ContractType, string> = {
  consumer_credit: 'CC',
  overdraft: 'OD',
  energy: 'EN',
  telecom: 'TL',
  rent: 'CC',
  other: 'CC',
};

async function insertChunked<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Writes the portfolio; the history as the policy in force lets it happen (a contact refused moves on). */
async function insertPortfolio(trx: Transaction<DB>, random: Random, now: Date, rows: PortfolioRows, caseSeq: number) {
  await insertChunked(trx, 'debtors', rows.debtors);
  await insertChunked(trx, 'debtor_addresses', rows.addresses);
  await insertChunked(trx, 'debtor_contact_points', rows.contacts);
  await insertChunked(trx, 'debtor_references', rows.references);
  await insertChunked(trx, 'debtor_address_sources', rows.addressSources);
  await insertChunked(trx, 'debtor_contact_point_sources', rows.contactSources);
  await insertChunked(trx, 'cases', rows.cases);
  await insertChunked(trx, 'claims', rows.claims);
  await insertChunked(trx, 'case_stage_history', rows.stages);
  const policy = await policyInForce(trx, now);
  const { addresses, cases, holds, events } = rows;
  const planned = { addresses, cases, holds: [...holds, ...disputeHolds(cases, rows.disputes)], events };
  const refusals: Insertable<DB['contact_refusals']>[] = [];
  const settled = settleContactHistory(policy, planned, now, random, refusals);
  await insertChunked(trx, 'case_events', settled);
  await insertChunked(trx, 'contacts', contactsFromEvents(settled));
  await insertChunked(trx, 'contact_refusals', refusals);
  await insertChunked(trx, 'holds', holds);
  // Cases created later (intake, API) continue the numbering.
  await sql`select setval('case_reference_seq', ${caseSeq})`.execute(trx);
  return { debtors: rows.debtors.length, cases: cases.length, claims: rows.claims.length, events: settled.length };
}
