/**
 * Local wall-clock time of a moment in an IANA zone, and back, without allocating a Date per call.
 *
 * Intl is the only source of zone rules in Node, and it is slow (microseconds a call). Zone offsets change
 * only on quarter-hour boundaries in every zone that exists, so the offset of each 15-minute bucket is
 * cached per zone: a decision then costs a Map lookup per conversion, which keeps the policy engine
 * above 200,000 decisions a second.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
/** 24 hours: a duration. A calendar day is `addDays` (a local day is 23 or 25 hours when the clocks change). */
export const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;
const MAX_CACHED_BUCKETS_PER_ZONE = 200_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function computeOffsetMs(zone: string, atMs: number): number {
  const parts = formatterFor(zone).formatToParts(atMs);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of parts) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const flooredToMinute = atMs - (((atMs % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  return asUtc - flooredToMinute;
}

/** Offset of local time from UTC at `atMs`, in milliseconds (Paris in winter: +3,600,000). */
export function offsetMs(zone: string, atMs: number): number {
  let zoneCache = offsetCache.get(zone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(zone, zoneCache);
  }
  const bucket = Math.floor(atMs / BUCKET_MS);
  let offset = zoneCache.get(bucket);
  if (offset === undefined) {
    if (zoneCache.size >= MAX_CACHED_BUCKETS_PER_ZONE) zoneCache.clear();
    offset = computeOffsetMs(zone, bucket * BUCKET_MS);
    zoneCache.set(bucket, offset);
  }
  return offset;
}

export interface LocalMoment {
  /** Days since 1970-01-01 of the local calendar date. */
  dayNumber: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
}

export function toLocal(zone: string, atMs: number): LocalMoment {
  const localMs = atMs + offsetMs(zone, atMs);
  const dayNumber = Math.floor(localMs / DAY_MS);
  const minuteOfDay = Math.floor((localMs - dayNumber * DAY_MS) / MINUTE_MS);
  return { dayNumber, weekday: (((dayNumber + 4) % 7) + 7) % 7, minuteOfDay };
}

/**
 * The instant at which the local clock of `zone` shows `minuteOfDay` on local day `dayNumber`. When that
 * wall time does not exist (the hour skipped when clocks go forward) it is the first instant after the
 * gap; when it exists twice (clocks go back) it is the earlier one.
 */
export function fromLocal(zone: string, dayNumber: number, minuteOfDay: number): number {
  const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  // Try both offsets in force around that wall time, earliest instant first.
  const before = offsetMs(zone, wall - DAY_MS);
  const after = offsetMs(zone, wall + DAY_MS);
  const candidates = before >= after ? [wall - before, wall - after] : [wall - after, wall - before];
  for (const instant of candidates) {
    if (instant + offsetMs(zone, instant) === wall) return instant;
  }
  // A gap: the wall time never shows; the clock jumps over it at the transition.
  return transitionAfter(zone, wall - Math.max(before, after));
}

function transitionAfter(zone: string, fromMs: number): number {
  let low = fromMs;
  let high = fromMs + DAY_MS;
  const startOffset = offsetMs(zone, low);
  while (high - low > MINUTE_MS) {
    const middle = Math.floor((low + high) / 2);
    if (offsetMs(zone, middle) === startOffset) low = middle;
    else high = middle;
  }
  return high - (high % MINUTE_MS);
}

export function dayNumberOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** "09:30" → 570. */
export function minutesOf(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

export function clockOf(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

export const TIME = { MINUTE_MS, HOUR_MS, DAY_MS } as const;
