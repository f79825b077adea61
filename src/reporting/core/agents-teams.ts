import { addDays, isoWeekOf, type IsoDate } from '../../platform/calendar/index.js';
import { csat, type Csat } from '../../satisfaction/core/csat.js';
import { rateBasisPoints } from './liquidation.js';

/**
 * The agents and teams report's arithmetic (docs/reporting.md, "Agents and teams"): days added into weeks of the
 * agency's calendar (ISO weeks, Monday to Sunday), agents into teams, and the figures shown beside each other: the
 * quality of the calls and what debtors said first, then the work, then the money. Pure: counts in, figures out.
 */

/** What one person did on one day, or a sum of such days or people. */
export interface Counts {
  calls: number;
  conversations: number;
  promises: number;
  plans: number;
  payments: number;
  collectedCents: number;
  reviews: number;
  reviewScoreBpSum: number;
  answers: number;
  satisfied: number;
}

export interface DayCounts extends Counts {
  day: IsoDate;
}

export type Granularity = 'day' | 'week';

/** Below this many reviews, a mean score is shown with the small-sample marker: a few calls are not a verdict. */
export const MIN_REVIEWS = 5;

export const COUNT_FIELDS = [
  'calls',
  'conversations',
  'promises',
  'plans',
  'payments',
  'collectedCents',
  'reviews',
  'reviewScoreBpSum',
  'answers',
  'satisfied',
] as const satisfies readonly (keyof Counts)[];

export const zeroCounts = (): Counts => ({
  calls: 0,
  conversations: 0,
  promises: 0,
  plans: 0,
  payments: 0,
  collectedCents: 0,
  reviews: 0,
  reviewScoreBpSum: 0,
  answers: 0,
  satisfied: 0,
});

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = zeroCounts();
  for (const field of COUNT_FIELDS) sum[field] = a[field] + b[field];
  return sum;
}

/** The sum of several days, people or periods. */
export function sumCounts(list: readonly Counts[]): Counts {
  return list.reduce(addCounts, zeroCounts());
}

/** One column of the report: a day, or an ISO week (`2026-W49`) with its Monday. */
export interface Period {
  key: string;
  first: IsoDate;
}

/** The key of the period a day falls in. */
export function periodOf(day: IsoDate, granularity: Granularity): Period {
  if (granularity === 'day') return { key: day, first: day };
  const { week, monday } = isoWeekOf(day);
  return { key: week, first: monday };
}

/** Every period from `from` to `to` (both included), in order; a week cut by the period's ends counts once. */
export function periodsBetween(from: IsoDate, to: IsoDate, granularity: Granularity): Period[] {
  const periods: Period[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const period = periodOf(day, granularity);
    if (periods.at(-1)?.key !== period.key) periods.push(period);
  }
  return periods;
}

/**
 * One person's (or one team's) days added into the periods from `from` to `to`: every period listed, empty ones as
 * zeros, days outside the span left out.
 */
export function rollUp(
  days: readonly DayCounts[],
  from: IsoDate,
  to: IsoDate,
  granularity: Granularity,
): { period: Period; counts: Counts }[] {
  return roller(from, to, granularity)(days);
}

/**
 * rollUp over one span, the period of each of its days worked out once: a report rolls up every person and team over
 * the same span, thousands of days in all.
 */
export function roller(
  from: IsoDate,
  to: IsoDate,
  granularity: Granularity,
): (days: readonly DayCounts[]) => { period: Period; counts: Counts }[] {
  const periods = periodsBetween(from, to, granularity);
  const indexOf = new Map<IsoDate, number>();
  let index = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (periodOf(day, granularity).key !== periods[index]!.key) index += 1;
    indexOf.set(day, index);
  }
  return (days) => {
    const buckets = periods.map((period) => ({ period, counts: zeroCounts() }));
    for (const day of days) {
      const at = indexOf.get(day.day);
      // Days outside the span are left out; the bucket's own counts are added to (thousands of days, no copies).
      if (at === undefined) continue;
      const counts = buckets[at]!.counts;
      for (const field of COUNT_FIELDS) counts[field] += day[field];
    }
    return buckets;
  };
}

export interface Figures extends Counts {
  /** Mean review score in basis points (10,000 = 100 %), rounded half up; null without a review. */
  meanScoreBp: number | null;
  /** Fewer than MIN_REVIEWS reviews: the mean is shown, marked as a small sample. */
  fewReviews: boolean;
  /** CSAT (share of 4 and 5) with its interval, or "too few" under the survey's minimum sample. */
  csat: Csat;
  /** Conversations ÷ calls, in basis points; null without a call. */
  conversationRateBp: number | null;
}

/** The figures shown for a sum of counts. */
export function figuresOf(counts: Counts, minimumAnswers: number): Figures {
  if (counts.satisfied > counts.answers) throw new RangeError('figuresOf: more satisfied answers than answers');
  return {
    ...counts,
    meanScoreBp: counts.reviews === 0 ? null : halfUp(counts.reviewScoreBpSum, counts.reviews),
    fewReviews: counts.reviews < MIN_REVIEWS,
    // csat() reads only the number of answers and of 4-5: the satisfied ones stand for the 4s and 5s, the rest for 1s.
    csat: csat(
      { byScore: { 1: counts.answers - counts.satisfied, 2: 0, 3: 0, 4: counts.satisfied, 5: 0 } },
      minimumAnswers,
    ),
    // A conversation is a phone call that reached the debtor, so never more than the calls; min() keeps a rate all the
    // same should a corrected record say otherwise.
    conversationRateBp: rateBasisPoints(Math.min(counts.conversations, counts.calls), counts.calls),
  };
}

/** `sum / count` rounded half up, in integers. */
function halfUp(sum: number, count: number): number {
  return Math.floor((sum * 2 + count) / (count * 2));
}
