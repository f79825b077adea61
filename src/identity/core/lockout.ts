/**
 * Login throttling, as a pure rule: after `maxFailures` consecutive failures the account is locked for
 * `lockMinutes`; a success resets the count. Locked accounts are refused even with the right password,
 * so guessing cannot continue during the lock.
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export interface LockoutState {
  failedCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(state: LockoutState, policy: LockoutPolicy, now: Date): LockoutState {
  // A lock that has run out starts a fresh count.
  const failedCount = (state.lockedUntil && !isLocked(state, now) ? 0 : state.failedCount) + 1;
  if (failedCount >= policy.maxFailures) {
    return { failedCount, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedCount, lockedUntil: null };
}

export function afterSuccess(): LockoutState {
  return { failedCount: 0, lockedUntil: null };
}
