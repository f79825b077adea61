import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStale, PREPARING_SILENCE_LIMIT_MINUTES, recoveryOf, staleFrom } from './recovery.js';

const LIMIT_MS = PREPARING_SILENCE_LIMIT_MINUTES * 60_000;
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });

describe('a print run left preparing', () => {
  it('is stale exactly from the limit after its last sign of life, never before', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3 * LIMIT_MS }), (active, elapsed) => {
        const activeAt = new Date(active);
        expect(isStale(activeAt, new Date(active + elapsed))).toBe(elapsed >= LIMIT_MS);
        expect(staleFrom(activeAt).getTime() - active).toBe(LIMIT_MS);
      }),
    );
  });

  it('a sign of life later never makes a run staler', () => {
    fc.assert(
      fc.property(instant, fc.nat(LIMIT_MS), fc.nat(3 * LIMIT_MS), (active, later, elapsed) => {
        const now = new Date(active + elapsed);
        if (isStale(new Date(active + later), now)) expect(isStale(new Date(active), now)).toBe(true);
      }),
    );
  });

  it('is resumed when it is of today, abandoned (its letters held for the next run) when of an earlier day', () => {
    expect(recoveryOf('2026-11-25', '2026-11-25')).toBe('resume');
    expect(recoveryOf('2026-11-24', '2026-11-25')).toBe('abandon');
  });
});
