import { addDays, addMonths, type IsoDate } from './dates.js';
import { type BusinessPlace, nextBusinessDay } from './business-days.js';

/**
 * A deadline of law (or the agency's own follow-up) as dated reference data: its length, whether a count ending on a
 * closed day moves to the next working day (CPC 642; c.p.c. 155), where the figure comes from, and the day it is in
 * force from. A figure tagged `check` was found in secondary sources: it is corrected by a new dated row, never by
 * editing one, so a deadline counted once is counted the same way when read again.
 */
export interface LegalDeadlineRule<K extends string = string> {
  deadline: K;
  amount: number;
  unit: 'days' | 'months';
  movesToWorkingDay: boolean;
  tag: 'law' | 'check' | 'choice';
  source: string;
  validFrom: IsoDate;
}

/** The rules a procedure counts with, and the calendar of the place whose closed days move them. */
export interface DeadlineCalendar<K extends string = string> {
  place: BusinessPlace;
  rules: readonly LegalDeadlineRule<K>[];
}

/**
 * The rule of a deadline in force for a count that starts on `on`: the latest row that started by then, else the
 * earliest (a count older than every row uses the first figure known). Throws when the deadline has no row at all:
 * the reference data is incomplete, which no input can fix.
 */
export function legalRuleOn<K extends string>(
  rules: readonly LegalDeadlineRule<K>[],
  deadline: K,
  on: IsoDate,
): LegalDeadlineRule<K> {
  const candidates = rules
    .filter((rule) => rule.deadline === deadline)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  const first = candidates[0];
  if (!first) throw new Error(`No reference data for the deadline ${deadline}`);
  return candidates.filter((rule) => rule.validFrom <= on).at(-1) ?? first;
}

export interface CountedDeadline<K extends string = string> {
  rule: LegalDeadlineRule<K>;
  /** The day the count ends (CPC 641: the day of the act is not counted; months end on the same day, or the last). */
  countEndsOn: IsoDate;
  /** The last day to act: the count's end, moved to the next working day when it is closed and the rule says so. */
  dueOn: IsoDate;
}

/** A deadline counted from `from` with the rule in force that day, on the calendar's place. */
export function countDeadline<K extends string>(
  calendar: DeadlineCalendar<K>,
  deadline: K,
  from: IsoDate,
): CountedDeadline<K> {
  const rule = legalRuleOn(calendar.rules, deadline, from);
  const countEndsOn = rule.unit === 'days' ? addDays(from, rule.amount) : addMonths(from, rule.amount);
  const dueOn = rule.movesToWorkingDay ? nextBusinessDay(countEndsOn, calendar.place) : countEndsOn;
  return { rule, countEndsOn, dueOn };
}
