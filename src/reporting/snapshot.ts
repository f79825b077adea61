import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';

/**
 * Writes today's figures per creditor and stage (open cases, outstanding and placed amounts). Running it
 * twice on a day replaces that day's figures; the series is the base of liquidation curves. The nightly refresh writes
 * it, and so does the five-minute refresh of the report facts (refresh-performance.ts): a day's figures are those of
 * its last refresh, and today's are what the dashboard reads.
 */
export async function writePortfolioSnapshot(deps: Deps, snapshotOn: string): Promise<number> {
  return deps.db.transaction().execute((trx) => writeSnapshot(trx, snapshotOn));
}

/** The snapshot of `snapshotOn`, inside the caller's transaction: the claims added up once, set-based. */
export async function writeSnapshot(trx: Transaction<DB>, snapshotOn: string): Promise<number> {
  await trx.deleteFrom('portfolio_snapshots').where('snapshot_on', '=', snapshotOn).execute();
  const result = await sql<{ count: number }>`
    insert into portfolio_snapshots (snapshot_on, creditor_id, stage, open_cases, balance_cents, placed_cents)
    select ${snapshotOn}::date, c.creditor_id, c.stage, count(*), coalesce(sum(c.balance_cents), 0),
           coalesce(sum(placed.total), 0)
    from cases c
    left join (
      select case_id, sum(principal_cents + interest_cents + fees_cents) as total from claims group by case_id
    ) placed on placed.case_id = c.id
    where c.status <> 'closed'
    group by c.creditor_id, c.stage`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
