/**
 * Instalment schedules (pure, integer cents). Every schedule sums exactly to the agreed amount: the rounding is
 * absorbed by the last instalment, never lost and never created.
 */
import { addMonths } from '../../platform/calendar/dates.js';
import { nextBusinessDay, type BusinessPlace } from '../../platform/calendar/business-days.js';

/** A bound on every schedule (far above the law's 84 months), so no input can make one unbounded. */
export const MAX_INSTALMENTS = 120;

export interface Instalment {
  /** 1-based. */
  number: number;
  dueOn: string;
  amountCents: number;
}

/**
 * The largest instalment that fits, repeated: `monthlyCents` each month and the remainder last (0 < last ≤ monthly),
 * so no instalment exceeds the monthly amount. The number of instalments is ceil(total / monthly).
 */
export function scheduleByAmount(
  totalCents: number,
  monthlyCents: number,
  firstDueOn: string,
  place: BusinessPlace,
): Instalment[] {
  assertCents(totalCents, 'total');
  if (!Number.isSafeInteger(monthlyCents) || monthlyCents <= 0)
    throw new RangeError('the monthly amount must be a positive whole number of cents');
  const count = Math.ceil(totalCents / monthlyCents);
  if (count > MAX_INSTALMENTS) throw new RangeError(`a schedule has at most ${MAX_INSTALMENTS} instalments`);
  const amounts = Array.from({ length: count }, (_, i) =>
    i < count - 1 ? monthlyCents : totalCents - monthlyCents * (count - 1),
  );
  return dated(amounts, firstDueOn, place);
}

/**
 * `months` equal instalments of floor(total / months), the last one absorbing the remainder (it exceeds the others
 * by less than `months` cents).
 */
export function scheduleByMonths(
  totalCents: number,
  months: number,
  firstDueOn: string,
  place: BusinessPlace,
): Instalment[] {
  assertCents(totalCents, 'total');
  if (!Number.isSafeInteger(months) || months < 1 || months > Math.min(totalCents, MAX_INSTALMENTS)) {
    throw new RangeError(`months must be between 1 and the amount in cents, and at most ${MAX_INSTALMENTS}`);
  }
  const each = Math.floor(totalCents / months);
  const amounts = Array.from({ length: months }, (_, i) => (i < months - 1 ? each : totalCents - each * (months - 1)));
  return dated(amounts, firstDueOn, place);
}

/**
 * The i-th instalment is due on the same day of the month as the first (clamped to the month's end), moved to the next
 * business day of the debtor's place when that day is closed (a weekend or a public holiday: no one can pay or be
 * debited then). Each date is counted from the first, so one move never shifts the next ones.
 */
function dated(amounts: number[], firstDueOn: string, place: BusinessPlace): Instalment[] {
  return amounts.map((amountCents, i) => ({
    number: i + 1,
    dueOn: nextBusinessDay(addMonths(firstDueOn, i), place),
    amountCents,
  }));
}

/** Month arithmetic is the calendar's: the same day, clamped to the month's end, counted from the first date. */
export { addMonths };

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`the ${what} must be a positive whole number of cents`);
}
