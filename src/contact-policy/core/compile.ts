import type { Cap, Channel, HoldKind, PolicyDocument, PolicyVersion, Spacing } from './policy-document.js';
import { DAY_KEYS, HOLD_KINDS } from './policy-document.js';
import { holidayCalendar, type HolidayCalendar } from './holidays.js';
import { minutesOf, TIME } from '../../platform/calendar/index.js';

/**
 * A policy document turned into what the decision reads fast: minutes instead of clock strings,
 * milliseconds instead of days, channel sets as bit masks. Compiled once per version and reused.
 */

export const CHANNEL_BIT: Record<Channel, number> = { phone: 1, sms: 2, email: 4, letter: 8 };

export function maskOf(channels: readonly Channel[]): number {
  let mask = 0;
  for (const channel of channels) mask |= CHANNEL_BIT[channel];
  return mask;
}

/** Local ranges [from, to) in minutes of the day. */
export type MinuteRange = readonly [number, number];

export interface CompiledWindows {
  /** Indexed by weekday, 0 = Sunday. */
  byWeekday: readonly (readonly MinuteRange[])[];
  holiday: readonly MinuteRange[];
}

export interface CompiledCap {
  id: string;
  mask: number;
  conversations: boolean;
  max: number;
  /** Rolling length in ms, or null for a local calendar day. */
  rollingMs: number | null;
  countries: ReadonlySet<string> | null;
  source: Cap;
}

export interface CompiledPolicy {
  version: number;
  effectiveFrom: string;
  document: PolicyDocument;
  calendar: HolidayCalendar;
  windows: ReadonlyMap<string, CompiledWindows>;
  windowMask: number;
  caps: readonly CompiledCap[];
  spacing: readonly CompiledSpacing[];
  pause: { mask: number; ms: number };
  firstLetter: { required: boolean; delayMs: number };
  holdStops: Readonly<Record<HoldKind, number>>;
  alwaysOpenMask: number;
  callback: { toleranceMs: number; within: MinuteRange };
  /** The care profile: binds only a debtor with an active vulnerability record, on top of everything above. */
  care: {
    caps: readonly CompiledCap[];
    spacing: readonly CompiledSpacing[];
    /** The channels refused until a letter or an e-mail went out (phone and SMS), 0 when the profile does not write first. */
    writtenFirstMask: number;
  };
}

export interface CompiledSpacing {
  id: string;
  mask: number;
  ms: number;
}

/** The channels a care profile that writes first holds back until something written went out. */
export const SPOKEN_MASK = CHANNEL_BIT.phone | CHANNEL_BIT.sms;

function ranges(list: readonly { from: string; to: string }[]): MinuteRange[] {
  return list.map((range) => [minutesOf(range.from), minutesOf(range.to)] as const).sort((a, b) => a[0] - b[0]);
}

export function compilePolicy(version: PolicyVersion): CompiledPolicy {
  const { document } = version;
  const windows = new Map<string, CompiledWindows>();
  for (const [country, config] of Object.entries(document.windows)) {
    windows.set(country, {
      byWeekday: DAY_KEYS.map((day) => ranges(config[day])),
      holiday: ranges(config.holiday),
    });
  }
  const holdStops = Object.fromEntries(HOLD_KINDS.map((kind) => [kind, maskOf(document.holds[kind].stops)])) as Record<
    HoldKind,
    number
  >;
  return {
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    document,
    calendar: holidayCalendar(document.holidays),
    windows,
    windowMask: maskOf(document.windowsApplyTo),
    caps: document.caps.map(compileCap),
    spacing: document.spacing.map(compileSpacing),
    pause: {
      mask: maskOf(document.pauseAfterConversation.channels),
      ms: document.pauseAfterConversation.days * TIME.DAY_MS,
    },
    firstLetter: {
      required: document.firstLetter.required,
      delayMs: document.firstLetter.daysBeforeOtherChannels * TIME.DAY_MS,
    },
    holdStops,
    alwaysOpenMask: maskOf(document.preferences.alwaysOpen),
    callback: {
      toleranceMs: document.preferences.callback.toleranceMinutes * TIME.MINUTE_MS,
      within: [
        minutesOf(document.preferences.callback.within.from),
        minutesOf(document.preferences.callback.within.to),
      ],
    },
    care: {
      caps: document.care.caps.map(compileCap),
      spacing: document.care.spacing.map(compileSpacing),
      writtenFirstMask: document.care.writtenFirst ? SPOKEN_MASK : 0,
    },
  };
}

function compileCap(cap: Cap): CompiledCap {
  return {
    id: cap.id,
    mask: maskOf(cap.channels),
    conversations: cap.counts === 'conversations',
    max: cap.max,
    rollingMs:
      'rollingDays' in cap.per
        ? cap.per.rollingDays * TIME.DAY_MS
        : 'rollingHours' in cap.per
          ? cap.per.rollingHours * TIME.HOUR_MS
          : null,
    countries: cap.countries ? new Set(cap.countries) : null,
    source: cap,
  };
}

function compileSpacing(rule: Spacing): CompiledSpacing {
  return { id: rule.id, mask: maskOf(rule.channels), ms: rule.minHours * TIME.HOUR_MS };
}
