import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addDays,
  businessDaysBetween,
  isBusinessDay,
  isPublicHoliday,
  nextBusinessDay,
  publicHolidays,
  weekdayOf,
  type BusinessPlace,
} from './index.js';

const PARIS: BusinessPlace = { country: 'FR', region: '75' };
const MOSELLE: BusinessPlace = { country: 'FR', region: '57' };
const PLACES: BusinessPlace[] = [
  PARIS,
  MOSELLE,
  { country: 'FR', region: '67' },
  { country: 'FR', region: '68' },
  { country: 'FR', region: '971' },
  { country: 'FR', region: '972' },
  { country: 'FR', region: '973' },
  { country: 'FR', region: '974' },
  { country: 'FR', region: '976' },
  { country: 'FR', region: null },
  { country: 'IT', region: null },
  { country: 'IT', region: 'RM' },
];
const place = fc.constantFrom(...PLACES);
const date = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2060, 0, 1) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const days = (place: BusinessPlace, year: number) => publicHolidays(place, year).map((holiday) => holiday.date);

describe('public holidays', () => {
  it('gives France the eleven days of the Code du travail, and Alsace-Moselle Good Friday and 26 December', () => {
    expect(days(PARIS, 2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    for (const region of ['57', '67', '68']) {
      expect(days({ country: 'FR', region }, 2026)).toEqual([...days(PARIS, 2026), '2026-04-03', '2026-12-26'].sort());
    }
  });

  it("adds each overseas département's abolition-of-slavery day", () => {
    const abolition = {
      '971': '2026-05-27',
      '972': '2026-05-22',
      '973': '2026-06-10',
      '974': '2026-12-20',
      '976': '2026-04-27',
    } as const;
    for (const [region, day] of Object.entries(abolition)) {
      expect(isPublicHoliday(day, { country: 'FR', region }), region).toBe(true);
      expect(isPublicHoliday(day, PARIS)).toBe(false);
    }
  });

  it('gives Italy its national days, with Saint Francis (4 October) from 2026', () => {
    const italy = { country: 'IT', region: null };
    expect(days(italy, 2026)).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-01-06',
        '2026-04-06',
        '2026-04-25',
        '2026-05-01',
        '2026-06-02',
        '2026-08-15',
        '2026-10-04',
        '2026-11-01',
        '2026-12-08',
        '2026-12-25',
        '2026-12-26',
      ]),
    );
    expect(isPublicHoliday('2025-10-04', italy)).toBe(false);
    // A province code is not a calendar region: the national calendar, never a silent guess.
    expect(days({ country: 'IT', region: 'RM' }, 2026)).toEqual(days(italy, 2026));
  });

  it('has no calendar for other countries', () => {
    expect(() => isBusinessDay('2026-11-24', { country: 'DE' })).toThrow(/only FR and IT/);
  });
});

describe('business days', () => {
  it('skips weekends and holidays', () => {
    expect(isBusinessDay('2026-11-24', PARIS)).toBe(true);
    expect(isBusinessDay('2026-11-28', PARIS)).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-11', PARIS)).toBe(false); // Armistice
    expect(isBusinessDay('2026-04-03', PARIS)).toBe(true);
    expect(isBusinessDay('2026-04-03', MOSELLE)).toBe(false); // Good Friday
    // Thursday 2 April + 1: Friday in Paris; Tuesday 7 April in Moselle (Good Friday, the weekend, Easter Monday).
    expect(addBusinessDays('2026-04-02', 1, PARIS)).toBe('2026-04-03');
    expect(addBusinessDays('2026-04-02', 1, MOSELLE)).toBe('2026-04-07');
    expect(addBusinessDays('2026-04-07', -1, MOSELLE)).toBe('2026-04-02');
    expect(nextBusinessDay('2026-12-25', MOSELLE)).toBe('2026-12-28');
    expect(businessDaysBetween('2026-04-02', '2026-04-07', MOSELLE)).toBe(1);
  });

  it('adds business days monotonically, never landing on a weekend or a holiday, counting each one', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: -60, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        place,
        (from, count, more, where) => {
          const landed = addBusinessDays(from, count, where);
          expect(isBusinessDay(landed, where)).toBe(true);
          expect(weekdayOf(landed)).not.toBe(0);
          expect(weekdayOf(landed)).not.toBe(6);
          expect(isPublicHoliday(landed, where)).toBe(false);
          if (count > 0) {
            expect(landed > from).toBe(true);
            expect(businessDaysBetween(from, landed, where)).toBe(count);
          }
          if (count < 0) expect(landed < from).toBe(true);
          expect(addBusinessDays(from, count + more, where) >= landed).toBe(true);
          // Starting a day later never ends earlier.
          expect(addBusinessDays(addDays(from, 1), count, where) >= landed).toBe(true);
        },
      ),
    );
  });
});
