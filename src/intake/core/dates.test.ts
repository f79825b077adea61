import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, daysInMonth, formatFrenchDate, isIsoDate, isLeapYear, parseDate } from './dates.js';

const parsed = (text: string) => {
  const r = parseDate(text);
  return r.ok ? r.date : r.code;
};

describe('parseDate', () => {
  it.each([
    ['2025-01-31', '2025-01-31'],
    ['31/01/2025', '2025-01-31'],
    ['1/2/2025', '2025-02-01'],
    ['01/2/2025', '2025-02-01'],
    [' 15/03/2025 ', '2025-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it.each([
    ['', 'required'],
    ['29/02/2023', 'date.invalid'],
    ['29/02/1900', 'date.invalid'],
    ['2023-02-29', 'date.invalid'],
    ['31/04/2025', 'date.invalid'],
    ['32/01/2025', 'date.invalid'],
    ['00/01/2025', 'date.invalid'],
    ['01/13/2025', 'date.invalid'],
    ['2025-13-01', 'date.invalid'],
    ['2025-1-5', 'date.invalid'],
    ['01-02-2025', 'date.invalid'],
    ['01/02/25', 'date.invalid'],
    ['2025/01/02', 'date.invalid'],
    ['2025-01-02T00:00:00', 'date.invalid'],
    ['15 mars 2025', 'date.invalid'],
    ['01/01/0202', 'date.invalid'],
    ['1899-12-31', 'date.invalid'],
  ])('refuses %j with %s', (text, code) => {
    const r = parseDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('says when a 29 February is not in a leap year', () => {
    const r = parseDate('29/02/2023');
    expect(!r.ok && r.message).toContain('not a leap year');
  });
});

describe('calendar helpers', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('isIsoDate accepts only exact, real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('30/06/2025')).toBe(false);
    expect(isIsoDate('2025-06-31')).toBe(false);
  });

  it('counts full years; someone born on 29 February ages on 1 March in other years', () => {
    expect(ageOn('1980-05-10', '2026-05-09')).toBe(45);
    expect(ageOn('1980-05-10', '2026-05-10')).toBe(46);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });
});

describe('round trip (property)', () => {
  const day = fc
    .record({
      year: fc.integer({ min: 1900, max: 2999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ year, month, day }) => day <= daysInMonth(year, month))
    .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

  it('a real date round-trips through DD/MM/YYYY and D/M/YYYY', () => {
    fc.assert(
      fc.property(day, (iso) => {
        expect(parseDate(formatFrenchDate(iso))).toEqual({ ok: true, date: iso });
        const [y, m, d] = iso.split('-');
        expect(parseDate(`${Number(d)}/${Number(m)}/${y}`)).toEqual({ ok: true, date: iso });
        expect(parseDate(iso)).toEqual({ ok: true, date: iso });
      }),
      { numRuns: 1000 },
    );
  });

  it('a day past the end of its month is always refused (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const d = daysInMonth(year, month) + 1;
        expect(parseDate(`${d}/${month}/${year}`).ok).toBe(false);
      }),
    );
  });
});
