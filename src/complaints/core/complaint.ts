import {
  addBusinessDays,
  addDays,
  addMonths,
  compareDates,
  nextBusinessDay,
  type BusinessPlace,
  type IsoDate,
} from '../../platform/calendar/index.js';
import type { ComplaintOutcome, ComplaintStatus, DeadlineStatus } from './lists.js';

/**
 * Complaints (REGULATION.md §9; ACPR 2022-R-01, CMF L54-11-33), pure: the day is a parameter, the deadlines' figures
 * are dated reference data passed in.
 *
 *   received ─acknowledge─► acknowledged ─answer─► answered ─close─► closed
 *   received ─answer─► answered (an answer within the acknowledgement's time is its acknowledgement)
 *   answered (refused or partly upheld) ─refer_to_mediator─► mediator
 *
 * Any expression of dissatisfaction, from anyone, by any channel, is a complaint. It is acknowledged within N business
 * days of the debtor's calendar (France or Italy, public holidays excepted) and answered within M months (or D days);
 * a deadline that ends on a non-business day moves to the next business day (CPC 642, c.p.c. 155). A refusal always
 * carries the mediator's details.
 */

/** The deadlines' figures in force from a date, for a country. */
export interface ComplaintDeadlineRule {
  country: 'FR' | 'IT';
  acknowledgeBusinessDays: number;
  answerMonths: number;
  answerDays: number;
  source: string;
  validFrom: IsoDate;
}

export interface ComplaintDeadlines {
  acknowledgeBy: IsoDate;
  answerBy: IsoDate;
  source: string;
}

export class NoDeadlineRule extends Error {
  constructor(country: string) {
    super(`no complaint deadline rule for ${country}`);
  }
}

/** A country's deadline rule in force on a day: the latest valid from it or before; null when none is. */
export function deadlineRuleOn(
  rules: readonly ComplaintDeadlineRule[],
  country: 'FR' | 'IT',
  on: IsoDate,
): ComplaintDeadlineRule | null {
  return (
    rules
      .filter((r) => r.country === country && compareDates(r.validFrom, on) <= 0)
      .sort((a, b) => compareDates(a.validFrom, b.validFrom))
      .at(-1) ?? null
  );
}

/** The deadlines of a complaint received on a day, on the calendar of the place (the debtor's country and region). */
export function complaintDeadlines(
  receivedOn: IsoDate,
  place: BusinessPlace & { country: 'FR' | 'IT' },
  rules: readonly ComplaintDeadlineRule[],
): ComplaintDeadlines {
  const rule = deadlineRuleOn(rules, place.country, receivedOn);
  if (!rule) throw new NoDeadlineRule(place.country);
  const answerEnd = addDays(addMonths(receivedOn, rule.answerMonths), rule.answerDays);
  return {
    acknowledgeBy: addBusinessDays(receivedOn, rule.acknowledgeBusinessDays, place),
    answerBy: nextBusinessDay(answerEnd, place),
    source: rule.source,
  };
}

export interface ComplaintState {
  status: ComplaintStatus;
  acknowledgeBy: IsoDate;
  answerBy: IsoDate;
  acknowledgedOn: IsoDate | null;
  answeredOn: IsoDate | null;
  outcome: ComplaintOutcome | null;
}

/** Days before a deadline when it shows as due soon. */
export const DUE_SOON_DAYS = 3;

function against(deadline: IsoDate, doneOn: IsoDate | null, today: IsoDate): DeadlineStatus {
  if (doneOn !== null) return compareDates(doneOn, deadline) <= 0 ? 'met' : 'missed';
  if (compareDates(today, deadline) > 0) return 'overdue';
  return compareDates(addDays(today, DUE_SOON_DAYS), deadline) >= 0 ? 'due_soon' : 'on_time';
}

/** Each deadline's status today, and the one that matters now (the answer's once acknowledged). */
export function deadlineStatus(
  complaint: ComplaintState,
  today: IsoDate,
): { acknowledgement: DeadlineStatus; answer: DeadlineStatus; current: DeadlineStatus } {
  // An answer given in the acknowledgement's time acknowledges it.
  const acknowledgedOn = complaint.acknowledgedOn ?? complaint.answeredOn;
  const acknowledgement = against(complaint.acknowledgeBy, acknowledgedOn, today);
  const answer = against(complaint.answerBy, complaint.answeredOn, today);
  const current = acknowledgedOn === null && acknowledgement !== 'overdue' ? acknowledgement : answer;
  return { acknowledgement, answer, current: acknowledgement === 'overdue' ? 'overdue' : current };
}

export type ComplaintAct =
  | { act: 'acknowledge'; on: IsoDate }
  | { act: 'answer'; on: IsoDate; outcome: ComplaintOutcome; hasMediator: boolean }
  | { act: 'close'; on: IsoDate }
  | { act: 'refer_to_mediator'; on: IsoDate };

export const COMPLAINT_REFUSALS = [
  'complaints.already_acknowledged',
  'complaints.already_answered',
  'complaints.not_answered',
  'complaints.finished',
  'complaints.mediator_missing',
  'complaints.not_refused',
  'complaints.before_received',
] as const;
export type ComplaintRefusal = (typeof COMPLAINT_REFUSALS)[number];

export type ComplaintDecision =
  { outcome: 'changed'; state: ComplaintState } | { outcome: 'refused'; code: ComplaintRefusal; message: string };

const refuse = (code: ComplaintRefusal, message: string): ComplaintDecision => ({ outcome: 'refused', code, message });

/** What an act does to a complaint: the next state, or a refusal with a stable code. */
export function decideComplaintAct(
  complaint: ComplaintState & { receivedOn: IsoDate },
  act: ComplaintAct,
): ComplaintDecision {
  if (compareDates(act.on, complaint.receivedOn) < 0)
    return refuse('complaints.before_received', 'The date is before the complaint was received.');
  if (complaint.status === 'closed' || complaint.status === 'mediator')
    return refuse('complaints.finished', 'The complaint is closed.');
  switch (act.act) {
    case 'acknowledge':
      if (complaint.status !== 'received')
        return refuse('complaints.already_acknowledged', 'The complaint was already acknowledged.');
      return { outcome: 'changed', state: { ...complaint, status: 'acknowledged', acknowledgedOn: act.on } };
    case 'answer':
      if (complaint.status === 'answered')
        return refuse('complaints.already_answered', 'The complaint was already answered.');
      if (act.outcome !== 'upheld' && !act.hasMediator)
        return refuse(
          'complaints.mediator_missing',
          "A refusal names the mediator: record the mediator of the creditor's sector in the reference data first.",
        );
      return {
        outcome: 'changed',
        state: {
          ...complaint,
          status: 'answered',
          acknowledgedOn: complaint.acknowledgedOn ?? act.on,
          answeredOn: act.on,
          outcome: act.outcome,
        },
      };
    case 'close':
      if (complaint.status !== 'answered') return refuse('complaints.not_answered', 'Answer the complaint first.');
      return { outcome: 'changed', state: { ...complaint, status: 'closed' } };
    case 'refer_to_mediator':
      if (complaint.status !== 'answered') return refuse('complaints.not_answered', 'Answer the complaint first.');
      if (complaint.outcome === 'upheld')
        return refuse('complaints.not_refused', 'Only a complaint refused or partly upheld goes to the mediator.');
      return { outcome: 'changed', state: { ...complaint, status: 'mediator' } };
  }
}
