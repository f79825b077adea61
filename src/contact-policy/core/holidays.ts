import type { CountryHolidays } from './policy-document.js';
import { calendarPublicHolidays, dayNumberOf, isoDateOf } from '../../platform/calendar/index.js';

/**
 * Public holidays of a country and region, from the `date-holidays` calendar plus the policy's own additions
 * and removals. Computed once per country, region and year, then a Set lookup per decision.
 */
export interface HolidayCalendar {
  isHoliday(country: string, region: string | null, dayNumber: number): boolean;
  /** The holidays of one year, for the readable view and the tests. */
  list(country: string, region: string | null, year: number): { date: string; name: string }[];
}

interface Entry {
  date: string;
  name: string;
}

export function holidayCalendar(config: Record<string, CountryHolidays>): HolidayCalendar {
  const cache = new Map<string, { days: Set<number>; entries: Entry[] }>();
  const byDay = new Map<string, Map<number, boolean>>();

  function yearOf(country: string, region: string | null, year: number) {
    const countryConfig = config[country];
    const key = `${country}|${region ?? ''}|${year}`;
    let found = cache.get(key);
    if (found) return found;
    const entries: Entry[] = [];
    if (countryConfig) {
      const calendarRegion = region ? countryConfig.regionCodes[region] : undefined;
      const ignored = new Set(countryConfig.ignore.map((day) => day.monthDay));
      // Only public days count (Sundays the calendar lists, Easter Sunday, are closed anyway).
      for (const holiday of calendarPublicHolidays(country, calendarRegion, year)) {
        if (ignored.has(holiday.date.slice(5))) continue;
        entries.push({ ...holiday });
      }
      for (const extra of countryConfig.extra) {
        if (extra.regions && (!region || !extra.regions.includes(region))) continue;
        const date = `${year}-${extra.monthDay}`;
        if (extra.from && date < extra.from) continue;
        if (extra.until && date > extra.until) continue;
        entries.push({ date, name: extra.name });
      }
    }
    entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    found = { days: new Set(entries.map((entry) => dayNumberOf(entry.date))), entries };
    cache.set(key, found);
    return found;
  }

  return {
    isHoliday(country, region, dayNumber) {
      const place = `${country}|${region ?? ''}`;
      let days = byDay.get(place);
      if (!days) byDay.set(place, (days = new Map()));
      let holiday = days.get(dayNumber);
      if (holiday === undefined) {
        const year = Number(isoDateOf(dayNumber).slice(0, 4));
        holiday = yearOf(country, region, year).days.has(dayNumber);
        if (days.size > 20_000) days.clear();
        days.set(dayNumber, holiday);
      }
      return holiday;
    },
    list(country, region, year) {
      return yearOf(country, region, year).entries.map((entry) => ({ ...entry }));
    },
  };
}
