import type { IsoDate } from '../../../platform/calendar/dates.js';

/**
 * When a print run left "preparing" is taken for dead, and what becomes of it. Pure.
 *
 * A live run shows a sign of life at every case it handles (each letter issued or case refused is one transaction that
 * stamps the run). The slowest figure measured for one letter is 1/63 s at a load average of 7 to 12
 * (`npm run bench:communications`, 4 December 2026; docs/communications.md, "Speed"), so a minute of silence is
 * already thousands of letters' worth. The limit is set at fifteen minutes: far beyond any pause of a live run (a
 * database failover, a long lock wait), short enough that a manager who finds the run stuck in the morning can act
 * before the day's posting.
 */
export const PREPARING_SILENCE_LIMIT_MINUTES = 15;

const MINUTE_MS = 60_000;

/** The instant from which a run whose last sign of life was `activeAt` is stale. */
export function staleFrom(activeAt: Date): Date {
  return new Date(activeAt.getTime() + PREPARING_SILENCE_LIMIT_MINUTES * MINUTE_MS);
}

/** A run "preparing" whose last sign of life is older than the limit: the process preparing it died. */
export function isStale(activeAt: Date, now: Date): boolean {
  return now.getTime() >= staleFrom(activeAt).getTime();
}

/**
 * What the nightly job does with a stale run: a run of today is finished with the letters it issued, as it would
 * have been (its letters bear today's date, the posting the same day); a run of an earlier day is abandoned, its
 * letters carried into the next run, so they are printed with a batch someone is about to post rather than in a run
 * of a past day nobody looks for.
 */
export function recoveryOf(runDate: IsoDate, today: IsoDate): 'resume' | 'abandon' {
  return runDate === today ? 'resume' : 'abandon';
}
