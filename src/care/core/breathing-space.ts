import { DAY_MS } from '../../platform/calendar/local-time.js';

/**
 * A breathing space: a dated pause of collection while the debtor gets help, as a `vulnerability` hold of the contact
 * policy (its default: 30 days), renewable exactly once, with a reason; the renewal extends the end by the same
 * number of days. Pure: the moment is a parameter.
 */

/** When the policy names no default pause for a vulnerability hold. */
export const BREATHING_SPACE_FALLBACK_DAYS = 30;

export type BreathingSpaceRefusal =
  | 'care.not_a_breathing_space'
  | 'care.breathing_space_not_active'
  | 'care.breathing_space_renewed'
  | 'care.reason_length';

export interface BreathingSpaceHold {
  kind: string;
  status: 'active' | 'lifted' | 'lapsed';
  startsAt: Date;
  endsAt: Date | null;
  renewedAt: Date | null;
}

/** The days of a breathing space: the policy's default pause for a vulnerability hold. */
export function breathingSpaceDays(policyDefaultDays: number | undefined): number {
  return policyDefaultDays ?? BREATHING_SPACE_FALLBACK_DAYS;
}

/** The end of a breathing space started at `startsAt`. */
export function breathingSpaceEnd(startsAt: Date, days: number): Date {
  return new Date(startsAt.getTime() + days * DAY_MS);
}

/** Whether a hold is a breathing space: a vulnerability hold with an end date. */
export function isBreathingSpace(hold: Pick<BreathingSpaceHold, 'kind' | 'endsAt'>): boolean {
  return hold.kind === 'vulnerability' && hold.endsAt !== null;
}

/**
 * The renewal of a breathing space: still running (active, its end not passed), never renewed before, with a reason
 * of 1 to 500 characters; the new end is the old one plus the same days.
 */
export function renewBreathingSpace(
  hold: BreathingSpaceHold,
  reason: string,
  now: Date,
  days: number,
): { endsAt: Date } | BreathingSpaceRefusal {
  if (!isBreathingSpace(hold)) return 'care.not_a_breathing_space';
  if (hold.status !== 'active' || hold.endsAt!.getTime() <= now.getTime()) return 'care.breathing_space_not_active';
  if (hold.renewedAt !== null) return 'care.breathing_space_renewed';
  const length = reason.trim().length;
  if (length < 1 || length > 500) return 'care.reason_length';
  return { endsAt: breathingSpaceEnd(hold.endsAt!, days) };
}
