import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';

/**
 * Writes today's figures per creditor and stage (open cases, outstanding and placed amounts). Running it
 * twice on a day replaces that day's figures; the series is the base of liquidation curves.
 */
export async function writePortfolioSnapshot(deps: Deps, snapshotOn: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('portfolio_snapshots').where('snapshot_on', '=', snapshotOn).execute();
    const result = await sql<{ count: number }>`
      insert into portfolio_snapshots (snapshot_on, creditor_id, stage, open_cases, balance_cents, placed_cents)
      select ${snapshotOn}::date, c.creditor_id, c.stage, count(*), coalesce(sum(c.balance_cents), 0),
             coalesce(sum(placed.total), 0)
      from cases c
      left join lateral (
        select sum(principal_cents + interest_cents + fees_cents) as total from claims where claims.case_id = c.id
      ) placed on true
      where c.status <> 'closed'
      group by c.creditor_id, c.stage`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}
