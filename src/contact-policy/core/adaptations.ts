import { z } from 'zod';
import { clockOf, minutesOf } from '../../platform/calendar/local-time.js';
import { CHANNELS, DAY_KEYS, type Channel, type DayKey } from './policy-document.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM, from 00:00 to 24:00');

/**
 * A vulnerability's adaptations (REGULATION §5, FG21/1), as the contact policy reads them: what the care team agreed
 * with or for the debtor, machine-readable so the policy applies it. Each one only ever narrows what the policy
 * allows, never widens it: fewer channels, fewer hours, a slower pace, a third party present.
 */
export const contactAdaptationsSchema = z.strictObject({
  /** Only these channels ("written contact only": letter and e-mail); null when the channels are not narrowed. */
  channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).nullable().default(null),
  /** Only these local hours ("calls after 17:00"), on the days named; null when the hours are not narrowed. */
  windows: z
    .array(
      z
        .strictObject({ days: z.array(z.enum(DAY_KEYS)).min(1).max(7), from: clock, to: clock })
        .refine((window) => window.from < window.to, { message: 'a window must end after it starts' }),
    )
    .min(1)
    .max(7)
    .nullable()
    .default(null),
  /** At least this many days between two outbound contacts, every channel together ("one letter a fortnight"). */
  minDaysBetweenContacts: z.number().int().min(1).max(90).nullable().default(null),
  /** Any conversation needs a named third party present (a relative, a support worker): a notice on every channel. */
  thirdPartyPresent: z.boolean().default(false),
});

export interface ContactAdaptations {
  channels: readonly Channel[] | null;
  windows: readonly { days: readonly DayKey[]; from: string; to: string }[] | null;
  minDaysBetweenContacts: number | null;
  thirdPartyPresent: boolean;
}

export const NO_ADAPTATIONS: ContactAdaptations = {
  channels: null,
  windows: null,
  minDaysBetweenContacts: null,
  thirdPartyPresent: false,
};

type Window = ContactAdaptations['windows'] extends readonly (infer W)[] | null ? W : never;
type Range = readonly [number, number];

/** A day's ranges in minutes, sorted and merged, so two lists can be intersected in one pass. */
function dayRanges(windows: readonly Window[], day: DayKey): Range[] {
  const ranges = windows
    .filter((window) => window.days.includes(day))
    .map((window): Range => [minutesOf(window.from), minutesOf(window.to)])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function intersectRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const result: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i]![0], b[j]![0]);
    const to = Math.min(a[i]![1], b[j]![1]);
    if (from < to) result.push([from, to]);
    if (a[i]![1] < b[j]![1]) i += 1;
    else j += 1;
  }
  return result;
}

/** The hours every list allows, day by day; a day no list shares is closed (no window names it). */
function intersectWindows(lists: readonly (readonly Window[])[]): Window[] {
  const byRange = new Map<string, { days: DayKey[]; from: string; to: string }>();
  for (const day of DAY_KEYS) {
    let ranges = dayRanges(lists[0]!, day);
    for (const list of lists.slice(1)) ranges = intersectRanges(ranges, dayRanges(list, day));
    for (const [from, to] of ranges) {
      const key = `${from}-${to}`;
      const window = byRange.get(key);
      if (window) window.days.push(day);
      else byRange.set(key, { days: [day], from: clockOf(from), to: clockOf(to) });
    }
  }
  return [...byRange.values()];
}

/**
 * The adaptations of several vulnerability records of one debtor as one: each record only narrows, so together they
 * narrow the most: the channels every record allows, the hours every record allows day by day, the longest pace, a
 * third party when any record asks for one. A record that does not narrow an adaptation (null) leaves it to the others.
 * Windows every day of which closes come back as an empty list: no hour at all is allowed.
 */
export function combineAdaptations(records: readonly ContactAdaptations[]): ContactAdaptations {
  const channelLists = records.flatMap((record) => (record.channels === null ? [] : [record.channels]));
  const windowLists = records.flatMap((record) => (record.windows === null ? [] : [record.windows]));
  const paces = records.flatMap((record) =>
    record.minDaysBetweenContacts === null ? [] : [record.minDaysBetweenContacts],
  );
  return {
    channels:
      channelLists.length === 0
        ? null
        : CHANNELS.filter((channel) => channelLists.every((list) => list.includes(channel))),
    windows: windowLists.length === 0 ? null : intersectWindows(windowLists),
    minDaysBetweenContacts: paces.length === 0 ? null : Math.max(...paces),
    thirdPartyPresent: records.some((record) => record.thirdPartyPresent),
  };
}
