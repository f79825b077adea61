import type { IsoDate } from './dates.js';
import { laterDate, localDateOf } from './dates.js';

/**
 * Whose "today" a rule uses, in one place (docs/calendar.md lists which rule uses which):
 * - the agency's (`AGENCY_TZ`): the day a payment or a signature is dated, a plan's due dates and their follow-up,
 *   a placement's import day, the daily snapshot, a remittance period, the case closing day;
 * - the debtor's (the zone of their address): when a promise is broken, the contact hours and days, a callback;
 * - the latest of several, for a date either side may have written (a payment the debtor made "today" in Nouméa
 *   while it is still yesterday in Paris).
 * `now` is always a parameter: the clock belongs to the caller (`deps.now()`).
 */

/** The agency's calendar date at `now`, in its configured zone. */
export function agencyToday(now: Date, config: { AGENCY_TZ: string }): IsoDate {
  return localDateOf(now, config.AGENCY_TZ);
}

/** The debtor's calendar date at `now`, in the zone of their address (`debtors/…` `time_zone`). */
export function debtorToday(now: Date, debtorZone: string): IsoDate {
  return localDateOf(now, debtorZone);
}

/** The latest calendar date any of `zones` shows at `now`: the last day nobody can call "the future". */
export function latestToday(now: Date, zones: readonly string[]): IsoDate {
  if (zones.length === 0) throw new RangeError('latestToday: give at least one zone');
  return zones.map((zone) => localDateOf(now, zone)).reduce(laterDate);
}
