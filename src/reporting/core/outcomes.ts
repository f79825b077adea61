import { shareBasisPoints } from './small-cells.js';

/**
 * The portfolio's outcome figures (docs/reporting.md, "Outcomes"): rates in basis points (1 % = 100) within 0–10,000,
 * rounded half up in integers, and the mean and median days to the first payment from a histogram (how many cases
 * paid first after so many days), so that the five-minute job keeps a few rows per vintage, never one per case. Pure.
 */

/** A part of a whole (the part never larger) in basis points, rounded half up; null when the whole is empty. */
export function partBasisPoints(part: number, whole: number): number | null {
  checkCount(part, 'part');
  checkCount(whole, 'whole');
  return shareBasisPoints(part, whole);
}

function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what}: ${value} is not a count`);
}

/** How many cases paid first after so many days since placement. */
export interface DaysBucket {
  days: number;
  cases: number;
}

export interface DaysFigures {
  /** Cases with at least one payment not reversed. */
  payingCases: number;
  /** Mean days from placement to the first payment, rounded half up to the day; null when no case paid. */
  meanDays: number | null;
  /** The median, the lower middle for an even count (as the care report's median); null when no case paid. */
  medianDays: number | null;
}

/** Mean and median days to the first payment from the histogram (buckets of the same day added together). */
export function daysToFirstPayment(buckets: readonly DaysBucket[]): DaysFigures {
  const byDay = new Map<number, number>();
  for (const { days, cases } of buckets) {
    checkCount(days, 'days');
    checkCount(cases, 'cases');
    byDay.set(days, (byDay.get(days) ?? 0) + cases);
  }
  const sorted = [...byDay.entries()].filter(([, cases]) => cases > 0).sort(([a], [b]) => a - b);
  const payingCases = sorted.reduce((sum, [, cases]) => sum + cases, 0);
  if (payingCases === 0) return { payingCases: 0, meanDays: null, medianDays: null };
  const totalDays = sorted.reduce((sum, [days, cases]) => sum + days * cases, 0);
  // Lower middle: the ((n - 1) / 2)-th case in order of days, counting from 0.
  const middle = Math.floor((payingCases - 1) / 2);
  let seen = 0;
  let medianDays = sorted[0]![0];
  for (const [days, cases] of sorted) {
    seen += cases;
    if (seen > middle) {
      medianDays = days;
      break;
    }
  }
  return { payingCases, meanDays: Math.floor((2 * totalDays + payingCases) / (2 * payingCases)), medianDays };
}

export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export interface PromiseFigures {
  made: number;
  open: number;
  kept: number;
  broken: number;
  cancelled: number;
  madeCents: number;
  keptCents: number;
  /** Kept out of the promises already kept or broken (open and cancelled ones are not a test of the word given). */
  keptBp: number | null;
}

/** A month's promises from the counts per status now. */
export function promiseFigures(rows: readonly { status: PromiseStatus; promises: number; amountCents: number }[]) {
  const count = (status: PromiseStatus) =>
    rows.filter((row) => row.status === status).reduce((sum, row) => sum + row.promises, 0);
  const figures: PromiseFigures = {
    made: rows.reduce((sum, row) => sum + row.promises, 0),
    open: count('open'),
    kept: count('kept'),
    broken: count('broken'),
    cancelled: count('cancelled'),
    madeCents: rows.reduce((sum, row) => sum + row.amountCents, 0),
    keptCents: rows.filter((row) => row.status === 'kept').reduce((sum, row) => sum + row.amountCents, 0),
    keptBp: null,
  };
  figures.keptBp = partBasisPoints(figures.kept, figures.kept + figures.broken);
  return figures;
}

export const PLAN_STATES = ['on_track', 'behind', 'completed', 'broken', 'ended'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export interface PlanFigures {
  agreed: number;
  onTrack: number;
  behind: number;
  completed: number;
  broken: number;
  ended: number;
  /** On track or completed, out of the plans agreed. */
  onTrackBp: number | null;
  brokenBp: number | null;
}

/** A month's plans (by the month first agreed) from the counts per state now. */
export function planFigures(rows: readonly { state: PlanState; plans: number }[]): PlanFigures {
  const count = (state: PlanState) =>
    rows.filter((row) => row.state === state).reduce((sum, row) => sum + row.plans, 0);
  const agreed = rows.reduce((sum, row) => sum + row.plans, 0);
  return {
    agreed,
    onTrack: count('on_track'),
    behind: count('behind'),
    completed: count('completed'),
    broken: count('broken'),
    ended: count('ended'),
    onTrackBp: partBasisPoints(count('on_track') + count('completed'), agreed),
    brokenBp: partBasisPoints(count('broken'), agreed),
  };
}

/** Each stage's cases and its share of all of them (shares rounded one by one: they may add up to 10,000 ± a few). */
export function stageShares<S extends string>(
  rows: readonly { stage: S; cases: number }[],
  order: readonly S[],
): { stage: S; cases: number; shareBp: number | null }[] {
  const total = rows.reduce((sum, row) => sum + row.cases, 0);
  return order.map((stage) => {
    const cases = rows.filter((row) => row.stage === stage).reduce((sum, row) => sum + row.cases, 0);
    return { stage, cases, shareBp: partBasisPoints(cases, total) };
  });
}
