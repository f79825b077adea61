import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPointsToInput, MAX_RATE_BP, parsePercentToBasisPoints } from './rates.js';

describe('a band rate typed in percent', () => {
  it('is read as whole basis points, with a comma or a point, with or without the sign', () => {
    expect(parsePercentToBasisPoints('4,35')).toBe(435);
    expect(parsePercentToBasisPoints('4.35')).toBe(435);
    expect(parsePercentToBasisPoints('4,5')).toBe(450);
    expect(parsePercentToBasisPoints(' 12 % ')).toBe(1200);
    expect(parsePercentToBasisPoints('0,01')).toBe(1);
    expect(parsePercentToBasisPoints('0')).toBe(0);
    expect(parsePercentToBasisPoints('100')).toBe(MAX_RATE_BP);
    // 0.29 * 100 is 28.999999999999996 in floating point: the digits are read, never multiplied.
    expect(parsePercentToBasisPoints('0,29')).toBe(29);
    expect(parsePercentToBasisPoints('1,15')).toBe(115);
  });

  it('refuses what is not a rate of at most 100 % with two decimals', () => {
    for (const text of ['', '%', 'quatre', '4,355', '-1', '+4', '100,01', '1000', '4,', ',5', '4,5,0', '1e2'])
      expect(parsePercentToBasisPoints(text), text).toBeNull();
  });

  it('is written back as a person types it in each language, and read again to the same basis points', () => {
    expect(basisPointsToInput(450, 'fr')).toBe('4,5');
    expect(basisPointsToInput(435, 'en')).toBe('4.35');
    expect(basisPointsToInput(1200, 'it')).toBe('12');
    expect(basisPointsToInput(5, 'fr')).toBe('0,05');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_RATE_BP }),
        fc.constantFrom('fr', 'en', 'it' as const),
        (bp, locale) => {
          expect(parsePercentToBasisPoints(basisPointsToInput(bp, locale))).toBe(bp);
        },
      ),
    );
  });
});
