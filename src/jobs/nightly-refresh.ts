import type { Deps } from '../platform/deps.js';
import { lapseEndedHolds, holdsDueForReview } from '../contact-policy/holds/lapse.js';
import { deleteExpiredSessions } from '../identity/sessions.js';
import { localDate, writePortfolioSnapshot } from '../reporting/snapshot.js';
import { recoverInterruptedPlacements } from '../intake/import-placement.js';
import { followUpPlans, type PlanFollowUpReport } from '../plans/instalments.js';
import { rebuildQueue } from '../workspace/rebuild-queue.js';

export const NIGHTLY_REFRESH = 'nightly-refresh';

export interface NightlyReport {
  snapshotOn: string;
  holdsLapsed: number;
  holdsDueForReview: number;
  snapshotRows: number;
  sessionsDeleted: number;
  placementsRecovered: number;
  plans: PlanFollowUpReport;
  /** Queue entries rebuilt from the facts (what time alone changed: ages, dates, the policy's hours). */
  queueEntries: number;
}

/**
 * The nightly refresh. Every step is anchored to facts (dates stored on the records), never to when the
 * job last ran, so a missed night or a second run changes nothing that should not change.
 */
export async function nightlyRefresh(deps: Deps): Promise<NightlyReport> {
  const snapshotOn = localDate(deps.now(), deps.config.NIGHTLY_TZ);
  const holdsLapsed = await lapseEndedHolds(deps);
  const snapshotRows = await writePortfolioSnapshot(deps, snapshotOn);
  const sessionsDeleted = await deleteExpiredSessions(deps.db, deps.now());
  const placementsRecovered = await recoverInterruptedPlacements(deps);
  const plans = await followUpPlans(deps);
  const { entries: queueEntries } = await rebuildQueue(deps);
  return { snapshotOn, holdsLapsed, holdsDueForReview: await holdsDueForReview(deps), snapshotRows, sessionsDeleted, placementsRecovered, plans, queueEntries };
}
