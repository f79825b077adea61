/**
 * Aggregates of special-category data never point at a person (GDPR art. 9, REGULATION §4): a count of fragile
 * debtors, of referrals or of reviews below the smallest cell is shown as "fewer than N", never as its figure, and a
 * share built on it is withheld too. The threshold is the agency's choice, named here once.
 */
export const SMALLEST_CELL = 3;

/** A count as a report may show it: the figure, or null ("fewer than SMALLEST_CELL") when 1 ≤ count < the threshold. */
export function shownCount(count: number, smallest = SMALLEST_CELL): number | null {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`shownCount: ${count} is not a count`);
  return count > 0 && count < smallest ? null : count;
}

/**
 * A part of a whole in basis points (1 % = 100), rounded half up in integers; null when the part is withheld or the
 * whole is empty. Integers only: a share is a figure people compare across creditors, so it must be the same
 * wherever it is computed.
 */
export function shareBasisPoints(part: number | null, whole: number): number | null {
  if (part === null || whole <= 0) return null;
  if (part > whole) throw new RangeError(`shareBasisPoints: ${part} is more than ${whole}`);
  return Math.floor((part * 20_000 + whole) / (2 * whole));
}

/** The median of whole numbers (hours, days), or null when there are none: the lower middle for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
