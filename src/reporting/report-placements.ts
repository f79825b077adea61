import { sql } from 'kysely';
import { creditorFilter } from '../cases/scope.js';
import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { ReportPlacements } from './contract.js';

/** The most placements the filter offers: years of monthly batches for one creditor. */
const MOST_PLACEMENTS = 500;

/**
 * The placements (intake batches) the portfolio reports may be filtered by, in the reader's scope (a creditor user:
 * its own creditor's, whatever it asks for), newest first: completed batches, with the cases each placed first as the
 * last refresh counted them (`vintage_placed`, a few rows per placement, never the cases).
 */
export async function reportPlacements(
  deps: Deps,
  actor: Actor,
  query: { creditorId?: string | undefined; mandateId?: string | undefined },
): Promise<ReportPlacements> {
  const creditorId = creditorFilter(actor, query.creditorId);
  let select = deps.db
    .selectFrom('placements as p')
    .innerJoin('mandates as m', 'm.id', 'p.mandate_id')
    .select([
      'p.id',
      'p.creditor_id',
      'p.mandate_id',
      'm.code as mandate_code',
      'p.placed_on',
      'p.source_file_name',
      (eb) =>
        eb
          .selectFrom('vintage_placed as v')
          .select(sql<string>`coalesce(sum(v.cases), 0)`.as('cases'))
          .whereRef('v.placement_id', '=', 'p.id')
          .as('cases'),
    ])
    .where('p.status', '=', 'completed');
  if (creditorId) select = select.where('p.creditor_id', '=', creditorId);
  if (query.mandateId) select = select.where('p.mandate_id', '=', query.mandateId);
  const rows = await select
    .orderBy('p.placed_on', 'desc')
    .orderBy('p.created_at', 'desc')
    .limit(MOST_PLACEMENTS)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      creditorId: row.creditor_id,
      mandateId: row.mandate_id,
      mandateCode: row.mandate_code,
      placedOn: (typeof row.placed_on === 'string' ? row.placed_on : new Date(row.placed_on).toISOString()).slice(
        0,
        10,
      ),
      fileName: row.source_file_name,
      cases: Number(row.cases ?? 0),
    })),
  };
}
