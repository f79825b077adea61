/**
 * Liquidation curves, as the trade reads them: for the cases placed in one month (a vintage), the money collected so
 * far divided by the money placed, month by month since placement. A curve is cumulative, so it never goes down; it
 * is a stair-step because money arrives month by month. Pure: the months are calendar months `YYYY-MM` of the
 * agency's calendar, and `asOf` (the current month) is a parameter.
 */

/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month's index since year 0, so that two months subtract. */
function monthIndex(month: IsoMonth): number {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`${month} is not a month (YYYY-MM)`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** Whole months from `from` to `to`: 0 for the same month, negative when `to` comes first. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  return monthIndex(to) - monthIndex(from);
}

/** The month `count` months after `month` (before it when negative). */
export function addMonths(month: IsoMonth, count: number): IsoMonth {
  const index = monthIndex(month) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** What was placed in one vintage, and what its cases brought in, by month since placement. */
export interface VintageFacts {
  vintage: IsoMonth;
  cases: number;
  placedCents: number;
  /** Money received in each month since placement (0 = the month of placement); months with none may be absent. */
  collected: readonly { monthsSince: number; cents: number }[];
}

export interface CurvePoint {
  monthsSince: number;
  /** Collected from the month of placement to this month, inclusive. */
  collectedCents: number;
  /** Collected ÷ placed in basis points (1 % = 100), rounded half up; null when nothing was placed. */
  rateBp: number | null;
}

export interface VintageCurve {
  vintage: IsoMonth;
  cases: number;
  placedCents: number;
  collectedCents: number;
  recoveryBp: number | null;
  /** One point per month from placement to `asOf`, every month present even when nothing came in. */
  points: CurvePoint[];
}

/**
 * A part of a whole in basis points, rounded half up, in integers only (a rate is compared across creditors, so it
 * must be the same wherever it is computed). Above 10,000 only when more came in than was placed, which the refresh
 * cannot produce from payments on placed claims but a report must show rather than hide.
 */
export function rateBasisPoints(part: number, whole: number): number | null {
  if (!Number.isSafeInteger(part) || part < 0) throw new RangeError(`rateBasisPoints: ${part} is not an amount`);
  if (!Number.isSafeInteger(whole) || whole < 0) throw new RangeError(`rateBasisPoints: ${whole} is not an amount`);
  if (whole === 0) return null;
  return Math.floor((part * 20_000 + whole) / (2 * whole));
}

function checkAmount(cents: number, what: string): void {
  if (!Number.isSafeInteger(cents) || cents < 0)
    throw new RangeError(`${what}: ${cents} is not a whole amount of cents`);
}

/**
 * A vintage's curve as of a month: cumulative collected and its rate for every month from placement to `asOf`.
 * Money dated after `asOf` is not counted (the curve stops where the calendar does); a vintage placed after `asOf`
 * has no point.
 */
export function liquidationCurve(facts: VintageFacts, asOf: IsoMonth): VintageCurve {
  checkAmount(facts.placedCents, `placed in ${facts.vintage}`);
  const elapsed = monthsBetween(facts.vintage, asOf);
  const byMonth = new Map<number, number>();
  for (const { monthsSince, cents } of facts.collected) {
    if (!Number.isSafeInteger(monthsSince) || monthsSince < 0)
      throw new RangeError(`${facts.vintage}: ${monthsSince} is not a number of months since placement`);
    checkAmount(cents, `collected in ${facts.vintage}`);
    byMonth.set(monthsSince, (byMonth.get(monthsSince) ?? 0) + cents);
  }
  const points: CurvePoint[] = [];
  let running = 0;
  for (let month = 0; month <= elapsed; month += 1) {
    running += byMonth.get(month) ?? 0;
    if (!Number.isSafeInteger(running)) throw new RangeError(`${facts.vintage}: the collected sum is out of range`);
    points.push({ monthsSince: month, collectedCents: running, rateBp: rateBasisPoints(running, facts.placedCents) });
  }
  return {
    vintage: facts.vintage,
    cases: facts.cases,
    placedCents: facts.placedCents,
    collectedCents: running,
    recoveryBp: rateBasisPoints(running, facts.placedCents),
    points,
  };
}

/**
 * A portfolio's curve over several vintages: at each month since placement, what the vintages old enough to have
 * reached that month collected by then, divided by what those same vintages placed. Weighting by the money placed,
 * not averaging the rates, keeps a small vintage from bending the curve; a young vintage leaves the later months to
 * the older ones instead of pulling them down.
 */
export function portfolioCurve(curves: readonly VintageCurve[]): CurvePoint[] {
  const longest = Math.max(-1, ...curves.map((curve) => curve.points.length - 1));
  const points: CurvePoint[] = [];
  for (let month = 0; month <= longest; month += 1) {
    let collected = 0;
    let placed = 0;
    for (const curve of curves) {
      const point = curve.points[month];
      if (!point) continue;
      collected += point.collectedCents;
      placed += curve.placedCents;
    }
    points.push({ monthsSince: month, collectedCents: collected, rateBp: rateBasisPoints(collected, placed) });
  }
  return points;
}
