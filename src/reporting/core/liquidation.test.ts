import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  liquidationCurve,
  monthsBetween,
  portfolioCurve,
  rateBasisPoints,
  type VintageFacts,
} from './liquidation.js';

const month = fc
  .record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

/** A vintage whose payments never exceed what it placed, as payments on placed claims cannot. */
const vintage = (asOf: string) =>
  fc
    .record({
      age: fc.integer({ min: 0, max: 36 }),
      cases: fc.integer({ min: 1, max: 5_000 }),
      placedCents: fc.integer({ min: 1, max: 1_000_000_000_00 }),
      shares: fc.array(fc.record({ monthsSince: fc.integer({ min: 0, max: 40 }), weight: fc.nat(1_000) }), {
        maxLength: 30,
      }),
    })
    .map(({ age, cases, placedCents, shares }): VintageFacts => {
      const total = shares.reduce((sum, share) => sum + share.weight, 0) || 1;
      return {
        vintage: addMonths(asOf, -age),
        cases,
        placedCents,
        collected: shares.map((share) => ({
          monthsSince: share.monthsSince,
          cents: Math.floor((placedCents * share.weight) / total),
        })),
      };
    });

describe('liquidation curves', () => {
  it('a small portfolio, computed by hand', () => {
    // Placed 1,000.00 € in January; 100 € in January, nothing in February, 250 € in March, 50 € in May (after asOf).
    const curve = liquidationCurve(
      {
        vintage: '2026-01',
        cases: 4,
        placedCents: 100_000,
        collected: [
          { monthsSince: 0, cents: 10_000 },
          { monthsSince: 2, cents: 25_000 },
          { monthsSince: 4, cents: 5_000 },
        ],
      },
      '2026-04',
    );
    expect(curve.points).toEqual([
      { monthsSince: 0, collectedCents: 10_000, rateBp: 1_000 },
      { monthsSince: 1, collectedCents: 10_000, rateBp: 1_000 },
      { monthsSince: 2, collectedCents: 35_000, rateBp: 3_500 },
      { monthsSince: 3, collectedCents: 35_000, rateBp: 3_500 },
    ]);
    expect(curve).toMatchObject({ collectedCents: 35_000, recoveryBp: 3_500 });

    // A second vintage, February, 3,000 € placed, 300 € in its first month: month 0 weighs both, month 3 only January.
    const february = liquidationCurve(
      { vintage: '2026-02', cases: 9, placedCents: 300_000, collected: [{ monthsSince: 0, cents: 30_000 }] },
      '2026-04',
    );
    expect(portfolioCurve([curve, february])).toEqual([
      { monthsSince: 0, collectedCents: 40_000, rateBp: 1_000 },
      { monthsSince: 1, collectedCents: 40_000, rateBp: 1_000 },
      { monthsSince: 2, collectedCents: 65_000, rateBp: 1_625 },
      { monthsSince: 3, collectedCents: 35_000, rateBp: 3_500 },
    ]);
  });

  it('rounds a rate half up, in integers', () => {
    expect(rateBasisPoints(1, 3)).toBe(3_333);
    expect(rateBasisPoints(2, 3)).toBe(6_667);
    expect(rateBasisPoints(1, 20_000)).toBe(1);
    expect(rateBasisPoints(0, 0)).toBeNull();
    expect(() => rateBasisPoints(-1, 10)).toThrow(RangeError);
  });

  it('never decreases, stays within 0–100 % when payments stay within what was placed, and has a point a month', () => {
    fc.assert(
      fc.property(
        month.chain((asOf) => fc.tuple(fc.constant(asOf), vintage(asOf))),
        ([asOf, facts]) => {
          const curve = liquidationCurve(facts, asOf);
          expect(curve.points).toHaveLength(monthsBetween(facts.vintage, asOf) + 1);
          curve.points.forEach((point, index) => {
            expect(point.monthsSince).toBe(index);
            expect(point.rateBp).toBeGreaterThanOrEqual(0);
            expect(point.rateBp).toBeLessThanOrEqual(10_000);
            if (index > 0) {
              expect(point.collectedCents).toBeGreaterThanOrEqual(curve.points[index - 1]!.collectedCents);
              expect(point.rateBp!).toBeGreaterThanOrEqual(curve.points[index - 1]!.rateBp!);
            }
          });
          // Every cent dated up to asOf is counted once, and none after it.
          const counted = facts.collected
            .filter((c) => c.monthsSince <= monthsBetween(facts.vintage, asOf))
            .reduce((sum, c) => sum + c.cents, 0);
          expect(curve.collectedCents).toBe(counted);
        },
      ),
    );
  });

  it('weighs a portfolio by money placed: its rate at each month lies between its vintages’ rates', () => {
    fc.assert(
      fc.property(
        month.chain((asOf) => fc.array(vintage(asOf), { minLength: 1, maxLength: 6 }).map((v) => ({ asOf, v }))),
        ({ asOf, v }) => {
          const curves = v.map((facts) => liquidationCurve(facts, asOf));
          const portfolio = portfolioCurve(curves);
          expect(portfolio).toHaveLength(Math.max(...curves.map((curve) => curve.points.length)));
          portfolio.forEach((point, month) => {
            const rates = curves.flatMap((curve) => (curve.points[month] ? [curve.points[month]!.rateBp!] : []));
            expect(point.rateBp!).toBeGreaterThanOrEqual(Math.min(...rates) - 1);
            expect(point.rateBp!).toBeLessThanOrEqual(Math.max(...rates) + 1);
          });
        },
      ),
    );
  });

  it('counts months across years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(addMonths('2026-02', -3)).toBe('2025-11');
    fc.assert(
      fc.property(month, fc.integer({ min: -500, max: 500 }), (m, n) => monthsBetween(m, addMonths(m, n)) === n),
    );
    expect(() => monthsBetween('2026-13', '2026-01')).toThrow(RangeError);
  });
});
