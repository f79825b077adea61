import type { Deps } from '../platform/deps.js';
import { lapseEndedHolds, holdsDueForReview } from '../contact-policy/holds/lapse.js';
import { deleteExpiredSessions } from '../identity/sessions.js';
import { writePortfolioSnapshot } from '../reporting/snapshot.js';
import { recoverInterruptedPlacements } from '../intake/import-placement.js';
import { followUpPlans } from '../plans/instalments.js';
import { rebuildQueue } from '../workspace/rebuild-queue.js';
import { recoverStalePrintRuns } from '../communications/print-run/recover.js';
import type { NightlyReport } from './contract.js';
import { agencyToday } from '../platform/calendar/index.js';

export const NIGHTLY_REFRESH = 'nightly-refresh';

/**
 * The nightly refresh. Every step is anchored to facts (dates stored on the records), never to when the
 * job last ran, so a missed night or a second run changes nothing that should not change.
 */
export async function nightlyRefresh(deps: Deps): Promise<NightlyReport> {
  const snapshotOn = agencyToday(deps.now(), deps.config);
  const holdsLapsed = await lapseEndedHolds(deps);
  const snapshotRows = await writePortfolioSnapshot(deps, snapshotOn);
  const sessionsDeleted = await deleteExpiredSessions(deps.db, deps.now());
  const placementsRecovered = await recoverInterruptedPlacements(deps);
  const plans = await followUpPlans(deps);
  const printRuns = await recoverStalePrintRuns(deps);
  const { entries: queueEntries } = await rebuildQueue(deps);
  return {
    snapshotOn,
    holdsLapsed,
    holdsDueForReview: await holdsDueForReview(deps),
    snapshotRows,
    sessionsDeleted,
    placementsRecovered,
    plans,
    printRuns,
    queueEntries,
  };
}
