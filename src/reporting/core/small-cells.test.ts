import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, shareBasisPoints, shownCount, SMALLEST_CELL } from './small-cells.js';

describe('small cells', () => {
  it('withholds a count from 1 to the smallest cell less one, shows nought and every larger count', () => {
    expect(shownCount(0)).toBe(0);
    expect(shownCount(1)).toBeNull();
    expect(shownCount(SMALLEST_CELL - 1)).toBeNull();
    expect(shownCount(SMALLEST_CELL)).toBe(SMALLEST_CELL);
    fc.assert(
      fc.property(fc.nat(1_000_000), (count) => {
        const shown = shownCount(count);
        expect(shown === null).toBe(count > 0 && count < SMALLEST_CELL);
        if (shown !== null) expect(shown).toBe(count);
      }),
    );
  });

  it('refuses what is not a count', () => {
    expect(() => shownCount(-1)).toThrow(RangeError);
    expect(() => shownCount(1.5)).toThrow(RangeError);
  });

  it('gives a share in basis points, rounded half up, between 0 and 10,000, withheld with its part', () => {
    expect(shareBasisPoints(1, 3)).toBe(3333);
    expect(shareBasisPoints(2, 3)).toBe(6667);
    expect(shareBasisPoints(1, 8)).toBe(1250);
    expect(shareBasisPoints(null, 10)).toBeNull();
    expect(shareBasisPoints(0, 0)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), (whole, seed) => {
        const part = seed % (whole + 1);
        const share = shareBasisPoints(part, whole)!;
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(10_000);
        // Within half a basis point of the exact share.
        expect(Math.abs(share * whole - part * 10_000)).toBeLessThanOrEqual(whole / 2);
      }),
    );
  });

  it('takes the lower middle as the median', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }), (values) => {
        const middle = median(values)!;
        const below = values.filter((v) => v < middle).length;
        const above = values.filter((v) => v > middle).length;
        expect(below).toBeLessThanOrEqual(Math.floor((values.length - 1) / 2));
        expect(above).toBeLessThanOrEqual(Math.ceil((values.length - 1) / 2) + 0);
      }),
    );
  });
});
