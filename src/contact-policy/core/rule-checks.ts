import type { CompiledCap, CompiledSpacing, MinuteRange } from './compile.js';
import type { Block } from './block.js';
import { DAY_KEYS, type DayKey } from './policy-document.js';
import { lowerBound, type Prepared } from './prepared.js';
import { fromLocal, minutesOf, TIME, toLocal } from '../../platform/calendar/index.js';

/**
 * The checks several rules share (the policy's own and the care profile's): hours, caps and spacing, each giving the
 * earliest instant at which it alone could stop refusing.
 */

/**
 * Undefined when local time at `t` falls inside one of the day's ranges; otherwise the next instant a range
 * opens (scanning forward day by day, a year and a month at most), or null when none ever opens.
 */
export function hoursBlock(
  zone: string,
  t: number,
  rangesOn: (dayNumber: number, weekday: number) => readonly MinuteRange[],
): number | null | undefined {
  const local = toLocal(zone, t);
  for (const [from, to] of rangesOn(local.dayNumber, local.weekday)) {
    if (local.minuteOfDay >= from && local.minuteOfDay < to) return undefined;
  }
  for (let offset = 0; offset <= 400; offset += 1) {
    const day = local.dayNumber + offset;
    const weekday = (local.weekday + offset) % 7;
    for (const [from] of rangesOn(day, weekday)) {
      const opens = fromLocal(zone, day, from);
      if (opens > t) return opens;
    }
  }
  return null;
}

/** Windows named by days (a debtor's preferred hours, a care adaptation's) as ranges by weekday, 0 = Sunday. */
export function weekdayRanges(
  windows: readonly { days: readonly DayKey[]; from: string; to: string }[],
): MinuteRange[][] {
  const byWeekday: MinuteRange[][] = DAY_KEYS.map(() => []);
  for (const window of windows) {
    for (const day of window.days)
      byWeekday[DAY_KEYS.indexOf(day)]!.push([minutesOf(window.from), minutesOf(window.to)]);
  }
  for (const list of byWeekday) list.sort((a, b) => a[0] - b[0]);
  return byWeekday;
}

/** The caps of `caps` the channel `bit` breaks at `t`, as blocks named `<prefix><cap id>`. */
export function capBlocks(
  caps: readonly CompiledCap[],
  prefix: string,
  prepared: Prepared,
  bit: number,
  t: number,
  blocks: Block[],
) {
  const { timeZone, country } = prepared.facts.location;
  let dayStart = 0;
  let dayEnd = 0;
  for (const cap of caps) {
    if ((cap.mask & bit) === 0 || (cap.countries !== null && !cap.countries.has(country))) continue;
    const sorted = prepared.capTimes(cap);
    const params = { max: cap.max };
    const rule = `${prefix}${cap.id}`;
    if (cap.max === 0) {
      blocks.push({ rule, until: null, params });
      continue;
    }
    if (cap.rollingMs === null) {
      if (dayEnd === 0) {
        const local = toLocal(timeZone, t);
        dayStart = fromLocal(timeZone, local.dayNumber, 0);
        dayEnd = fromLocal(timeZone, local.dayNumber + 1, 0);
      }
      const count = lowerBound(sorted, dayEnd) - lowerBound(sorted, dayStart);
      if (count >= cap.max) blocks.push({ rule, until: dayEnd, params: { ...params, count } });
      continue;
    }
    const until = sortedCapUntil(sorted, cap.max, cap.rollingMs, t);
    if (until !== undefined) blocks.push({ rule, until, params });
  }
}

/**
 * The end of the stretch an outbound contact in `sorted` keeps free of others around `t`: the latest one less than
 * `ms` away from `t`, on either side, plus `ms`; undefined when none is that near.
 */
export function spacingUntil(sorted: readonly number[], ms: number, t: number): number | undefined {
  const last = lowerBound(sorted, t + ms) - 1;
  const until = last >= 0 && sorted[last]! > t - ms ? sorted[last]! + ms : -1;
  return until > t ? until : undefined;
}

/** The spacing rules of `rules` the channel `bit` breaks at `t`, as blocks named `<prefix><rule id>`. */
export function spacingBlocks(
  rules: readonly CompiledSpacing[],
  prefix: string,
  prepared: Prepared,
  bit: number,
  t: number,
  blocks: Block[],
) {
  for (const rule of rules) {
    if ((rule.mask & bit) === 0) continue;
    const until = spacingUntil(prepared.outboundTimes(rule.mask), rule.ms, t);
    if (until !== undefined)
      blocks.push({ rule: `${prefix}${rule.id}`, until, params: { hours: rule.ms / TIME.HOUR_MS } });
  }
}

/**
 * A contact at `t` keeps a rolling cap when every window [s, s + W) that contains `t` holds fewer than `max`
 * counted contacts. With the counted instants in order T, the `max` consecutive contacts T[i] … T[j] fit in one
 * window when T[j] − T[i] < W, and such a window can also contain `t` exactly when T[j] − W < t < T[i] + W.
 * Those stretches, merged, are the refused instants. Returns undefined when `t` is fine, else the first
 * instant after the refused stretch that contains `t`.
 */
export function sortedCapUntil(
  sorted: readonly number[],
  max: number,
  windowMs: number,
  t: number,
): number | undefined {
  const first = lowerBound(sorted, t - windowMs + 1);
  const near = lowerBound(sorted, t + windowMs) - first;
  if (near < max) return undefined;
  let until: number | undefined;
  // Groups starting before t − W + 1 cannot reach t; later ones are met in order, so the stretches merge forward.
  for (let i = first; i + max - 1 < sorted.length; i += 1) {
    const earliest = sorted[i]!;
    const latest = sorted[i + max - 1]!;
    if (latest - earliest >= windowMs) continue;
    const from = latest - windowMs + 1;
    const to = earliest + windowMs - 1;
    if (until !== undefined) {
      if (from > until) break;
      if (to + 1 > until) until = to + 1;
    } else if (from > t) break;
    else if (t <= to) until = to + 1;
  }
  return until;
}
