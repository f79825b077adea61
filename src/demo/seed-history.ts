import type { Insertable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { recordText, type RecordText } from '../cases/core/record-texts.js';
import type { FirstLetterLaw } from '../communications/core/first-letter.js';
import { addDays, DAY_MS, isBusinessDay, localDateOf, type IsoDate } from '../platform/calendar/index.js';
import { isContactEvent } from './contact-history.js';
import type { Random } from './random.js';

/** What a case's history adds: its timeline, its stage changes and the holds its stage brings. */
export interface HistoryRows {
  events: Insertable<DB['case_events']>[];
  stages: Insertable<DB['case_stage_history']>[];
  holds: Insertable<DB['holds']>[];
  /** The cases to dispute, in the order drawn: their disputes are recorded through the service (lifecycle.ts). */
  disputes: DemoDispute[];
}

export type DemoStage = 'amicable' | 'plan' | 'dispute' | 'overindebtedness' | 'judicial' | 'closed';

/** A case the demo disputes: its dispute is recorded through the service on `on`, once the portfolio exists. */
export interface DemoDispute {
  caseId: string;
  creditorCode: string;
  on: IsoDate;
}

/**
 * How many days ago the demo's disputes are recorded, in turn: half within the creditor's deadline (the mandates'
 * thirty days), half past it, so the lists hold requests waiting, answered and overdue.
 */
const DISPUTE_AGES = [3, 41, 14, 36, 8, 52, 21, 45];

/** The business day (France's calendar) the `index`-th disputed case is disputed on, after its last contact. */
function disputedOn(now: Date, ageDays: number, index: number): IsoDate {
  const daysAgo = Math.min(DISPUTE_AGES[index % DISPUTE_AGES.length]! + 2 * Math.floor(index / 8), ageDays - 5);
  let day = isoDay(new Date(now.getTime() - daysAgo * DAY_MS));
  while (!isBusinessDay(day, { country: 'FR', region: null })) day = addDays(day, -1);
  return day;
}

/** Plans a case's dispute, on its day: the moment its contacts stop, as the case's history reads it. */
export function planDispute(
  disputes: DemoDispute[],
  now: Date,
  ageDays: number,
  dispute: Omit<DemoDispute, 'on'>,
): Date {
  const on = disputedOn(now, ageDays, disputes.length);
  disputes.push({ ...dispute, on });
  return new Date(`${on}T00:00:00Z`);
}

/**
 * The dispute holds the service will place, as the contact history is settled: they stop the debtor's contacts from
 * the dispute's day, as the real ones will.
 */
export function disputeHolds(
  cases: readonly Insertable<DB['cases']>[],
  disputes: readonly DemoDispute[],
): Insertable<DB['holds']>[] {
  const debtorOf = new Map(cases.map((c) => [c.id as string, c.debtor_id]));
  return disputes.map((d) => ({
    debtor_id: debtorOf.get(d.caseId)!,
    case_id: d.caseId,
    kind: 'dispute',
    reason: '',
    starts_at: new Date(`${d.on}T00:00:00Z`),
  }));
}

/** The template a first letter's timeline line names, by the law it was written under. */
const FIRST_LETTER_TEMPLATES: Record<FirstLetterLaw, string> = { FR: 'first_letter_r124_4', IT: 'first_letter_it' };
const FIRST_LETTERS: ReadonlySet<string> = new Set(Object.values(FIRST_LETTER_TEMPLATES));

/** A demo case as its history needs it. */
export interface HistoryCase {
  caseId: string;
  debtorId: string;
  reference: string;
  creditor: { name: string; mandateCode: string };
  opened: Date;
  letterDay: Date;
  /** The first letter the case had: the French one (R124-4) or, for a debtor in Italy, the Italian one. */
  letterLaw: FirstLetterLaw;
  stage: DemoStage;
  stageChanged: Date;
}

/** The demo's days are UTC days, so the same seed gives the same agency whatever its zone. */
export function isoDay(date: Date): string {
  return localDateOf(date, 'UTC');
}

/** A plausible working-hours instant on a given day (09:00–18:59 UTC-ish, adjusted below by the caller's zone). */
function during(day: Date, random: Random): Date {
  return new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), random.int(8, 16), random.int(0, 59)),
  );
}

/** A text of the case file as its row stores it (by key: the page says it in the reader's language). */
const said = (text: RecordText) => ({ summary_key: text.key, summary_params: JSON.stringify(text.params) });

/**
 * A case's history from its placement: the placement and the first letter, contacts until today (or until the case
 * left the amicable stage), the stage change and the hold it brings.
 */
export function addCaseHistory(rows: HistoryRows, random: Random, now: Date, kase: HistoryCase, agentId: string): void {
  const { caseId, debtorId, reference, opened, letterDay, letterLaw, stage, stageChanged } = kase;
  rows.stages.push({
    case_id: caseId,
    from_stage: null,
    to_stage: 'amicable',
    changed_at: opened,
    reason_key: 'placed_by_creditor',
  });
  rows.events.push({
    case_id: caseId,
    debtor_id: debtorId,
    occurred_at: during(opened, random),
    kind: 'placement',
    ...said(recordText('placement', { creditor: kase.creditor.name, mandate: kase.creditor.mandateCode })),
  });
  rows.events.push({
    case_id: caseId,
    debtor_id: debtorId,
    occurred_at: during(letterDay, random),
    kind: 'letter',
    channel: 'letter',
    direction: 'outbound',
    outcome: 'sent',
    ...said(recordText(letterLaw === 'IT' ? 'first_letter_it' : 'first_letter', { reference: `LR-${reference}` })),
    data: { template: FIRST_LETTER_TEMPLATES[letterLaw] },
  });
  addContacts(rows, random, now, kase, agentId);
  // A disputed case's contacts stop before its dispute; the dispute service writes its stage change and its hold.
  if (stage !== 'amicable' && stage !== 'dispute') {
    rows.stages.push({
      case_id: caseId,
      from_stage: 'amicable',
      to_stage: stage,
      changed_at: stageChanged,
      reason_key: `stage_${stage}`,
    });
    rows.events.push({
      case_id: caseId,
      debtor_id: debtorId,
      occurred_at: stageChanged,
      kind: 'stage_change',
      summary_key: `stage_${stage}`,
    });
  }
  addHold(rows, random, now, kase);
}

/** A contact history that respects the default policy's spacing: a touch every 6 to 20 days. */
function addContacts(rows: HistoryRows, random: Random, now: Date, kase: HistoryCase, agentId: string): void {
  const { caseId, debtorId, reference, letterDay, stage, stageChanged } = kase;
  let cursor = letterDay.getTime() + random.int(6, 12) * DAY_MS;
  const end = (stage === 'amicable' ? now.getTime() : stageChanged.getTime()) - DAY_MS;
  while (cursor < end) {
    const at = during(new Date(cursor), random);
    const touch = random.next();
    const base = { case_id: caseId, debtor_id: debtorId, occurred_at: at };
    if (touch < 0.45) {
      const outcome = random.pick(['no_answer', 'no_answer', 'voicemail', 'wrong_number'] as const);
      rows.events.push({
        ...base,
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
      rows.events.push({
        ...base,
        kind: 'conversation',
        channel: 'phone',
        direction: random.chance(0.3) ? 'inbound' : 'outbound',
        outcome,
        summary_key: `conversation_${outcome}`,
        actor_user_id: random.chance(0.3) ? agentId : null,
      });
    } else if (touch < 0.85) {
      rows.events.push({
        ...base,
        kind: 'sms',
        channel: 'sms',
        direction: 'outbound',
        outcome: 'delivered',
        summary_key: 'reminder_sms',
      });
    } else {
      rows.events.push({
        ...base,
        kind: 'letter',
        channel: 'letter',
        direction: 'outbound',
        outcome: 'sent',
        ...said(recordText('reminder_letter', { reference: `LR-${reference}`, sentOn: isoDay(letterDay) })),
      });
    }
    cursor += random.int(6, 20) * DAY_MS;
  }
}

/** The hold an admissible over-indebted case is under; now and then a vulnerability on an amicable one. */
function addHold(rows: HistoryRows, random: Random, now: Date, { caseId, debtorId, stage, stageChanged }: HistoryCase) {
  if (stage === 'overindebtedness') {
    rows.holds.push({
      debtor_id: debtorId,
      case_id: caseId,
      kind: 'overindebtedness_admissible',
      reason: 'Dossier déclaré recevable par la commission de la Banque de France',
      starts_at: stageChanged,
      ends_at: new Date(stageChanged.getTime() + 730 * DAY_MS),
    });
  } else if (stage === 'amicable' && random.chance(0.02)) {
    const start = new Date(now.getTime() - random.int(1, 20) * DAY_MS);
    rows.holds.push({
      debtor_id: debtorId,
      case_id: caseId,
      kind: 'vulnerability',
      reason: 'Contact écrit uniquement',
      starts_at: start,
      review_at: new Date(start.getTime() + 30 * DAY_MS),
    });
  }
}

/**
 * The demo's contact history as the contact policy reads it: every letter, call and message of the timeline,
 * recorded under the default policy (version 1) as allowed, so the permissions of demo cases follow from it.
 */
export function contactsFromEvents(events: Insertable<DB['case_events']>[]): Insertable<DB['contacts']>[] {
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
      first_letter: FIRST_LETTERS.has((event.data as { template?: string } | undefined)?.template ?? ''),
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
