import {
  addDays,
  compareDates,
  isBusinessDay,
  isIsoDate,
  type BusinessPlace,
  type IsoDate,
} from '../../platform/calendar/index.js';

export type FollowUpProblem =
  | { code: 'not_a_date' }
  | { code: 'not_after_today'; today: IsoDate }
  | { code: 'too_far'; latest: IsoDate }
  | { code: 'not_a_working_day'; place: BusinessPlace };

/**
 * A coaching note's follow-up date: a working day of the agency's calendar (no weekend, no public holiday), after
 * today and within the settings' horizon. Null when it fits.
 */
export function followUpProblem(
  followUpOn: string,
  today: IsoDate,
  maxDays: number,
  place: BusinessPlace,
): FollowUpProblem | null {
  if (!isIsoDate(followUpOn)) return { code: 'not_a_date' };
  if (compareDates(followUpOn, today) <= 0) return { code: 'not_after_today', today };
  const latest = addDays(today, maxDays);
  if (compareDates(followUpOn, latest) > 0) return { code: 'too_far', latest };
  if (!isBusinessDay(followUpOn, place)) return { code: 'not_a_working_day', place };
  return null;
}
