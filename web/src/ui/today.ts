import { localDateOf } from '../../../src/platform/calendar/dates.js';

/** Today's date in this browser's zone (YYYY-MM-DD), the default of date fields: the server checks the agency's. */
export function browserToday(now: Date = new Date()): string {
  return localDateOf(now, Intl.DateTimeFormat().resolvedOptions().timeZone);
}
