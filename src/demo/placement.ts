import type { Deps } from '../platform/deps.js';
import { SYSTEM_ACTOR } from '../audit/append.js';
import { createPlacement } from '../intake/import-placement.js';
import { importFile, sha256OfFile } from '../intake/import-file.js';
import { packagePath } from '../platform/paths.js';
import { cancelPlansOfClosedCases } from '../plans/cancel-on-close.js';

const EXAMPLE = packagePath('examples', 'intake', 'placement-example.csv');

/**
 * The demo's first placement: the documented example file imported by Banque Horizon through the real intake
 * pipeline, so the placements page shows a genuine report (its recall row names a claim never placed, and is
 * reported as such).
 */
export async function loadDemoPlacement(deps: Deps) {
  const creditor = await deps.db
    .selectFrom('creditors')
    .select('id')
    .where('code', '=', 'BHORIZON')
    .executeTakeFirstOrThrow();
  const { placementId } = await createPlacement(deps, {
    creditorId: creditor.id,
    mandateCode: 'BH-2026',
    source: { fileName: 'placement-example.csv', sha256: await sha256OfFile(EXAMPLE), format: 'csv' },
    actor: SYSTEM_ACTOR,
  });
  return importFile(deps, placementId, EXAMPLE, { actor: SYSTEM_ACTOR, onCasesClosed: cancelPlansOfClosedCases });
}
