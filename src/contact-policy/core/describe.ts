import { completeNotice } from './notice-texts.js';
import { HOLD_KINDS, type Cap, type Channel, type DocumentText, type PolicyDocument } from './policy-document.js';

/**
 * The policy document as readable rule lines, grouped by section, for the compliance officers' pages and the diff
 * between two versions. Pure and free of server modules, so the web app imports it as it is.
 *
 * A line says *what* the rule is as a message id and its parameters (the web app words it in the user's language);
 * its `key` is stable across versions (a cap's line is `cap.<id>`, the rule a refusal names), so two documents are
 * compared line by line.
 */

export const RULE_SECTIONS = [
  'general',
  'hours',
  'holidays',
  'caps',
  'spacing',
  'pause',
  'firstLetter',
  'holds',
  'optOut',
  'preferences',
  'notices',
  'care',
] as const;
export type RuleSection = (typeof RULE_SECTIONS)[number];

export type Basis = 'LAW' | 'SOFT' | 'CHOICE';

/** Day types of the contact hours: the days of the week, Monday first, then public holidays. */
export const DAY_TYPES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'] as const;
export type DayType = (typeof DAY_TYPES)[number];

export type RuleParam = string | number | boolean | readonly string[];

export interface RuleLine {
  /** Stable across versions: what the diff compares. */
  key: string;
  section: RuleSection;
  /** Which sentence words the line (a translation key on the web). */
  message: RuleMessage;
  params: Readonly<Record<string, RuleParam>>;
  /** A text the document itself carries (a notice): French and English, Italian unless its author wrote none. */
  text?: DocumentText;
  basis: Basis | null;
  source: string | null;
}

export type RuleMessage =
  | 'title'
  | 'hoursApply'
  | 'hoursOpen'
  | 'hoursClosed'
  | 'holidayCalendar'
  | 'holidayRegion'
  | 'holidayExtra'
  | 'holidayIgnored'
  | 'cap'
  | 'spacing'
  | 'pause'
  | 'firstLetter'
  | 'firstLetterNotRequired'
  | 'hold'
  | 'holdNotice'
  | 'optOut'
  | 'preferencesNarrow'
  | 'callback'
  | 'notice'
  | 'careApplies'
  | 'careCap'
  | 'careSpacing'
  | 'careWrittenFirst'
  | 'careWrittenFirstNot';

function line(
  section: RuleSection,
  key: string,
  message: RuleMessage,
  params: Record<string, RuleParam | undefined>,
  rule: { basis?: Basis; source?: string } = {},
  text?: DocumentText,
): RuleLine {
  const defined: Record<string, RuleParam> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) defined[name] = value;
  return {
    key,
    section,
    message,
    params: defined,
    ...(text ? { text } : {}),
    basis: rule.basis ?? null,
    source: rule.source ?? null,
  };
}

/** The period of a cap, as its kind and its length. */
export function capPeriod(cap: Cap): { per: 'day' | 'days' | 'hours'; length: number } {
  if ('localDay' in cap.per) return { per: 'day', length: 1 };
  if ('rollingDays' in cap.per) return { per: 'days', length: cap.per.rollingDays };
  return { per: 'hours', length: cap.per.rollingHours };
}

function orderedChannels(channels: readonly Channel[]): string[] {
  const order: Channel[] = ['phone', 'sms', 'email', 'letter'];
  return order.filter((channel) => channels.includes(channel));
}

/** Every rule of the document as lines, in section order. */
export function describePolicy(policy: PolicyDocument): RuleLine[] {
  return [
    line('general', 'title', 'title', { title: policy.title }),
    ...hoursLines(policy),
    ...holidayLines(policy),
    ...capLines(policy),
    ...spacingLines(policy),
    ...pauseAndFirstLetterLines(policy),
    ...holdLines(policy),
    line('optOut', 'opt_out', 'optOut', { hours: policy.optOut.effectiveWithinHours }, policy.optOut),
    ...preferenceLines(policy),
    ...noticeLines(policy),
    ...careLines(policy),
  ];
}

/** The contact hours: the channels they bind, then each country's day types. */
function hoursLines(policy: PolicyDocument): RuleLine[] {
  const lines: RuleLine[] = [];
  lines.push(line('hours', 'hours.applies', 'hoursApply', { channels: orderedChannels(policy.windowsApplyTo) }));
  for (const country of Object.keys(policy.windows).sort()) {
    const windows = policy.windows[country]!;
    for (const day of DAY_TYPES) {
      const ranges = windows[day].map((range) => `${range.from}–${range.to}`);
      lines.push(
        ranges.length === 0
          ? line('hours', `hours.${country}.${day}`, 'hoursClosed', { country, day }, windows)
          : line('hours', `hours.${country}.${day}`, 'hoursOpen', { country, day, ranges }, windows),
      );
    }
  }
  return lines;
}

/** Each country's public holidays: its calendar, regions, extra days and days ignored. */
function holidayLines(policy: PolicyDocument): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const country of Object.keys(policy.holidays).sort()) {
    const config = policy.holidays[country]!;
    lines.push(line('holidays', `holidays.${country}`, 'holidayCalendar', { country }, config));
    for (const [region, calendarRegion] of Object.entries(config.regionCodes).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(
        line(
          'holidays',
          `holidays.${country}.region.${region}`,
          'holidayRegion',
          { country, region, calendarRegion },
          config,
        ),
      );
    }
    for (const extra of config.extra) {
      const where = extra.regions ? extra.regions.join('+') : '*';
      lines.push(
        line(
          'holidays',
          `holidays.${country}.extra.${extra.monthDay}.${where}`,
          'holidayExtra',
          {
            country,
            monthDay: extra.monthDay,
            name: extra.name,
            regions: extra.regions,
            from: extra.from,
            until: extra.until,
          },
          config,
        ),
      );
    }
    for (const ignored of config.ignore) {
      lines.push(
        line(
          'holidays',
          `holidays.${country}.ignore.${ignored.monthDay}`,
          'holidayIgnored',
          { country, monthDay: ignored.monthDay, name: ignored.name },
          config,
        ),
      );
    }
  }
  return lines;
}

/** The caps on contacts per period. */
function capLines(policy: PolicyDocument): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const cap of policy.caps) {
    const { per, length } = capPeriod(cap);
    lines.push(
      line(
        'caps',
        `cap.${cap.id}`,
        'cap',
        {
          max: cap.max,
          counts: cap.counts,
          per,
          length,
          channels: orderedChannels(cap.channels),
          countries: cap.countries,
        },
        cap,
      ),
    );
  }
  return lines;
}

/** The least time between two contacts. */
function spacingLines(policy: PolicyDocument): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const rule of policy.spacing) {
    lines.push(
      line(
        'spacing',
        `spacing.${rule.id}`,
        'spacing',
        { hours: rule.minHours, channels: orderedChannels(rule.channels) },
        rule,
      ),
    );
  }
  return lines;
}

/** The pause after a conversation and the first letter. */
function pauseAndFirstLetterLines(policy: PolicyDocument): RuleLine[] {
  const lines: RuleLine[] = [];
  const pause = policy.pauseAfterConversation;
  lines.push(
    line(
      'pause',
      'pause_after_conversation',
      'pause',
      { days: pause.days, channels: orderedChannels(pause.channels) },
      pause,
    ),
  );

  const first = policy.firstLetter;
  lines.push(
    first.required
      ? line('firstLetter', 'first_letter', 'firstLetter', { days: first.daysBeforeOtherChannels }, first)
      : line('firstLetter', 'first_letter', 'firstLetterNotRequired', {}, first),
  );
  return lines;
}

/** What each kind of hold stops, and its notice. */
function holdLines(policy: PolicyDocument): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const kind of HOLD_KINDS) {
    const hold = policy.holds[kind];
    lines.push(
      line(
        'holds',
        `hold.${kind}`,
        'hold',
        { kind, stops: orderedChannels(hold.stops), defaultDays: hold.defaultDays, maxDays: hold.maxDays },
        hold,
      ),
    );
    if (hold.notice) {
      const text = completeNotice(hold.notice, { hold: kind });
      lines.push(line('holds', `hold.${kind}.notice`, 'holdNotice', { kind }, hold, text));
    }
  }
  return lines;
}

/** How far the debtor's preferences narrow contact, and callbacks. */
function preferenceLines(policy: PolicyDocument): RuleLine[] {
  const lines: RuleLine[] = [];
  const preferences = policy.preferences;
  lines.push(
    line(
      'preferences',
      'preferences',
      'preferencesNarrow',
      { alwaysOpen: orderedChannels(preferences.alwaysOpen) },
      preferences,
    ),
  );
  const callback = preferences.callback;
  lines.push(
    line(
      'preferences',
      'callback',
      'callback',
      { minutes: callback.toleranceMinutes, from: callback.within.from, to: callback.within.to },
      callback,
    ),
  );
  return lines;
}

/** The notices contacts carry. */
function noticeLines(policy: PolicyDocument): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const notice of policy.notices) {
    lines.push(
      line(
        'notices',
        `notice.${notice.id}`,
        'notice',
        { channels: orderedChannels(notice.channels), countries: notice.countries },
        notice,
        completeNotice(notice.text, { notice: notice.id }),
      ),
    );
  }
  return lines;
}

/**
 * The care profile (debtors with an active vulnerability record): what it adds to the rules above. A line's key is the
 * rule id a refusal names (`care.cap.<id>`, `care.spacing.<id>`, `care.written_first`), as for the policy's own caps.
 */
function careLines(policy: PolicyDocument): RuleLine[] {
  const care = policy.care;
  const lines: RuleLine[] = [line('care', 'care', 'careApplies', {}, care)];
  for (const cap of care.caps) {
    const { per, length } = capPeriod(cap);
    const params = { max: cap.max, counts: cap.counts, per, length, channels: orderedChannels(cap.channels) };
    lines.push(line('care', `care.cap.${cap.id}`, 'careCap', { ...params, countries: cap.countries }, cap));
  }
  for (const rule of care.spacing) {
    const params = { hours: rule.minHours, channels: orderedChannels(rule.channels) };
    lines.push(line('care', `care.spacing.${rule.id}`, 'careSpacing', params, rule));
  }
  lines.push(
    line('care', 'care.written_first', care.writtenFirst ? 'careWrittenFirst' : 'careWrittenFirstNot', {}, care),
  );
  return lines;
}

/** The lines grouped by section, in section order; sections without a line are left out. */
export function groupBySection(lines: readonly RuleLine[]): { section: RuleSection; lines: RuleLine[] }[] {
  return RULE_SECTIONS.map((section) => ({
    section,
    lines: lines.filter((candidate) => candidate.section === section),
  })).filter((group) => group.lines.length > 0);
}

export interface PolicyDiff {
  added: RuleLine[];
  removed: RuleLine[];
  changed: { key: string; before: RuleLine; after: RuleLine }[];
}

function sameLine(a: RuleLine, b: RuleLine): boolean {
  return (
    JSON.stringify([a.message, a.params, a.text ?? null, a.basis, a.source]) ===
    JSON.stringify([b.message, b.params, b.text ?? null, b.basis, b.source])
  );
}

/** What changes from one document to another, line by line (by key), in the order of the readable view. */
export function diffPolicies(before: PolicyDocument, after: PolicyDocument): PolicyDiff {
  const old = describePolicy(before);
  const next = describePolicy(after);
  const oldByKey = new Map(old.map((candidate) => [candidate.key, candidate]));
  const nextKeys = new Set(next.map((candidate) => candidate.key));
  const diff: PolicyDiff = { added: [], removed: [], changed: [] };
  for (const candidate of next) {
    const previous = oldByKey.get(candidate.key);
    if (!previous) diff.added.push(candidate);
    else if (!sameLine(previous, candidate))
      diff.changed.push({ key: candidate.key, before: previous, after: candidate });
  }
  diff.removed = old.filter((candidate) => !nextKeys.has(candidate.key));
  return diff;
}

export function isEmptyDiff(diff: PolicyDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
