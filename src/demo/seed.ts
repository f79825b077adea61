import { loadDemoDocuments } from './documents.js';
import { loadDemoPayments } from './payments.js';
import { loadDemoTeamWork } from './team-work.js';
import { loadDemoAdministration } from './administration.js';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { DB, Role } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { rebuildQueue } from '../workspace/rebuild-queue.js';
import { hashPassword } from '../identity/passwords.js';
import {
  FRENCH_FIRST_NAMES,
  FRENCH_LAST_NAMES,
  ITALIAN_FIRST_NAMES,
  ITALIAN_LAST_NAMES,
  PLACES,
  STREETS_FR,
  STREETS_IT,
  type Place,
} from './places.js';
import { Random } from './random.js';
import { recordText, type RecordText } from '../cases/core/record-texts.js';
import { isContactEvent, settleContactHistory } from './contact-history.js';
import { policyInForce } from '../contact-policy/policy-store.js';
import { DAY_MS, localDateOf } from '../platform/calendar/index.js';

/** Demo only: every demo user signs in with it. Never used outside `npm run demo` and the tests. */
export const DEMO_PASSWORD = 'accord-demo-2026';

export const DEMO_USERS: { email: string; displayName: string; role: Role; team?: string; creditorCode?: string }[] = [
  { email: 'agent@demo.accord.test', displayName: 'Camille Martin', role: 'agent', team: 'Amiable Lyon' },
  { email: 'team.leader@demo.accord.test', displayName: 'Sophie Bernard', role: 'team_leader', team: 'Amiable Lyon' },
  {
    email: 'care@demo.accord.test',
    displayName: 'Nadia Haddad',
    role: 'care_specialist',
    team: 'Cellule accompagnement',
  },
  {
    email: 'overindebtedness@demo.accord.test',
    displayName: 'Julien Roux',
    role: 'overindebtedness_specialist',
    team: 'Surendettement',
  },
  {
    email: 'judicial@demo.accord.test',
    displayName: 'Hélène Fournier',
    role: 'judicial_specialist',
    team: 'Pôle judiciaire',
  },
  {
    email: 'compliance@demo.accord.test',
    displayName: 'Olivier Lambert',
    role: 'compliance_officer',
    team: 'Conformité',
  },
  { email: 'manager@demo.accord.test', displayName: 'Isabelle Moreau', role: 'manager', team: 'Direction' },
  {
    email: 'creditor@demo.accord.test',
    displayName: 'Paul Durand (Banque Horizon)',
    role: 'creditor_user',
    creditorCode: 'BHORIZON',
  },
  {
    email: 'creditor.energie@demo.accord.test',
    displayName: 'Lina Garcia (Énergie Rhône)',
    role: 'creditor_user',
    creditorCode: 'ENERHONE',
  },
  {
    email: 'admin@demo.accord.test',
    displayName: 'Marc Administrateur',
    role: 'administrator',
    team: 'Administration',
  },
];

const TEAMS = [
  { name: 'Amiable Lyon', kind: 'amicable' },
  { name: 'Cellule accompagnement', kind: 'care' },
  { name: 'Surendettement', kind: 'overindebtedness' },
  { name: 'Pôle judiciaire', kind: 'judicial' },
  { name: 'Conformité', kind: 'compliance' },
  { name: 'Direction', kind: 'management' },
  { name: 'Administration', kind: 'administration' },
] as const;

type ContractType = 'consumer_credit' | 'overdraft' | 'energy' | 'telecom' | 'rent' | 'other';

const CREDITORS = [
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

export interface DemoReport {
  loaded: boolean;
  creditors: number;
  debtors: number;
  cases: number;
  claims: number;
  events: number;
}

/**
 * Demo texts (timeline, reasons) are in French, as the agents of a French agency would write them.
 * Loads the demo agency: three creditors and their mandates, teams, one user per role, about 2,500 debtors
 * (France with Alsace-Moselle and overseas départements, and Italy) and their cases, claims, holds and
 * contact histories. Runs once: a database that already has the demo is left as it is.
 */
export async function loadDemo(deps: Deps, options: { debtors?: number; seed?: number } = {}): Promise<DemoReport> {
  const existing = await deps.db.selectFrom('creditors').select('id').where('code', '=', 'BHORIZON').executeTakeFirst();
  if (existing) return { loaded: false, creditors: 0, debtors: 0, cases: 0, claims: 0, events: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = new Random(options.seed ?? 20261124);
  const now = deps.now();
  const loaded = await deps.db.transaction().execute(async (trx) => {
    const teamIds = new Map<string, string>();
    for (const team of TEAMS) {
      const row = await trx.insertInto('teams').values(team).returning('id').executeTakeFirstOrThrow();
      teamIds.set(team.name, row.id);
    }
    const creditors: { id: string; mandateId: string; spec: (typeof CREDITORS)[number] }[] = [];
    for (const spec of CREDITORS) {
      const { mandate, contracts: _contracts, share: _share, ...fields } = spec;
      const creditor = await trx.insertInto('creditors').values(fields).returning('id').executeTakeFirstOrThrow();
      const mandateRow = await trx
        .insertInto('mandates')
        .values({
          ...mandate,
          creditor_id: creditor.id,
          starts_on: '2026-01-01',
          allocation_order: JSON.stringify(['debtor_choice', 'due_first', 'interest_before_principal', 'oldest_first']),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      creditors.push({ id: creditor.id, mandateId: mandateRow.id, spec });
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'creditor.created',
        targetType: 'creditor',
        targetId: creditor.id,
        creditorId: creditor.id,
        after: { ...fields, mandate },
        at: now,
      });
    }
    const creditorByCode = new Map<string, string>(creditors.map((c) => [c.spec.code, c.id]));
    for (const user of DEMO_USERS) {
      const row = await trx
        .insertInto('users')
        .values({
          email: user.email,
          display_name: user.displayName,
          role: user.role,
          team_id: user.team ? teamIds.get(user.team)! : null,
          creditor_id: user.creditorCode ? creditorByCode.get(user.creditorCode)! : null,
          locale: 'fr',
          password_hash: passwordHash,
        })
        .returning(['id', 'creditor_id'])
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'user.created',
        targetType: 'user',
        targetId: row.id,
        creditorId: row.creditor_id,
        after: { email: user.email, role: user.role },
        at: now,
      });
    }
    const agentId = (
      await trx.selectFrom('users').select('id').where('email', '=', DEMO_USERS[0]!.email).executeTakeFirstOrThrow()
    ).id;
    const report = await loadPortfolio(trx, random, now, creditors, options.debtors ?? 2_500, teamIds, agentId);
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.loaded',
      targetType: 'system',
      targetId: 'demo',
      after: report,
      at: now,
    });
    return { loaded: true, creditors: creditors.length, ...report };
  });
  // One payment for every hundred debtors, recorded through the payment service after the portfolio exists.
  await loadDemoPayments(deps, random, Math.max(3, Math.round((options.debtors ?? 2_500) / 100)));
  await loadDemoAdministration(deps, passwordHash);
  await loadDemoDocuments(deps);
  // The work queues, built from the strategy and the contact policy as the nightly refresh does.
  await rebuildQueue(deps);
  // What waits for the team leader: a broken promise, a missed callback, a plan to approve.
  await loadDemoTeamWork(deps);
  return loaded;
}

function pickPlace(random: Random, italianCreditor: boolean): Place {
  const places = PLACES.filter((p) => (italianCreditor ? p.country === 'IT' : p.country === 'FR'));
  const total = places.reduce((sum, p) => sum + p.weight, 0);
  let roll = random.next() * total;
  for (const place of places) {
    roll -= place.weight;
    if (roll <= 0) return place;
  }
  return places[places.length - 1]!;
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

/** The demo's days are UTC days, so the same seed gives the same agency whatever its zone. */
function isoDay(date: Date): string {
  return localDateOf(date, 'UTC');
}

/** A plausible working-hours instant on a given day (09:00–18:59 UTC-ish, adjusted below by the caller's zone). */
function during(day: Date, random: Random): Date {
  return new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), random.int(8, 16), random.int(0, 59)),
  );
}

async function insertChunked<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

async function loadPortfolio(
  trx: Transaction<DB>,
  random: Random,
  now: Date,
  creditors: { id: string; mandateId: string; spec: (typeof CREDITORS)[number] }[],
  debtorCount: number,
  teamIds: Map<string, string>,
  agentId: string,
) {
  const debtors: Insertable<DB['debtors']>[] = [];
  const addresses: Insertable<DB['debtor_addresses']>[] = [];
  const contacts: Insertable<DB['debtor_contact_points']>[] = [];
  const references: Insertable<DB['debtor_references']>[] = [];
  const addressSources: Insertable<DB['debtor_address_sources']>[] = [];
  const contactSources: Insertable<DB['debtor_contact_point_sources']>[] = [];
  const cases: Insertable<DB['cases']>[] = [];
  const claims: Insertable<DB['claims']>[] = [];
  const events: Insertable<DB['case_events']>[] = [];
  const stages: Insertable<DB['case_stage_history']>[] = [];
  const holds: Insertable<DB['holds']>[] = [];
  let caseSeq = 0;
  let claimSeq = 100_000;
  const year = now.getUTCFullYear();

  for (let d = 0; d < debtorCount; d++) {
    const roll = random.next();
    let acc = 0;
    const home = creditors.find((c) => (acc += c.spec.share) >= roll) ?? creditors[0]!;
    const italian = home.spec.country === 'IT';
    const place = pickPlace(random, italian);
    const debtorId = crypto.randomUUID();
    const first = italian ? random.pick(ITALIAN_FIRST_NAMES) : random.pick(FRENCH_FIRST_NAMES);
    const last = italian ? random.pick(ITALIAN_LAST_NAMES) : random.pick(FRENCH_LAST_NAMES);
    const birth = new Date(Date.UTC(random.int(1945, 2003), random.int(0, 11), random.int(1, 28)));
    debtors.push({
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
    const contactIds: string[] = [];
    addresses.push({
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
    const handle = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    contactIds.push(crypto.randomUUID());
    contacts.push({
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
      contacts.push({
        id: contactIds.at(-1),
        debtor_id: debtorId,
        channel: 'email',
        value: `${handle}${d}@mail.example`,
        usage: 'personal',
        consent: random.chance(0.5) ? 'given' : 'unknown',
      });
    }
    // About one person in ten owes two of the agency's creditors: one debtor record, two cases.
    const owed = [home];
    if (!italian && random.chance(0.1)) {
      const other = creditors.find((c) => c !== home && c.spec.country === 'FR');
      if (other) owed.push(other);
    }
    for (const creditor of owed) {
      const debtorRef = `${creditor.spec.code.slice(0, 2)}-CL-${String(d).padStart(7, '0')}`;
      // Each creditor's file named the person the same way, with the same address and contacts.
      references.push({
        creditor_id: creditor.id,
        reference: debtorRef,
        debtor_id: debtorId,
        first_name: first,
        last_name: last,
        birth_date: isoDay(birth),
        birth_place: place.city,
      });
      addressSources.push({ address_id: addressId, creditor_id: creditor.id });
      for (const id of contactIds) contactSources.push({ contact_point_id: id, creditor_id: creditor.id });
      const caseId = crypto.randomUUID();
      caseSeq += 1;
      const reference = `ACC-${year}-${String(caseSeq).padStart(6, '0')}`;
      const ageDays = random.int(3, 540);
      const opened = new Date(now.getTime() - ageDays * DAY_MS);
      const claimCount = random.chance(0.2) ? 2 : 1;
      let balance = 0;
      const defaultOn = new Date(opened.getTime() - random.int(30, 400) * DAY_MS);
      for (let k = 0; k < claimCount; k++) {
        const [contractType, min, max] = random.pick(creditor.spec.contracts);
        const principal = random.logUniformCents(min, max);
        const interest =
          contractType === 'consumer_credit' || contractType === 'overdraft'
            ? Math.round((principal * random.int(1, 9)) / 100)
            : 0;
        const fees = random.chance(0.3) ? random.int(10, 60) * 100 : 0;
        balance += principal + interest + fees;
        claimSeq += 1;
        claims.push({
          case_id: caseId,
          creditor_id: creditor.id,
          reference: `${creditor.spec.code.slice(0, 2)}-${contractType === 'energy' ? 'EN' : contractType === 'telecom' ? 'TL' : contractType === 'overdraft' ? 'OD' : 'CC'}-${claimSeq}`,
          contract_type: contractType,
          currency: 'EUR',
          principal_cents: principal,
          interest_cents: interest,
          fees_cents: fees,
          default_on: isoDay(new Date(defaultOn.getTime() - k * 45 * DAY_MS)),
          last_payment_on: random.chance(0.5)
            ? isoDay(new Date(defaultOn.getTime() - random.int(20, 90) * DAY_MS))
            : null,
        });
      }

      const stageRoll = random.next();
      const closed = ageDays > 60 && stageRoll > 0.93;
      const stage = closed
        ? 'closed'
        : ageDays < 20
          ? 'amicable'
          : stageRoll < 0.7
            ? 'amicable'
            : stageRoll < 0.8
              ? 'plan'
              : stageRoll < 0.84
                ? 'dispute'
                : stageRoll < 0.88
                  ? 'overindebtedness'
                  : 'judicial';
      const closeReason = closed ? (random.chance(0.7) ? 'paid' : 'recalled') : null;
      const letterDay = new Date(opened.getTime() + 2 * DAY_MS);
      const stageChanged = new Date(opened.getTime() + Math.max(3, Math.floor(ageDays * random.next())) * DAY_MS);
      cases.push({
        id: caseId,
        reference,
        creditor_id: creditor.id,
        mandate_id: creditor.mandateId,
        debtor_id: debtorId,
        stage,
        status: closed ? 'closed' : stage === 'dispute' || stage === 'overindebtedness' ? 'on_hold' : 'open',
        close_reason: closeReason,
        balance_cents: closeReason === 'paid' ? 0 : balance,
        opened_on: isoDay(opened),
        closed_on: closed ? isoDay(stageChanged) : null,
        stage_changed_at: stage === 'amicable' ? opened : stageChanged,
        first_letter_reference: `LR-${reference}`,
        first_letter_sent_on: isoDay(letterDay),
        assigned_team_id:
          teamIds.get(
            stage === 'overindebtedness' ? 'Surendettement' : stage === 'judicial' ? 'Pôle judiciaire' : 'Amiable Lyon',
          ) ?? null,
        assigned_user_id: stage === 'amicable' && random.chance(0.1) ? agentId : null,
      });
      if (closeReason === 'paid') {
        for (const claim of claims.slice(-claimCount)) claim.status = 'paid';
      } else if (closeReason === 'recalled') {
        for (const claim of claims.slice(-claimCount)) claim.status = 'recalled';
      }
      stages.push({
        case_id: caseId,
        from_stage: null,
        to_stage: 'amicable',
        changed_at: opened,
        reason_key: 'placed_by_creditor',
      });
      events.push({
        case_id: caseId,
        debtor_id: debtorId,
        occurred_at: during(opened, random),
        kind: 'placement',
        ...said(recordText('placement', { creditor: creditor.spec.name, mandate: creditor.spec.mandate.code })),
      });
      events.push({
        case_id: caseId,
        debtor_id: debtorId,
        occurred_at: during(letterDay, random),
        kind: 'letter',
        channel: 'letter',
        direction: 'outbound',
        outcome: 'sent',
        ...said(recordText('first_letter', { reference: `LR-${reference}` })),
        data: { template: 'first_letter_r124_4' },
      });

      // A contact history that respects the default policy's spacing: a touch every 6 to 20 days.
      let cursor = letterDay.getTime() + random.int(6, 12) * DAY_MS;
      const end = (stage === 'amicable' ? now.getTime() : stageChanged.getTime()) - DAY_MS;
      while (cursor < end) {
        const at = during(new Date(cursor), random);
        const touch = random.next();
        if (touch < 0.45) {
          const outcome = random.pick(['no_answer', 'no_answer', 'voicemail', 'wrong_number'] as const);
          events.push({
            case_id: caseId,
            debtor_id: debtorId,
            occurred_at: at,
            kind: 'call_attempt',
            channel: 'phone',
            direction: 'outbound',
            outcome,
            summary_key: `call_${outcome}`,
          });
        } else if (touch < 0.65) {
          const outcome = random.pick([
            'promise_to_pay',
            'callback_requested',
            'hardship_declared',
            'refusal',
            'right_party',
          ] as const);
          events.push({
            case_id: caseId,
            debtor_id: debtorId,
            occurred_at: at,
            kind: 'conversation',
            channel: 'phone',
            direction: random.chance(0.3) ? 'inbound' : 'outbound',
            outcome,
            summary_key: `conversation_${outcome}`,
            actor_user_id: random.chance(0.3) ? agentId : null,
          });
        } else if (touch < 0.85) {
          events.push({
            case_id: caseId,
            debtor_id: debtorId,
            occurred_at: at,
            kind: 'sms',
            channel: 'sms',
            direction: 'outbound',
            outcome: 'delivered',
            summary_key: 'reminder_sms',
          });
        } else {
          events.push({
            case_id: caseId,
            debtor_id: debtorId,
            occurred_at: at,
            kind: 'letter',
            channel: 'letter',
            direction: 'outbound',
            outcome: 'sent',
            ...said(recordText('reminder_letter', { reference: `LR-${reference}`, sentOn: isoDay(letterDay) })),
          });
        }
        cursor += random.int(6, 20) * DAY_MS;
      }

      if (stage !== 'amicable') {
        stages.push({
          case_id: caseId,
          from_stage: 'amicable',
          to_stage: stage,
          changed_at: stageChanged,
          reason_key: `stage_${stage}`,
        });
        events.push({
          case_id: caseId,
          debtor_id: debtorId,
          occurred_at: stageChanged,
          kind: 'stage_change',
          summary_key: `stage_${stage}`,
        });
      }
      if (stage === 'dispute') {
        holds.push({
          debtor_id: debtorId,
          case_id: caseId,
          kind: 'dispute',
          reason: 'Montant contesté ; renvoyé au créancier pour confirmation',
          starts_at: stageChanged,
          review_at: new Date(stageChanged.getTime() + 30 * DAY_MS),
        });
      } else if (stage === 'overindebtedness') {
        holds.push({
          debtor_id: debtorId,
          case_id: caseId,
          kind: 'overindebtedness_admissible',
          reason: 'Dossier déclaré recevable par la commission de la Banque de France',
          starts_at: stageChanged,
          ends_at: new Date(stageChanged.getTime() + 730 * DAY_MS),
        });
      } else if (stage === 'amicable' && random.chance(0.02)) {
        const start = new Date(now.getTime() - random.int(1, 20) * DAY_MS);
        holds.push({
          debtor_id: debtorId,
          case_id: caseId,
          kind: 'vulnerability',
          reason: 'Contact écrit uniquement',
          starts_at: start,
          review_at: new Date(start.getTime() + 30 * DAY_MS),
        });
      }
    }
  }

  await insertChunked(trx, 'debtors', debtors);
  await insertChunked(trx, 'debtor_addresses', addresses);
  await insertChunked(trx, 'debtor_contact_points', contacts);
  await insertChunked(trx, 'debtor_references', references);
  await insertChunked(trx, 'debtor_address_sources', addressSources);
  await insertChunked(trx, 'debtor_contact_point_sources', contactSources);
  await insertChunked(trx, 'cases', cases);
  await insertChunked(trx, 'claims', claims);
  await insertChunked(trx, 'case_stage_history', stages);
  // The history as the policy in force lets it happen (a contact refused moves to its next allowed moment).
  const policy = await policyInForce(trx, now);
  const settled = settleContactHistory(policy, { addresses, cases, holds, events }, now, random);
  await insertChunked(trx, 'case_events', settled);
  await insertChunked(trx, 'contacts', contactsFromEvents(settled));
  await insertChunked(trx, 'holds', holds);
  // Cases created later (intake, API) continue the numbering.
  await sql`select setval('case_reference_seq', ${caseSeq})`.execute(trx);
  return { debtors: debtors.length, cases: cases.length, claims: claims.length, events: settled.length };
}

/** A text of the case file as its row stores it (by key: the page says it in the reader's language). */
const said = (text: RecordText) => ({ summary_key: text.key, summary_params: JSON.stringify(text.params) });

/**
 * The demo's contact history as the contact policy reads it: every letter, call and message of the timeline,
 * recorded under the default policy (version 1) as allowed, so the permissions of demo cases follow from it.
 */
function contactsFromEvents(events: Insertable<DB['case_events']>[]): Insertable<DB['contacts']>[] {
  return events.filter(isContactEvent).map((event) => {
    const at = new Date(event.occurred_at as Date);
    const channel = event.channel as 'phone' | 'sms' | 'email' | 'letter';
    return {
      debtor_id: event.debtor_id,
      case_id: event.case_id,
      channel,
      direction: (event.direction ?? 'outbound') as 'outbound' | 'inbound',
      outcome: event.outcome ?? 'sent',
      conversation: event.kind === 'conversation',
      first_letter: (event.data as { template?: string } | undefined)?.template === 'first_letter_r124_4',
      occurred_at: at,
      recorded_at: at,
      recorded_by: event.actor_user_id ?? null,
      policy_version: 1,
      decision: JSON.stringify({
        allowed: true,
        channel,
        at: at.toISOString(),
        reasons: [],
        notices: [],
        nextAllowedAt: at.toISOString(),
        policyVersion: 1,
        callback: false,
        override: null,
      }),
    };
  });
}
