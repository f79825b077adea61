/**
 * The responsible-collection ("conduct") report's computations (docs/reporting.md): contacts per case and per week
 * against the contact policy's caps, complaints by deadline status, time to answer a dispute. Pure: counts in,
 * figures out.
 */

export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
/** A channel, or every channel together. */
export type ChannelGroup = ContactChannel | 'all';
/** The report's channel groups: every channel together first. */
export const CONDUCT_CHANNELS = ['all', ...CONTACT_CHANNELS] as const;

export const COMPLAINT_SUBJECTS = [
  'agent_conduct',
  'amount',
  'contact_frequency',
  'data',
  'fraud',
  'hardship_not_heard',
  'other',
] as const;
/** A dispute's outcome so far: waiting for the creditor, answered, decided (resume, adjust, close), or linked. */
export const DISPUTE_OUTCOMES = ['awaiting_answer', 'answered', 'resume', 'adjust', 'close', 'linked'] as const;
export const REFERRAL_STEPS = ['proposed', 'sent', 'helped', 'not_reached', 'refused', 'file_lodged'] as const;

/** A cap of the contact policy, as much of it as a weekly bound needs (contact-policy/core/policy-document.ts). */
export interface CapLike {
  id: string;
  channels: readonly string[];
  counts: 'attempts' | 'conversations';
  max: number;
  per: { localDay: true } | { rollingDays: number } | { rollingHours: number };
  countries?: readonly string[] | undefined;
}

/** How many of a cap's periods one calendar week can hold: 7 local days, or the rolling windows it spans. */
export function periodsPerWeek(per: CapLike['per']): number {
  if ('localDay' in per) return 7;
  if ('rollingDays' in per) return Math.ceil(7 / per.rollingDays);
  return Math.ceil((7 * 24) / per.rollingHours);
}

/**
 * The most outbound attempts the policy lets one debtor receive in a calendar week on a channel (or on every channel
 * together): the tightest of the caps on attempts that apply everywhere and cover it, each cap's maximum times the
 * periods of it a week can hold (a cap of 2 a day allows 14 a week; one of 7 in any 7 days, 7). Null when no cap
 * bounds it. Caps for some countries only are left out: the figure is the agency's, for every debtor.
 */
export function weeklyCap(caps: readonly CapLike[], channel: ChannelGroup): { max: number; capId: string } | null {
  const covered = channel === 'all' ? CONTACT_CHANNELS : [channel];
  let best: { max: number; capId: string } | null = null;
  for (const cap of caps) {
    if (cap.counts !== 'attempts' || (cap.countries && cap.countries.length > 0)) continue;
    if (!covered.every((one) => cap.channels.includes(one))) continue;
    const max = cap.max * periodsPerWeek(cap.per);
    if (!best || max < best.max) best = { max, capId: cap.id };
  }
  return best;
}

export interface ContactDistribution {
  /** Case-weeks with 0, 1, … up to the cap (or to the most seen, without a cap) attempts. */
  buckets: { contacts: number; caseWeeks: number }[];
  /** Case-weeks beyond the cap, by their number of attempts; empty when the policy held. */
  overCap: { contacts: number; caseWeeks: number }[];
  overCapCaseWeeks: number;
  caseWeeks: number;
  attempts: number;
}

/**
 * Case-weeks by the number of outbound attempts they had, against a weekly cap. `contacted` maps a number of attempts
 * (1 or more) to the case-weeks that had it; the case-weeks with none are the open case-weeks less those contacted
 * (never below 0: a contact recorded on a case in a week it was closed still counts where it happened).
 */
export function contactDistribution(
  openCaseWeeks: number,
  contacted: ReadonlyMap<number, number>,
  cap: number | null,
): ContactDistribution {
  let contactedWeeks = 0;
  let attempts = 0;
  let most = 0;
  for (const [contacts, weeks] of contacted) {
    if (!Number.isSafeInteger(contacts) || contacts < 1) throw new RangeError(`contactDistribution: ${contacts}`);
    if (!Number.isSafeInteger(weeks) || weeks < 0) throw new RangeError(`contactDistribution: ${weeks} case-weeks`);
    contactedWeeks += weeks;
    attempts += contacts * weeks;
    if (weeks > 0) most = Math.max(most, contacts);
  }
  const zero = Math.max(0, openCaseWeeks - contactedWeeks);
  const top = cap ?? most;
  const buckets = Array.from({ length: top + 1 }, (_, contacts) => ({
    contacts,
    caseWeeks: contacts === 0 ? zero : (contacted.get(contacts) ?? 0),
  }));
  const overCap = [...contacted]
    .filter(([contacts, weeks]) => contacts > top && weeks > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([contacts, caseWeeks]) => ({ contacts, caseWeeks }));
  const overCapCaseWeeks = overCap.reduce((sum, bucket) => sum + bucket.caseWeeks, 0);
  return { buckets, overCap, overCapCaseWeeks, caseWeeks: zero + contactedWeeks, attempts };
}

/** Mean attempts per case-week in hundredths, rounded half up; null when there is no case-week. */
export function perCaseWeekHundredths(attempts: number, caseWeeks: number): number | null {
  if (caseWeeks <= 0) return null;
  return Math.floor((attempts * 200 + caseWeeks) / (2 * caseWeeks));
}

export const DEADLINE_STATUSES = ['answered_in_time', 'answered_late', 'open_in_time', 'open_overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * Where a complaint stands against its answer deadline: answered on or before the day it was due, or after; not yet
 * answered and the day not passed, or passed. Calendar days of the agency, as the complaint keeps them.
 */
export function deadlineStatus(answerBy: string, answeredOn: string | null, today: string): DeadlineStatus {
  if (answeredOn !== null) return answeredOn <= answerBy ? 'answered_in_time' : 'answered_late';
  return today <= answerBy ? 'open_in_time' : 'open_overdue';
}

/** The lower median of values given as a histogram (value → how many), as `small-cells.ts` takes it; null if empty. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.floor((total - 1) / 2);
  let seen = 0;
  for (const [value, count] of entries) {
    seen += count;
    if (seen > rank) return value;
  }
  return null;
}

/** Adds `count` under `key` in a map of counts. */
export function addTo<K>(counts: Map<K, number>, key: K, count: number): void {
  counts.set(key, (counts.get(key) ?? 0) + count);
}
