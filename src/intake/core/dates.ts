/**
 * Calendar dates as written by creditors: ISO `YYYY-MM-DD` or French `DD/MM/YYYY` (also `D/M/YYYY`), checked
 * against the real calendar, returned as `YYYY-MM-DD`. No clock here: "today" is always a parameter.
 */

export type DateResult = { ok: true; date: string } | { ok: false; code: string; message: string };

/** Years a date in an intake file may have; outside them the value is a typo (0202, 20024…). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => n.toString().padStart(width, '0');
const iso = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** Parses `YYYY-MM-DD`, `DD/MM/YYYY` or `D/M/YYYY` into `YYYY-MM-DD`, refusing dates that do not exist. */
export function parseDate(input: string | null | undefined): DateResult {
  const text = (input ?? '').trim();
  if (text === '') return { ok: false, code: 'required', message: 'the date is missing' };
  const m = ISO.exec(text);
  const f = m ? null : FRENCH.exec(text);
  if (!m && !f) {
    return {
      ok: false,
      code: 'date.invalid',
      message: 'write the date as DD/MM/YYYY (e.g. 31/01/2025) or YYYY-MM-DD (e.g. 2025-01-31)',
    };
  }
  const [year, month, day] = m
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : [Number(f?.[3]), Number(f?.[2]), Number(f?.[1])];
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, code: 'date.invalid', message: `the year must be between ${MIN_YEAR} and ${MAX_YEAR}` };
  }
  if (month < 1 || month > 12) {
    return { ok: false, code: 'date.invalid', message: `there is no month ${month}: the month goes from 1 to 12` };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    const leap = month === 2 && day === 29 ? ` (${year} is not a leap year)` : '';
    return { ok: false, code: 'date.invalid', message: `this date does not exist${leap}: check the day and the month` };
  }
  return { ok: true, date: iso(year, month, day) };
}

/** True when `text` is a real calendar date written exactly `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const r = parseDate(text);
  return r.ok && r.date === text;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`. */
export function formatFrenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** Full years between a birth date and a day (both `YYYY-MM-DD`); someone born on 29/02 ages on 01/03. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
