import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, isLocked, type LockoutState } from './lockout.js';

const policy = { maxFailures: 5, lockMinutes: 15 };
const t0 = new Date('2026-11-24T10:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe('login lockout', () => {
  it('locks after the fifth consecutive failure, for fifteen minutes', () => {
    let state: LockoutState = { failedCount: 0, lockedUntil: null };
    for (let i = 0; i < 4; i++) {
      state = afterFailure(state, policy, t0);
      expect(isLocked(state, t0)).toBe(false);
    }
    state = afterFailure(state, policy, t0);
    expect(isLocked(state, t0)).toBe(true);
    expect(isLocked(state, minutes(14.9))).toBe(true);
    expect(isLocked(state, minutes(15))).toBe(false);
  });

  it('starts a fresh count once a lock has run out', () => {
    const expired: LockoutState = { failedCount: 5, lockedUntil: minutes(-1) };
    const next = afterFailure(expired, policy, t0);
    expect(next).toEqual({ failedCount: 1, lockedUntil: null });
  });

  it('resets on success', () => {
    expect(afterSuccess()).toEqual({ failedCount: 0, lockedUntil: null });
  });

  it('never locks before maxFailures and always locks at it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 30 }), (maxFailures, failures) => {
        let state: LockoutState = { failedCount: 0, lockedUntil: null };
        for (let i = 0; i < failures; i++) state = afterFailure(state, { maxFailures, lockMinutes: 15 }, t0);
        expect(isLocked(state, t0)).toBe(failures >= maxFailures);
      }),
    );
  });
});
