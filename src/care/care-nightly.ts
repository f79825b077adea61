import type { Deps } from '../platform/deps.js';
import { detectCareSignals } from './detect-signals.js';
import { lapseReviews } from './lapse-reviews.js';

/** The nightly job's name (src/app/job-schedule.ts). */
export const CARE_NIGHTLY = 'care-nightly';

export interface CareNightlyReport {
  reviewsDue: number;
  tasksOpened: number;
  debtorsLooked: number;
  signalsOpened: number;
}

/** The care unit's night: records past their review date lapse to a review, then signals are detected. */
export async function careNightly(deps: Deps): Promise<CareNightlyReport> {
  const lapsed = await lapseReviews(deps);
  const detected = await detectCareSignals(deps);
  return { ...lapsed, ...detected };
}
