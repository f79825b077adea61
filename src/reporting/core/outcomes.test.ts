import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysToFirstPayment,
  partBasisPoints,
  planFigures,
  PLAN_STATES,
  promiseFigures,
  PROMISE_STATUSES,
  stageShares,
} from './outcomes.js';

const bucket = fc.record({ days: fc.integer({ min: 0, max: 2_000 }), cases: fc.integer({ min: 0, max: 10_000 }) });

describe('portfolio outcome figures', () => {
  it('rates by hand: half up at the half basis point, null on an empty whole', () => {
    expect(partBasisPoints(1, 3)).toBe(3_333); // 3,333.33…
    expect(partBasisPoints(2, 3)).toBe(6_667); // 6,666.67…
    expect(partBasisPoints(1, 80_000)).toBe(0); // 0.125 bp
    expect(partBasisPoints(1, 20_000)).toBe(1); // 0.5 bp, half up
    expect(partBasisPoints(7, 7)).toBe(10_000);
    expect(partBasisPoints(0, 0)).toBeNull();
    expect(() => partBasisPoints(4, 3)).toThrow(RangeError);
    expect(() => partBasisPoints(-1, 3)).toThrow(RangeError);
  });

  it('days to the first payment by hand: mean half up, lower median', () => {
    // Cases paid first after 3, 3, 10, 40 days: mean 56 / 4 = 14, median the lower middle 3.
    expect(
      daysToFirstPayment([
        { days: 10, cases: 1 },
        { days: 3, cases: 2 },
        { days: 40, cases: 1 },
      ]),
    ).toEqual({ payingCases: 4, meanDays: 14, medianDays: 3 });
    // 5 and 6 days: mean 5.5 rounds up to 6; median the lower middle, 5. The same day in two rows adds up.
    expect(
      daysToFirstPayment([
        { days: 5, cases: 1 },
        { days: 6, cases: 1 },
      ]),
    ).toEqual({ payingCases: 2, meanDays: 6, medianDays: 5 });
    expect(
      daysToFirstPayment([
        { days: 9, cases: 1 },
        { days: 1, cases: 1 },
        { days: 9, cases: 1 },
      ]),
    ).toEqual({ payingCases: 3, meanDays: 6, medianDays: 9 });
    expect(daysToFirstPayment([])).toEqual({ payingCases: 0, meanDays: null, medianDays: null });
  });

  it('promises and plans by hand', () => {
    expect(
      promiseFigures([
        { status: 'kept', promises: 3, amountCents: 30_000 },
        { status: 'broken', promises: 1, amountCents: 5_000 },
        { status: 'open', promises: 2, amountCents: 12_000 },
        { status: 'cancelled', promises: 1, amountCents: 1_000 },
      ]),
    ).toEqual({
      made: 7,
      open: 2,
      kept: 3,
      broken: 1,
      cancelled: 1,
      madeCents: 48_000,
      keptCents: 30_000,
      keptBp: 7_500,
    });
    expect(promiseFigures([{ status: 'open', promises: 2, amountCents: 100 }]).keptBp).toBeNull();
    // Six plans agreed: 2 on track, 1 completed, 1 behind, 1 broken, 1 ended: on track 3 / 6, broken 1 / 6.
    expect(
      planFigures([
        { state: 'on_track', plans: 2 },
        { state: 'completed', plans: 1 },
        { state: 'behind', plans: 1 },
        { state: 'broken', plans: 1 },
        { state: 'ended', plans: 1 },
      ]),
    ).toEqual({
      agreed: 6,
      onTrack: 2,
      behind: 1,
      completed: 1,
      broken: 1,
      ended: 1,
      onTrackBp: 5_000,
      brokenBp: 1_667,
    });
    expect(
      stageShares(
        [
          { stage: 'amicable', cases: 2 },
          { stage: 'plan', cases: 1 },
        ],
        ['amicable', 'plan', 'judicial'],
      ),
    ).toEqual([
      { stage: 'amicable', cases: 2, shareBp: 6_667 },
      { stage: 'plan', cases: 1, shareBp: 3_333 },
      { stage: 'judicial', cases: 0, shareBp: 0 },
    ]);
  });

  it('every rate stays within 0–10,000 and is the exact ratio within half a basis point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (whole, f) => {
        const part = Math.floor(whole * f);
        const bp = partBasisPoints(part, whole)!;
        expect(bp).toBeGreaterThanOrEqual(0);
        expect(bp).toBeLessThanOrEqual(10_000);
        // |bp − 10,000·part/whole| ≤ ½, in integers: |2·bp·whole − 20,000·part| ≤ whole.
        expect(Math.abs(2 * bp * whole - 20_000 * part)).toBeLessThanOrEqual(whole);
      }),
    );
  });

  it('the mean and the median lie between the fastest and the slowest first payment, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(bucket, { maxLength: 40 }), (buckets) => {
        const figures = daysToFirstPayment(buckets);
        expect(daysToFirstPayment([...buckets].reverse())).toEqual(figures);
        const paid = buckets.filter((b) => b.cases > 0);
        expect(figures.payingCases).toBe(paid.reduce((sum, b) => sum + b.cases, 0));
        if (paid.length === 0) {
          expect(figures.meanDays).toBeNull();
          return;
        }
        const days = paid.map((b) => b.days);
        for (const value of [figures.meanDays!, figures.medianDays!]) {
          expect(value).toBeGreaterThanOrEqual(Math.min(...days));
          expect(value).toBeLessThanOrEqual(Math.max(...days));
        }
      }),
    );
  });

  it('promise and plan rates stay within 0–10,000 and their counts add up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom(...PROMISE_STATUSES),
            promises: fc.integer({ min: 1, max: 1_000 }),
            amountCents: fc.nat(1_000_000),
          }),
        ),
        fc.array(fc.record({ state: fc.constantFrom(...PLAN_STATES), plans: fc.integer({ min: 1, max: 1_000 }) })),
        (promiseRows, planRows) => {
          const promises = promiseFigures(promiseRows);
          expect(promises.open + promises.kept + promises.broken + promises.cancelled).toBe(promises.made);
          expect(promises.keptCents).toBeLessThanOrEqual(promises.madeCents);
          const plans = planFigures(planRows);
          expect(plans.onTrack + plans.behind + plans.completed + plans.broken + plans.ended).toBe(plans.agreed);
          for (const bp of [promises.keptBp, plans.onTrackBp, plans.brokenBp]) {
            if (bp === null) continue;
            expect(bp).toBeGreaterThanOrEqual(0);
            expect(bp).toBeLessThanOrEqual(10_000);
          }
          expect(plans.onTrackBp === null).toBe(plans.agreed === 0);
        },
      ),
    );
  });
});
