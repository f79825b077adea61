import { dayNumberOf, fromLocal, isoDateOf, toLocal } from './local-time.js';

/**
 * Calendar dates as the database and the API write them, `YYYY-MM-DD`: a day with no time and no zone. Whose day
 * it is (the agency's, the debtor's) is decided where an instant becomes a date (`localDateOf`, `today.ts`); the
 * arithmetic here never looks at a clock or a zone.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a date that exists, written exactly `YYYY-MM-DD` (no 30 February, no month 13). */
export function isIsoDate(text: string): text is IsoDate {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days of a month, 1 = January. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function write(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date `days` later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDateOf(dayNumberOf(date) + days);
}

/**
 * The same day `months` later; a day the month lacks becomes its last day (31 January + 1 month = 28 or 29
 * February). Count every date of a series from the first one, so a schedule never drifts to the 28th.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return write(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

export function startOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = parts(date);
  return write(y, m, daysInMonth(y, m));
}

/** -1, 0 or 1, for sorting; `YYYY-MM-DD` strings also compare in calendar order with `<` and `>`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

/**
 * The ISO 8601 week of a date: weeks run Monday to Sunday, and week 1 of a year is the one holding its first Thursday,
 * so the last days of December may belong to week 1 of the next year and the first days of January to week 52 or 53
 * of the one before. `{ week: '2026-W01', monday: '2025-12-29' }`.
 */
export function isoWeekOf(date: IsoDate): { week: string; monday: IsoDate } {
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
  // The week's Thursday decides its year.
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const number = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { week: `${year}-W${String(number).padStart(2, '0')}`, monday };
}

/** The calendar date that the clocks of `zone` show at the instant `at`. */
export function localDateOf(at: Date | number, zone: string): IsoDate {
  return isoDateOf(toLocal(zone, typeof at === 'number' ? at : at.getTime()).dayNumber);
}

/** The wall-clock date and time of an instant in a zone: `{ date: '2026-03-29', time: '03:30' }`. */
export function localDateTimeOf(at: Date | number, zone: string): { date: IsoDate; time: string } {
  const local = toLocal(zone, typeof at === 'number' ? at : at.getTime());
  const minutes = local.minuteOfDay;
  return {
    date: isoDateOf(local.dayNumber),
    time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
  };
}

/**
 * The instant at which the clocks of `zone` show `time` (`HH:MM`, midnight by default) on `date`. A time the clocks
 * skip (spring forward) gives the first instant after the gap; a time shown twice (fall back), the earlier one.
 */
export function instantAt(date: IsoDate, zone: string, time = '00:00'): Date {
  return new Date(fromLocal(zone, dayNumberOf(date), Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))));
}

/** The first instant of `date` in `zone` (its midnight, or the first moment after a skipped midnight). */
export function startOfLocalDay(date: IsoDate, zone: string): Date {
  return instantAt(date, zone);
}
