/**
 * Both engines must hand the application the same JavaScript values for the same SQL types,
 * so the code never needs to know which one it runs on.
 * - int8 (money in cents, counts): a JS number, refusing values beyond 2^53 rather than rounding them.
 * - date: the 'YYYY-MM-DD' string, never a Date (a calendar date has no time zone).
 * - numeric: the exact decimal string.
 * - timestamptz: a Date (an instant).
 */
export const OID = { int8: 20, date: 1082, numeric: 1700, timestamptz: 1184, timestamp: 1114 } as const;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is beyond the exact integer range of JavaScript numbers`);
  }
  return value;
}

export const identity = (text: string): string => text;

/** Parsers keyed by type OID, shared by the pg pool and PGlite. */
export const textParsers: Record<number, (text: string) => unknown> = {
  [OID.int8]: parseInt8,
  [OID.date]: identity,
  [OID.numeric]: identity,
};
