import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFit, fitToBalance } from './fit-to-balance.js';
import type { InstalmentState } from './lifecycle.js';
import { scheduleByMonths } from './schedule.js';

const PARIS = { country: 'FR', region: '75' };

const open = (xs: readonly InstalmentState[]) =>
  xs.filter((i) => i.status !== 'paid').reduce((a, i) => a + i.amountCents, 0);

/** A schedule of 1 to 84 instalments, the first `paid` of them paid. */
const plan = fc
  .record({
    total: fc.integer({ min: 100, max: 10_000_000 }),
    months: fc.integer({ min: 1, max: 84 }),
    paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
    late: fc.boolean(),
  })
  .filter((p) => p.months <= p.total)
  .map(({ total, months, paidShare, late }): InstalmentState[] => {
    const paid = Math.floor(paidShare * months);
    return scheduleByMonths(total, months, '2026-02-27', PARIS).map((i) => ({
      ...i,
      status: i.number <= paid ? 'paid' : late && i.number === paid + 1 ? 'late' : 'due',
    }));
  });

describe('a plan brought down to the balance', () => {
  it('the 18-month plan of 4,565.25 € after a payment of 150.50 €: the last instalment carries the reduction', () => {
    const schedule: InstalmentState[] = scheduleByMonths(456_525, 18, '2026-02-27', PARIS).map((i) => ({
      ...i,
      status: 'due',
    }));
    const fit = fitToBalance(schedule, 441_475)!;
    expect(fit).toEqual({
      fromCents: 456_525,
      toCents: 441_475,
      lowered: [{ number: 18, fromCents: 25_371, toCents: 10_321 }],
      dropped: [],
    });
    expect(open(applyFit(schedule, fit))).toBe(441_475);
    expect(fitToBalance(schedule, 456_525)).toBeNull();
    expect(fitToBalance(schedule, 500_000)).toBeNull();
  });

  it('never asks for more than the balance, cent-exact, touching only the tail of what is unpaid', () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: -1_000, max: 11_000_000 }), (schedule, balance) => {
        const fit = fitToBalance(schedule, balance);
        const before = open(schedule);
        if (fit === null) {
          expect(before).toBeLessThanOrEqual(Math.max(0, balance));
          return;
        }
        const after = applyFit(schedule, fit);
        expect(open(after)).toBe(Math.max(0, balance));
        expect(open(after)).toBe(fit.toCents);
        expect(fit.fromCents).toBe(before);
        // Paid instalments and due dates stay; nothing goes up; nothing is zero; the dropped ones are the last.
        expect(after.filter((i) => i.status === 'paid')).toEqual(schedule.filter((i) => i.status === 'paid'));
        for (const i of after) {
          const was = schedule.find((s) => s.number === i.number)!;
          expect(i.dueOn).toBe(was.dueOn);
          expect(i.amountCents).toBeGreaterThan(0);
          expect(i.amountCents).toBeLessThanOrEqual(was.amountCents);
        }
        const kept = after.map((i) => i.number);
        expect(fit.dropped.every((n) => kept.every((k) => k < n))).toBe(true);
        expect(fit.lowered.length).toBeLessThanOrEqual(1);
        // A second fit at the same balance changes nothing.
        expect(fitToBalance(after, balance)).toBeNull();
      }),
      { numRuns: 1_000 },
    );
  });
});
