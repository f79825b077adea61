import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  agencyToday,
  compareDates,
  daysBetween,
  daysInMonth,
  debtorToday,
  endOfMonth,
  instantAt,
  isIsoDate,
  isoWeekOf,
  latestToday,
  localDateOf,
  localDateTimeOf,
  startOfMonth,
  weekdayOf,
} from './index.js';

const MIN_DAY = Date.UTC(1900, 0, 1) / 86_400_000;
const MAX_DAY = Date.UTC(2199, 11, 31) / 86_400_000;
const isoDate = fc
  .integer({ min: MIN_DAY, max: MAX_DAY })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const ZONES = [
  'Europe/Paris',
  'Europe/Rome',
  'America/Cayenne',
  'Indian/Reunion',
  'America/Guadeloupe',
  'America/Martinique',
  'Indian/Mayotte',
  'America/Miquelon',
  'Pacific/Noumea',
  'UTC',
] as const;
const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) });

describe('calendar dates', () => {
  it('adds days as the inverse of daysBetween', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const later = addDays(date, days);
        expect(isIsoDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(days);
        expect(addDays(later, -days)).toBe(date);
        expect(compareDates(later, date)).toBe(Math.sign(days));
      }),
    );
  });

  it('moves one day at a time through the real calendar', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the change to summer time: still 2 days
    expect(weekdayOf('2026-11-24')).toBe(2); // a Tuesday
  });

  it('adds months keeping the day, clamped to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const moved = addMonths(date, months);
        expect(isIsoDate(moved)).toBe(true);
        const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
        const index = y * 12 + m - 1 + months;
        expect(Number(moved.slice(0, 4)) * 12 + Number(moved.slice(5, 7)) - 1).toBe(index);
        const movedDay = Number(moved.slice(8, 10));
        expect(movedDay).toBe(Math.min(d, daysInMonth(Math.floor(index / 12), (index % 12) + 1)));
        // Counted from a day every month has, the way back is exact.
        if (d <= 28) expect(addMonths(moved, -months)).toBe(date);
      }),
    );
  });

  it('knows the first and last day of a month', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(startOfMonth(date) <= date && date <= endOfMonth(date)).toBe(true);
        expect(addDays(endOfMonth(date), 1)).toBe(startOfMonth(addMonths(date, 1)));
        expect(startOfMonth(date).slice(0, 7)).toBe(date.slice(0, 7));
      }),
    );
    expect(endOfMonth('2100-02-10')).toBe('2100-02-28');
    expect(endOfMonth('2000-02-10')).toBe('2000-02-29');
  });

  it('refuses dates that do not exist', () => {
    for (const wrong of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1', ''])
      expect(isIsoDate(wrong), wrong).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});

describe('instants and local dates', () => {
  it('round-trips the local date and time of an instant in every zone, across the clock changes', () => {
    fc.assert(
      fc.property(instant, zone, (at, place) => {
        const { date, time } = localDateTimeOf(at, place);
        expect(localDateOf(at, place)).toBe(date);
        const back = instantAt(date, place, time).getTime();
        const minute = at - (((at % 60_000) + 60_000) % 60_000);
        // A wall time shown twice (the hour when clocks go back) gives its earlier instant.
        expect(back === minute || back === minute - 3_600_000).toBe(true);
        expect(localDateTimeOf(back, place)).toEqual({ date, time });
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds the start of every local day, also when the clocks change that day', () => {
    fc.assert(
      fc.property(
        isoDate.filter((d) => d >= '2000-01-01' && d < '2060-01-01'),
        zone,
        (date, place) => {
          const start = instantAt(date, place).getTime();
          expect(localDateOf(start, place)).toBe(date);
          expect(localDateOf(start - 60_000, place)).toBe(addDays(date, -1));
        },
      ),
    );
    // The days the clocks change in Paris and Rome last 23 and 25 hours.
    for (const place of ['Europe/Paris', 'Europe/Rome']) {
      expect(instantAt('2026-03-30', place).getTime() - instantAt('2026-03-29', place).getTime()).toBe(23 * 3_600_000);
      expect(instantAt('2026-10-26', place).getTime() - instantAt('2026-10-25', place).getTime()).toBe(25 * 3_600_000);
    }
    // 02:30 does not exist in Paris on 29 March 2026: the first instant after the gap (03:00 CEST).
    expect(instantAt('2026-03-29', 'Europe/Paris', '02:30').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it("tells the agency's, the debtor's and the latest today at the same instant", () => {
    const config = { AGENCY_TZ: 'Europe/Paris' };
    // 00:30 in Paris in winter (UTC+1) and in summer (UTC+2): already the next day there, not yet in UTC.
    expect(agencyToday(new Date('2026-01-15T23:30:00Z'), config)).toBe('2026-01-16');
    expect(agencyToday(new Date('2026-07-15T22:30:00Z'), config)).toBe('2026-07-16');
    expect(debtorToday(new Date('2026-01-15T23:30:00Z'), 'America/Cayenne')).toBe('2026-01-15');
    expect(debtorToday(new Date('2026-01-15T20:30:00Z'), 'Indian/Reunion')).toBe('2026-01-16');
    expect(latestToday(new Date('2026-01-15T20:30:00Z'), ['Europe/Paris', 'Indian/Reunion'])).toBe('2026-01-16');
    fc.assert(
      fc.property(instant, fc.array(zone, { minLength: 1, maxLength: 4 }), (at, zones) => {
        const latest = latestToday(new Date(at), zones);
        for (const place of zones) expect(debtorToday(new Date(at), place) <= latest).toBe(true);
        expect(zones.some((place) => debtorToday(new Date(at), place) === latest)).toBe(true);
      }),
    );
  });
});

describe('isoWeekOf', () => {
  it('names the ISO weeks as the standard does, across year ends', () => {
    expect(isoWeekOf('2026-01-01')).toEqual({ week: '2026-W01', monday: '2025-12-29' });
    expect(isoWeekOf('2025-12-28')).toEqual({ week: '2025-W52', monday: '2025-12-22' });
    expect(isoWeekOf('2027-01-03')).toEqual({ week: '2026-W53', monday: '2026-12-28' });
    expect(isoWeekOf('2026-12-05')).toEqual({ week: '2026-W49', monday: '2026-11-30' });
    expect(isoWeekOf('2021-01-04')).toEqual({ week: '2021-W01', monday: '2021-01-04' });
  });

  it('gives every day of a Monday-to-Sunday week the same week, and the next Monday the next one', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const { week, monday } = isoWeekOf(date);
        expect(weekdayOf(monday)).toBe(1);
        expect(daysBetween(monday, date)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, date)).toBeLessThan(7);
        for (let i = 0; i < 7; i += 1) expect(isoWeekOf(addDays(monday, i)).week).toBe(week);
        expect(isoWeekOf(addDays(monday, 7)).week).not.toBe(week);
        const number = Number(week.slice(6));
        expect(number >= 1 && number <= 53).toBe(true);
      }),
    );
  });
});
