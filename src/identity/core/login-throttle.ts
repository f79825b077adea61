/**
 * Sign-in throttling, as a pure rule: a progressive delay instead of a lock. The first `freeFailures` failures in a
 * row cost nothing; each one after that makes the next attempt wait, starting at `baseDelayMs` and doubling up to
 * `maxDelayMs`. An attempt made during the wait is refused without looking at the password and without counting,
 * so guessing is slowed to one try per wait, yet nobody can lock an account for longer than `maxDelayMs` at a time:
 * the right password works again as soon as the wait is over. A count with no failure for `forgetAfterMs` starts
 * afresh; a success resets an account's count.
 *
 * The same rule counts per e-mail address (whether an account has it or not, so the answers never tell which
 * addresses exist) and per client address (so one source cannot spread guesses over many accounts).
 */
export interface ThrottlePolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

export interface ThrottleState {
  failedCount: number;
  lastFailureAt: Date | null;
}

export const FRESH: ThrottleState = { failedCount: 0, lastFailureAt: null };

/** The wait that `failedCount` failures in a row impose after the last one. */
export function delayAfterMs(failedCount: number, policy: ThrottlePolicy): number {
  const excess = failedCount - policy.freeFailures;
  if (excess < 0) return 0;
  // 2^excess overflows to Infinity long before it matters; min() caps it.
  return Math.min(policy.baseDelayMs * 2 ** Math.min(excess, 52), policy.maxDelayMs);
}

function current(state: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleState {
  if (state.lastFailureAt === null) return FRESH;
  return now.getTime() - state.lastFailureAt.getTime() >= policy.forgetAfterMs ? FRESH : state;
}

/** The moment before which no attempt is heard, or null when one may be made now. */
export function waitUntil(state: ThrottleState, policy: ThrottlePolicy, now: Date): Date | null {
  const live = current(state, policy, now);
  if (live.lastFailureAt === null) return null;
  const until = live.lastFailureAt.getTime() + delayAfterMs(live.failedCount, policy);
  return until > now.getTime() ? new Date(until) : null;
}

export function afterFailure(state: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleState {
  return { failedCount: current(state, policy, now).failedCount + 1, lastFailureAt: now };
}

export function afterSuccess(): ThrottleState {
  return FRESH;
}

/** Whole seconds to wait (Retry-After), never 0 while a wait runs. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
