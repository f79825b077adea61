import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterSuccess,
  delayAfterMs,
  FRESH,
  retryAfterSeconds,
  waitUntil,
  type ThrottlePolicy,
  type ThrottleState,
} from './login-throttle.js';

const policy: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
};
const t0 = new Date('2026-11-24T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, now = t0, from: ThrottleState = FRESH): ThrottleState {
  let state = from;
  for (let i = 0; i < times; i++) state = afterFailure(state, policy, now);
  return state;
}

const policies = fc.record({
  freeFailures: fc.integer({ min: 1, max: 20 }),
  baseDelayMs: fc.integer({ min: 1, max: 120_000 }),
  maxDelayMs: fc.integer({ min: 120_000, max: 24 * 3_600_000 }),
  forgetAfterMs: fc.integer({ min: 24 * 3_600_000 + 1, max: 7 * 24 * 3_600_000 }),
});

describe('sign-in throttling', () => {
  it('lets the first failures through, then makes the next attempt wait 30 s, 60 s, 120 s… up to the cap', () => {
    expect(waitUntil(fail(4), policy, t0)).toBeNull();
    expect(waitUntil(fail(5), policy, t0)).toEqual(at(30_000));
    expect(waitUntil(fail(6), policy, t0)).toEqual(at(60_000));
    expect(waitUntil(fail(7), policy, t0)).toEqual(at(120_000));
    expect(waitUntil(fail(40), policy, t0)).toEqual(at(15 * 60_000));
    expect(waitUntil(fail(5), policy, at(29_999))).toEqual(at(30_000));
    expect(waitUntil(fail(5), policy, at(30_000))).toBeNull();
  });

  it('forgets a count after a day without failure, and resets on success', () => {
    const old = fail(9);
    expect(afterFailure(old, policy, at(policy.forgetAfterMs))).toEqual({
      failedCount: 1,
      lastFailureAt: at(policy.forgetAfterMs),
    });
    expect(afterFailure(old, policy, at(policy.forgetAfterMs - 1)).failedCount).toBe(10);
    expect(afterSuccess()).toEqual({ failedCount: 0, lastFailureAt: null });
  });

  it('says at least one second while a wait runs', () => {
    expect(retryAfterSeconds(at(30_000), at(29_999))).toBe(1);
    expect(retryAfterSeconds(at(30_000), t0)).toBe(30);
    expect(retryAfterSeconds(at(30_500), t0)).toBe(31);
  });

  it('never waits before freeFailures failures, always at them, and never longer than the cap (property)', () => {
    fc.assert(
      fc.property(policies, fc.integer({ min: 0, max: 200 }), (p, failures) => {
        let state: ThrottleState = FRESH;
        for (let i = 0; i < failures; i++) state = afterFailure(state, p, t0);
        const until = waitUntil(state, p, t0);
        expect(until !== null).toBe(failures >= p.freeFailures);
        if (until) expect(until.getTime() - t0.getTime()).toBeLessThanOrEqual(p.maxDelayMs);
      }),
    );
  });

  it('grows the wait with every further failure until the cap (property)', () => {
    fc.assert(
      fc.property(policies, fc.integer({ min: 0, max: 100 }), (p, failures) => {
        const before = delayAfterMs(failures, p);
        const after = delayAfterMs(failures + 1, p);
        expect(after).toBeGreaterThanOrEqual(before);
        if (before > 0 && before < p.maxDelayMs) expect(after).toBe(Math.min(2 * before, p.maxDelayMs));
      }),
    );
  });

  it('lets an attempt through as soon as any wait is over, however many failures came before (property)', () => {
    // Nobody can lock an account: a patient owner always gets a try within maxDelayMs of the last failure.
    fc.assert(
      fc.property(
        policies,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 7 * 24 * 3_600_000 }),
        (p, failures, elapsedMs) => {
          let state: ThrottleState = FRESH;
          for (let i = 0; i < failures; i++) state = afterFailure(state, p, t0);
          const now = at(elapsedMs);
          if (elapsedMs >= p.maxDelayMs) expect(waitUntil(state, p, now)).toBeNull();
          const until = waitUntil(state, p, now);
          if (until) expect(until.getTime()).toBeGreaterThan(now.getTime());
        },
      ),
    );
  });
});
