import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from '../../platform/calendar/dates.js';
import {
  CERTIFICATIONS,
  EXPIRY_NOTICE_DAYS,
  POLICY_GRACE_DAYS,
  QUEUE_CERTIFICATIONS,
  SPECIALIST_OF_QUEUE,
  type CertificationKind,
  type WorkQueue,
} from './catalogue.js';

/** A certification as held: what it is, when it was earned, its last valid day, the policy version it was earned on. */
export interface HeldCertification {
  kind: CertificationKind;
  earnedOn: IsoDate;
  validUntil: IsoDate;
  policyVersion: number | null;
}

/** The contact policy in force: its version and the agency day it came into force. */
export interface PolicyInForce {
  version: number;
  effectiveOn: IsoDate;
}

/**
 * - `valid`: counts; `expiring`: counts, ends within the notice; `stale`: a contact-policy certification earned on an
 *   older version, still counting within the grace; `expired`: ended, or stale past the grace: it no longer counts.
 */
export type CertificationStatus = 'valid' | 'expiring' | 'stale' | 'expired';

export interface CertificationState {
  status: CertificationStatus;
  /** Whether it lets the person take cases today. */
  counts: boolean;
  /** The last day it counts (the earlier of its expiry and the end of a stale certification's grace). */
  countsUntil: IsoDate;
  /** Days from today to `countsUntil` (negative once past). */
  daysLeft: number;
}

/** The last valid day of a certification earned on `earnedOn`. */
export function validUntilFor(kind: CertificationKind, earnedOn: IsoDate): IsoDate {
  return addDays(addMonths(earnedOn, CERTIFICATIONS[kind].months), -1);
}

/** A certification's state on `today`, given the contact policy in force. */
export function certificationState(
  held: HeldCertification,
  today: IsoDate,
  policy: PolicyInForce | null,
): CertificationState {
  const stale =
    held.kind === 'contact_policy' &&
    policy !== null &&
    (held.policyVersion === null || held.policyVersion < policy.version);
  const graceEnd = stale ? addDays(laterOf(policy!.effectiveOn, held.earnedOn), POLICY_GRACE_DAYS - 1) : null;
  const countsUntil = graceEnd !== null && compareDates(graceEnd, held.validUntil) < 0 ? graceEnd : held.validUntil;
  const daysLeft = daysBetween(today, countsUntil);
  const counts = compareDates(today, countsUntil) <= 0 && compareDates(held.earnedOn, today) <= 0;
  const status: CertificationStatus = !counts
    ? 'expired'
    : stale
      ? 'stale'
      : daysLeft < EXPIRY_NOTICE_DAYS
        ? 'expiring'
        : 'valid';
  return { status, counts, countsUntil, daysLeft };
}

function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Of several certifications of one kind, the one that counts longest today (or the latest earned when none counts). */
export function bestOf(
  held: readonly HeldCertification[],
  kind: CertificationKind,
  today: IsoDate,
  policy: PolicyInForce | null,
): (HeldCertification & CertificationState) | null {
  let best: (HeldCertification & CertificationState) | null = null;
  for (const one of held) {
    if (one.kind !== kind) continue;
    const state = { ...one, ...certificationState(one, today, policy) };
    if (
      best === null ||
      (state.counts && !best.counts) ||
      (state.counts === best.counts && compareDates(state.countsUntil, best.countsUntil) > 0)
    )
      best = state;
  }
  return best;
}

export type QueueAccess =
  { allowed: true } | { allowed: false; missing: CertificationKind[]; expired: CertificationKind[] };

/**
 * Gating: whether a person holding `held` may take cases from `queue` on `today`. Each certification the queue asks
 * for must count today; `missing` lists those that do not (never earned, expired, or stale past the grace), and
 * `expired` those of them the person held once.
 */
export function queueAccess(
  queue: WorkQueue,
  held: readonly HeldCertification[],
  today: IsoDate,
  policy: PolicyInForce | null,
): QueueAccess {
  const missing: CertificationKind[] = [];
  const expired: CertificationKind[] = [];
  for (const kind of QUEUE_CERTIFICATIONS[queue]) {
    const best = bestOf(held, kind, today, policy);
    if (best?.counts) continue;
    missing.push(kind);
    if (best) expired.push(kind);
  }
  return missing.length === 0 ? { allowed: true } : { allowed: false, missing, expired };
}

/** The queues a person may take cases from on `today`. */
export function openQueues(
  queues: readonly WorkQueue[],
  held: readonly HeldCertification[],
  today: IsoDate,
  policy: PolicyInForce | null,
): WorkQueue[] {
  return queues.filter((queue) => queueAccess(queue, held, today, policy).allowed);
}

/**
 * A certification earned on `today` from the latest passed attempt of each module it asks for (the day each was
 * passed): null when a module has no pass, or when the oldest pass is too old to count. It lasts until the first of
 * its modules' passes runs out, so passing one module again never extends another module's old pass.
 */
export function certificationEarned(
  kind: CertificationKind,
  passedOn: ReadonlyMap<string, IsoDate>,
  today: IsoDate,
): { validUntil: IsoDate } | null {
  let validUntil: IsoDate | null = null;
  for (const module of CERTIFICATIONS[kind].modules) {
    const passed = passedOn.get(module);
    if (passed === undefined || compareDates(passed, today) > 0) return null;
    const until = validUntilFor(kind, passed);
    if (validUntil === null || compareDates(until, validUntil) < 0) validUntil = until;
  }
  return validUntil !== null && compareDates(today, validUntil) <= 0 ? { validUntil } : null;
}

/** The specialist queue a role takes cases from, if any. */
export function takesCasesFrom(role: string): WorkQueue | null {
  for (const [queue, specialist] of Object.entries(SPECIALIST_OF_QUEUE))
    if (specialist === role) return queue as WorkQueue;
  return null;
}
