import Holidays from 'date-holidays';
import { addDays, type IsoDate, weekdayOf } from './dates.js';
import type { BusinessPlace } from './place.js';

/**
 * Business days for legal deadlines (REGULATION.md §3): Monday to Friday, public holidays excepted (a deadline that
 * ends on a Saturday, a Sunday or a holiday moves to the next business day: CPC art. 642 in France, c.p.c. art. 155
 * in Italy). The holidays come from `date-holidays`, which ignores a region code it does not know without a word, so
 * every code is mapped here and an unknown one falls back, visibly, to the national calendar:
 * - France: the national days of Code du travail L3133-1; Alsace-Moselle (départements 57, 67, 68) adds Good Friday
 *   and 26 December; the overseas départements (971–976, and Saint-Barthélemy 977, Saint-Martin 978) add their
 *   abolition-of-slavery day (and Good Friday in Guadeloupe and Martinique).
 * - Italy: the national days of L. 260/1949 as amended (with 4 October from 2026); the patron saints' days are local
 *   and do not move a deadline, so they are left to the contact policy's own calendar.
 */
export type { BusinessPlace };

export const BUSINESS_COUNTRIES = ['FR', 'IT'] as const;

/** French départements whose calendar differs from the national one, and their code in `date-holidays`. */
const FRENCH_REGION_CALENDARS: Readonly<Record<string, string>> = {
  '57': '57',
  '67': '67',
  '68': '68',
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '976': 'YT',
  '977': 'BL',
  '978': 'MF',
};

const ITALIAN_REGION_CODES: ReadonlySet<string> = new Set(Object.keys(new Holidays().getStates('IT') ?? {}));

/** The `date-holidays` region code of a place, or undefined for the national calendar. Unknown countries throw. */
export function calendarRegionOf(place: BusinessPlace): string | undefined {
  const region = place.region ?? undefined;
  if (place.country === 'FR') return region === undefined ? undefined : FRENCH_REGION_CALENDARS[region];
  if (place.country === 'IT') return region !== undefined && ITALIAN_REGION_CODES.has(region) ? region : undefined;
  throw new RangeError(`no business calendar for country ${place.country}: only ${BUSINESS_COUNTRIES.join(' and ')}`);
}

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

const yearCache = new Map<string, PublicHoliday[]>();

/**
 * The public holidays ("public" in `date-holidays`: not observances nor optional days) of a country in a year, for a
 * region code the caller has validated (`calendarRegionOf`, or the contact policy's own map). Cached per year.
 */
export function calendarPublicHolidays(
  country: string,
  calendarRegion: string | undefined,
  year: number,
): readonly PublicHoliday[] {
  const key = `${country}|${calendarRegion ?? ''}|${year}`;
  let found = yearCache.get(key);
  if (!found) {
    const calendar = calendarRegion ? new Holidays(country, calendarRegion) : new Holidays(country);
    found = (calendar.getHolidays(year) ?? [])
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }));
    if (yearCache.size > 2_000) yearCache.clear();
    yearCache.set(key, found);
  }
  return found;
}

const daySets = new Map<string, ReadonlySet<IsoDate>>();

function holidaySet(place: BusinessPlace, year: number): ReadonlySet<IsoDate> {
  const region = calendarRegionOf(place);
  const key = `${place.country}|${region ?? ''}|${year}`;
  let days = daySets.get(key);
  if (!days) {
    days = new Set(calendarPublicHolidays(place.country, region, year).map((holiday) => holiday.date));
    if (daySets.size > 2_000) daySets.clear();
    daySets.set(key, days);
  }
  return days;
}

/** The public holidays of a place in a year, in date order. */
export function publicHolidays(place: BusinessPlace, year: number): PublicHoliday[] {
  return calendarPublicHolidays(place.country, calendarRegionOf(place), year)
    .map((holiday) => ({ ...holiday }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function isPublicHoliday(date: IsoDate, place: BusinessPlace): boolean {
  return holidaySet(place, Number(date.slice(0, 4))).has(date);
}

/** Monday to Friday and not a public holiday of the place. */
export function isBusinessDay(date: IsoDate, place: BusinessPlace): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date, place);
}

/** `date` when it is a business day, else the first business day after it (a deadline that ends on a day off). */
export function nextBusinessDay(date: IsoDate, place: BusinessPlace): IsoDate {
  let day = date;
  // No place has more than 4 days off in a row (Good Friday to Easter Monday in Alsace-Moselle).
  for (let step = 0; !isBusinessDay(day, place); step += 1) {
    if (step > 10) throw new Error(`nextBusinessDay: no business day within 10 days of ${date}`);
    day = addDays(day, 1);
  }
  return day;
}

/**
 * The `count`-th business day after `date` (before it when negative). With 0, `date` itself if it is a business day,
 * else the next one. Always lands on a business day.
 */
export function addBusinessDays(date: IsoDate, count: number, place: BusinessPlace): IsoDate {
  if (!Number.isSafeInteger(count)) throw new RangeError('addBusinessDays: count must be a whole number');
  if (count === 0) return nextBusinessDay(date, place);
  const step = count > 0 ? 1 : -1;
  let day = date;
  for (let left = Math.abs(count); left > 0;) {
    day = addDays(day, step);
    if (isBusinessDay(day, place)) left -= 1;
  }
  return day;
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: IsoDate, to: IsoDate, place: BusinessPlace): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isBusinessDay(day, place)) count += 1;
  return count;
}
