import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { assertVisible, withinScope } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import type { PlacementErrorList, PlacementList, PlacementListQuery, PlacementView } from './contract.js';
import { importProgress } from './progress.js';

const COLUMNS = [
  'placements.id',
  'placements.creditor_id',
  'creditors.name as creditor_name',
  'mandates.code as mandate_code',
  'placements.placed_on',
  'placements.source_file_name',
  'placements.format',
  'placements.status',
  'placements.rows_total',
  'placements.rows_rejected',
  'placements.report',
  'placements.created_at',
  'placements.completed_at',
] as const;

function baseQuery(deps: Deps) {
  return deps.db
    .selectFrom('placements')
    .innerJoin('creditors', 'creditors.id', 'placements.creditor_id')
    .innerJoin('mandates', 'mandates.id', 'placements.mandate_id')
    .select(COLUMNS);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/**
 * What a creditor user reads of its import: persons new to it and persons it already knew. Whether the agency knew a
 * person through another creditor, and the possible duplicates a person reviews, stay inside the agency.
 */
export function creditorCounts(counts: Record<string, number>): Record<string, number> {
  const {
    debtorsCreated = 0,
    debtorsMatchedByReference = 0,
    debtorsMatchedByIdentity = 0,
    debtorsKnownToCreditorByIdentity = 0,
    possibleMatches: _possibleMatches,
    ...rest
  } = counts;
  return {
    debtorsNew: debtorsCreated + debtorsMatchedByIdentity - debtorsKnownToCreditorByIdentity,
    debtorsKnown: debtorsMatchedByReference + debtorsKnownToCreditorByIdentity,
    ...rest,
  };
}

function toView(row: Row, actor: Actor): PlacementView {
  const report = (row.report ?? {}) as Record<string, unknown> & { errorCount?: number; failure?: string };
  const { errorCount, failure, ...allCounts } = report;
  const counts = creditorScope(actor) ? creditorCounts(allCounts as Record<string, number>) : allCounts;
  return {
    id: row.id,
    creditor: { id: row.creditor_id, name: row.creditor_name },
    mandateCode: row.mandate_code,
    placedOn: row.placed_on,
    fileName: row.source_file_name,
    format: row.format,
    status: row.status,
    rowsTotal: row.rows_total,
    rowsRead: row.status === 'running' ? importProgress.get(row.id) : null,
    rowsRejected: row.rows_rejected,
    counts: row.status === 'completed' ? (counts as Record<string, number>) : null,
    errorCount: errorCount ?? 0,
    failure: failure ?? null,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

export async function listPlacements(deps: Deps, actor: Actor, filter: PlacementListQuery): Promise<PlacementList> {
  let query = baseQuery(deps).where(withinScope(actor, 'placements.creditor_id'));
  if (filter.creditorId) query = query.where('placements.creditor_id', '=', filter.creditorId);
  const rows = await query
    .orderBy('placements.created_at', 'desc')
    .orderBy('placements.id')
    .limit(filter.limit + 1)
    .offset(filter.offset)
    .execute();
  return { items: rows.slice(0, filter.limit).map((row) => toView(row, actor)), hasMore: rows.length > filter.limit };
}

export async function getPlacement(deps: Deps, actor: Actor, placementId: string): Promise<PlacementView> {
  const row = await baseQuery(deps).where('placements.id', '=', placementId).executeTakeFirst();
  assertVisible(actor, row, 'The placement');
  return toView(row, actor);
}

export async function listPlacementErrors(
  deps: Deps,
  actor: Actor,
  placementId: string,
  page: { limit: number; offset: number },
): Promise<PlacementErrorList> {
  await getPlacement(deps, actor, placementId);
  const [items, total] = await Promise.all([
    deps.db
      .selectFrom('placement_errors')
      .select(['line', 'column_name', 'value', 'code', 'message'])
      .where('placement_id', '=', placementId)
      .orderBy('line')
      .orderBy('column_name')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    deps.db
      .selectFrom('placement_errors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('placement_id', '=', placementId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((e) => ({
      line: e.line,
      column: e.column_name,
      value: e.value,
      code: e.code,
      message: e.message,
    })),
    total: Number(total.n),
  };
}
