import { sql } from 'kysely';
import { recordVulnerability } from '../care/record-vulnerability.js';
import { renewBreathingSpace } from '../care/renew-breathing-space.js';
import { lapseReviews } from '../care/lapse-reviews.js';
import { detectCareSignals } from '../care/detect-signals.js';
import { closeReferral } from '../care/referrals/close-referral.js';
import { proposeReferral } from '../care/referrals/propose-referral.js';
import { sendReferral } from '../care/referrals/send-referral.js';
import type { RecordVulnerabilityBody } from '../care/contract.js';
import { recordContact } from '../contact-policy/record-contact.js';
import type { Actor } from '../identity/actor.js';
import { recordAssessment } from '../affordability/assessments.js';
import { addDays, agencyToday, DAY_MS, HOUR_MS } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import type { ReferralOutcome, SentHow } from '../care/core/vocabulary.js';
import { actorOf } from './documents.js';

type Adaptations = RecordVulnerabilityBody['adaptations'];

/** A referral of a demo record: its organisation by what it helps with, its days, how far it went. */
interface DemoReferral {
  helpsWith: 'budget_advice' | 'job_loss' | 'over_indebtedness' | 'social_support';
  need: string;
  proposedDaysAgo: number;
  sent?: SentHow;
  closed?: { daysAgo: number; outcome: ReferralOutcome };
}

/** A demo vulnerability record: who learnt of it and when, what it says, and what the care team did since. */
interface DemoRecord {
  by: 'agent' | 'care';
  daysAgo: number;
  /** Days from the record to its review: past today for the records that lapse to a review. */
  reviewAfter: number;
  drivers: ('health' | 'life_event' | 'resilience' | 'capability')[];
  note: string;
  adaptations: Partial<Adaptations>;
  consent: 'given' | 'refused' | 'not_asked';
  breathingSpace?: { renewedDaysAgo?: number };
  /** Hours from the record to the care team's first conversation with the debtor (an inbound call). */
  careCallAfterHours?: number;
  referral?: DemoReferral;
}

const WRITTEN: Partial<Adaptations> = { channels: ['letter', 'email'] };

const EMPTY_BUDGET = {
  household: { adults: 1, children: 0, dependants: 0 },
  resources: [{ type: 'salary' as const, amountCents: 52_000 }],
  expenses: [{ category: 'housing' as const, amountCents: 49_000, basis: 'actual' as const }],
};

/**
 * The care unit's work on the demo (issue 16), made through its services on their days so that the timelines,
 * holds, audit trail, care queue and figures are real: records each way a record is made (by the agent who heard of
 * it, by the care team), two already past their review day and lapsed to a review task, one due this week; breathing
 * spaces, one renewed; the care team's first calls; referrals proposed, sent, overdue for follow-up and closed; the
 * signals the facts suggest. What the care specialist finds on signing in.
 */
const DEMO_RECORDS: DemoRecord[] = [
  {
    by: 'agent',
    daysAgo: 3,
    reviewAfter: 90,
    drivers: ['life_event'],
    note: 'Veuve depuis octobre : écrire plutôt qu’appeler, jamais avant 17 h.',
    adaptations: WRITTEN,
    consent: 'given',
    breathingSpace: {},
    careCallAfterHours: 20,
    referral: {
      helpsWith: 'budget_advice',
      need: 'Refaire le budget du foyer seule',
      proposedDaysAgo: 2,
      sent: 'letter',
    },
  },
  {
    by: 'care',
    daysAgo: 10,
    reviewAfter: 60,
    drivers: ['health'],
    note: 'Appeler en fin de journée seulement ; parler lentement, reformuler.',
    adaptations: { windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '17:00', to: '20:00' }] },
    consent: 'given',
    careCallAfterHours: 6,
    referral: {
      helpsWith: 'social_support',
      need: 'Aide pour les démarches de santé',
      proposedDaysAgo: 8,
      sent: 'warm_handoff',
      closed: { daysAgo: 1, outcome: 'helped' },
    },
  },
  {
    by: 'agent',
    daysAgo: 40,
    reviewAfter: 30,
    drivers: ['capability'],
    note: 'Lit difficilement le français : sa fille doit être présente à chaque appel.',
    adaptations: { thirdPartyPresent: true },
    consent: 'given',
    careCallAfterHours: 30,
  },
  {
    by: 'care',
    daysAgo: 50,
    reviewAfter: 35,
    drivers: ['resilience'],
    note: 'Revenus irréguliers : un contact tous les quinze jours au plus.',
    adaptations: { minDaysBetweenContacts: 15 },
    consent: 'refused',
    referral: {
      helpsWith: 'over_indebtedness',
      need: 'Savoir si un dossier de surendettement est possible',
      proposedDaysAgo: 30,
      sent: 'letter',
    },
  },
  {
    by: 'agent',
    daysAgo: 1,
    reviewAfter: 5,
    drivers: ['life_event', 'resilience'],
    note: 'Perte d’emploi en novembre : attendre son inscription avant de parler d’un plan.',
    adaptations: WRITTEN,
    consent: 'given',
    breathingSpace: {},
    referral: { helpsWith: 'job_loss', need: 'Inscription et droits au chômage', proposedDaysAgo: 0 },
  },
  {
    by: 'care',
    daysAgo: 20,
    reviewAfter: 120,
    drivers: ['health'],
    note: 'Hospitalisé : courrier seulement, aucun appel.',
    adaptations: { channels: ['letter'] },
    consent: 'not_asked',
    breathingSpace: { renewedDaysAgo: 2 },
  },
];

export async function loadDemoCare(deps: Deps): Promise<number> {
  const [agent, care] = await Promise.all(
    ['agent@demo.accord.test', 'care@demo.accord.test'].map((email) => actorOf(deps, email)),
  );
  if (!agent || !care) return 0;
  const targets = await demoTargets(deps, DEMO_RECORDS.length * 6);
  const used = new Set<string>();
  // Each record goes to a debtor the agency last wrote to or called before it: the history stays within its rules.
  const byAge = [...DEMO_RECORDS].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const spec of byAge) {
    const recordedAt = deps.now().getTime() - spec.daysAgo * DAY_MS;
    const target = targets.find(
      (candidate) =>
        !used.has(candidate.debtorId) &&
        (candidate.lastOutbound === null || candidate.lastOutbound.getTime() < recordedAt),
    );
    if (!target) continue;
    used.add(target.debtorId);
    await loadRecord(deps, { agent, care }, target, spec);
  }
  // A budget the agent recorded this morning leaves the household nothing, below the RSA: the night's detection
  // suggests a possible vulnerability, for the care team to confirm or dismiss.
  const signalled = targets.find((target) => !used.has(target.debtorId) && !target.paused);
  if (signalled) {
    const today = agencyToday(deps.now(), deps.config);
    await recordAssessment(deps, agent, signalled.debtorId, { date: today, ...EMPTY_BUDGET }, null);
  }
  // The debtors an agent paused before the care unit existed get their record too, made by the care team on the day
  // of the pause, reviewed on the pause's review day (or a month later).
  if (signalled) used.add(signalled.debtorId);
  await recordPausedDebtors(deps, care, used);
  // The night's care job as it would have run: the records past their review day lapse to a review task, and the
  // facts of the last days suggest what a person should look at.
  await lapseReviews(deps);
  await detectCareSignals(deps);
  return used.size;
}

interface Target {
  caseId: string;
  debtorId: string;
  country: string;
  /** The debtor already has a vulnerability hold (an agent placed a pause before the care unit existed). */
  paused: boolean;
  /** The last outbound contact with the debtor: a record comes after it, or the history would break its rules. */
  lastOutbound: Date | null;
}

/**
 * Open amicable cases, one per debtor, of debtors no other demo act touched (no hold but a vulnerability pause, no
 * estate, no procedure): those under a vulnerability pause first, since the care team follows them.
 */
async function demoTargets(deps: Deps, count: number): Promise<Target[]> {
  const rows = await deps.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .select(['c.id as caseId', 'c.debtor_id as debtorId', 'c.reference'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('holds as h')
            .select('h.id')
            .whereRef('h.debtor_id', '=', 'c.debtor_id')
            .where('h.kind', '=', 'vulnerability')
            .where('h.status', '=', 'active'),
        )
        .as('paused'),
    )
    .select((eb) =>
      eb
        .selectFrom('contacts as k')
        .select((inner) => inner.fn.max('k.occurred_at').as('last'))
        .whereRef('k.debtor_id', '=', 'c.debtor_id')
        .where('k.direction', '=', 'outbound')
        .as('lastOutbound'),
    )
    .select((eb) =>
      eb
        .selectFrom('debtor_addresses as a')
        .select('a.country')
        .whereRef('a.debtor_id', '=', 'c.debtor_id')
        .orderBy('a.created_at')
        .limit(1)
        .as('country'),
    )
    .where('c.status', '=', 'open')
    .where('c.stage', '=', 'amicable')
    .where('d.kind', '=', 'person')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('holds as h')
            .select('h.id')
            .whereRef('h.debtor_id', '=', 'c.debtor_id')
            .where('h.status', '=', 'active')
            .where('h.kind', '<>', 'vulnerability'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('estates as e').select('e.id').whereRef('e.debtor_id', '=', 'c.debtor_id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('vulnerabilities as v').select('v.id').whereRef('v.debtor_id', '=', 'c.debtor_id'))),
    )
    // The directory's French organisations fit them: the demo's referrals go to national ones.
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('debtor_addresses as a')
          .select('a.id')
          .whereRef('a.debtor_id', '=', 'c.debtor_id')
          .where('a.country', '=', 'FR'),
      ),
    )
    .orderBy('paused', 'desc')
    .orderBy('c.reference')
    .limit(count * 4)
    .execute();
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const row of rows) {
    if (seen.has(row.debtorId) || targets.length === count) continue;
    seen.add(row.debtorId);
    targets.push({
      caseId: row.caseId,
      debtorId: row.debtorId,
      country: row.country ?? 'FR',
      paused: Boolean(row.paused),
      lastOutbound: row.lastOutbound === null ? null : new Date(row.lastOutbound),
    });
  }
  return targets;
}

/** The services at another moment: each act of the demo is made on its own day. */
function on(deps: Deps, at: Date): Deps {
  return { ...deps, now: () => at };
}

async function loadRecord(deps: Deps, actors: { agent: Actor; care: Actor }, target: Target, spec: DemoRecord) {
  const now = deps.now();
  const recordedAt = new Date(now.getTime() - spec.daysAgo * DAY_MS);
  const recordedOn = agencyToday(recordedAt, deps.config);
  const consentAt = spec.consent === 'not_asked' ? null : recordedAt.toISOString();
  await recordVulnerability(on(deps, recordedAt), actors[spec.by], target.debtorId, {
    drivers: spec.drivers,
    note: spec.note,
    adaptations: {
      channels: null,
      windows: null,
      minDaysBetweenContacts: null,
      thirdPartyPresent: false,
      ...spec.adaptations,
    },
    legalBasis: spec.consent === 'given' ? 'explicit_consent' : 'legal_claims',
    consent: spec.consent,
    consentAt,
    reviewOn: addDays(recordedOn, spec.reviewAfter),
    caseId: target.caseId,
    // A debtor already paused keeps the pause an agent placed; the others get the care unit's breathing space.
    breathingSpace: spec.breathingSpace !== undefined && !target.paused,
  });
  if (spec.careCallAfterHours !== undefined) {
    const at = new Date(recordedAt.getTime() + spec.careCallAfterHours * HOUR_MS);
    await recordContact(on(deps, at), actors.care, {
      debtorId: target.debtorId,
      caseId: target.caseId,
      channel: 'phone',
      direction: 'inbound',
      outcome: 'right_party',
      at,
      note: 'Premier échange avec l’équipe d’accompagnement.',
    });
  }
  if (spec.breathingSpace?.renewedDaysAgo !== undefined && !target.paused) {
    const hold = await deps.db
      .selectFrom('holds')
      .select('id')
      .where('debtor_id', '=', target.debtorId)
      .where('kind', '=', 'vulnerability')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const renewedAt = new Date(now.getTime() - spec.breathingSpace.renewedDaysAgo * DAY_MS);
    await renewBreathingSpace(
      on(deps, renewedAt),
      actors.care,
      hold.id,
      'Toujours hospitalisé : la pause continue jusqu’à son retour.',
    );
  }
  if (spec.referral) await loadReferral(deps, actors.care, target, spec.referral);
}

async function loadReferral(deps: Deps, care: Actor, target: Target, spec: DemoReferral) {
  const now = deps.now();
  const organisation = await deps.db
    .selectFrom('care_organisations')
    .select('id')
    .where('country', '=', target.country === 'IT' ? 'IT' : 'FR')
    .where('coverage', '=', 'national')
    .where('active', '=', true)
    .where(sql<boolean>`${spec.helpsWith} = any(helps_with)`)
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  if (!organisation) return;
  const proposedAt = new Date(now.getTime() - spec.proposedDaysAgo * DAY_MS);
  const referral = await proposeReferral(
    on(deps, proposedAt),
    care,
    target.debtorId,
    { consent: true, organisationId: organisation.id, need: spec.need, caseId: target.caseId, followUpOn: null },
    null,
  );
  if (spec.sent) await sendReferral(on(deps, proposedAt), care, referral.id, { how: spec.sent }, null);
  if (spec.closed) {
    const closedAt = new Date(now.getTime() - spec.closed.daysAgo * DAY_MS);
    await closeReferral(on(deps, closedAt), care, referral.id, { outcome: spec.closed.outcome, note: null }, null);
  }
}

/** Every other debtor under an agent's vulnerability pause: a record by the care team, from the pause's own facts. */
async function recordPausedDebtors(deps: Deps, care: Actor, done: Set<string>) {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const paused = await deps.db
    .selectFrom('holds as h')
    .select(['h.debtor_id', 'h.case_id', 'h.starts_at', 'h.review_at'])
    .select((eb) =>
      eb
        .selectFrom('contacts as k')
        .select((inner) => inner.fn.max('k.occurred_at').as('last'))
        .whereRef('k.debtor_id', '=', 'h.debtor_id')
        .where('k.direction', '=', 'outbound')
        .as('last_outbound'),
    )
    .where('h.kind', '=', 'vulnerability')
    .where('h.status', '=', 'active')
    .where('h.starts_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('vulnerabilities as v').select('v.id').whereRef('v.debtor_id', '=', 'h.debtor_id'))),
    )
    .orderBy('h.starts_at')
    .orderBy('h.debtor_id')
    .execute();
  for (const [index, hold] of paused.entries()) {
    if (done.has(hold.debtor_id)) continue;
    done.add(hold.debtor_id);
    // On the pause's day, or just after the last contact the history made with the debtor, whichever is later.
    const last = hold.last_outbound === null ? 0 : new Date(hold.last_outbound).getTime() + HOUR_MS;
    const recordedAt = new Date(Math.max(hold.starts_at.getTime(), last));
    if (recordedAt.getTime() >= now.getTime()) continue;
    const recordedOn = agencyToday(recordedAt, deps.config);
    const reviewOn = hold.review_at ? agencyToday(hold.review_at, deps.config) : addDays(recordedOn, 30);
    await recordVulnerability(on(deps, recordedAt), care, hold.debtor_id, {
      drivers: [index % 2 === 0 ? 'life_event' : 'health'],
      note: 'Contact écrit uniquement.',
      adaptations: {
        channels: ['letter', 'email'],
        windows: null,
        minDaysBetweenContacts: null,
        thirdPartyPresent: false,
      },
      legalBasis: 'explicit_consent',
      consent: 'given',
      consentAt: recordedAt.toISOString(),
      reviewOn: reviewOn > recordedOn ? reviewOn : addDays(recordedOn, 30),
      ...(hold.case_id ? { caseId: hold.case_id } : {}),
      breathingSpace: false,
    });
    if (index % 3 !== 2 && hold.case_id) {
      const at = new Date(recordedAt.getTime() + (4 + index) * HOUR_MS);
      if (at.getTime() < now.getTime())
        await recordContact(on(deps, at), care, {
          debtorId: hold.debtor_id,
          caseId: hold.case_id,
          channel: 'phone',
          direction: 'inbound',
          outcome: 'right_party',
          at,
          note: 'Premier échange avec l’équipe d’accompagnement.',
        });
    }
  }
  return today;
}
