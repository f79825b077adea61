import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { agencyToday } from '../platform/calendar/index.js';
import { refreshCare } from './refresh-care.js';
import { refreshChampionChallenger } from './refresh-champion-challenger.js';
import { refreshConduct } from './refresh-conduct.js';
import { refreshOutcomes } from './refresh-outcomes.js';
import { refreshTeams } from './refresh-teams.js';
import { writeSnapshot } from './snapshot.js';

export const PERFORMANCE_REFRESH = 'performance-refresh';

/**
 * Rewrites the portfolio performance facts (migration 0074): per creditor, mandate and vintage (the month a case was
 * placed, its `opened_on`), the cases and the amount placed (principal, interest and fees of its claims), and the
 * payments received by month since placement, reversed payments left out. One transaction, so a report reads either
 * the old figures or the new, never half; every five minutes (src/app/job-schedule.ts), and once after the demo.
 * Every fact keeps its cases' placement (migration 0091, `writeCasePlacements`).
 * Anchored to facts only: a second run gives the same rows. The champion/challenger facts (migration 0077), the outcome
 * facts (migration 0081), the conduct facts (migration 0082) and the agents' daily facts (migration 0083) are
 * rewritten in the same transaction (refresh-champion-challenger.ts, refresh-outcomes.ts, refresh-conduct.ts,
 * refresh-teams.ts), and so are the care report's fragile debtors (migration 0088, refresh-care.ts) and today's
 * portfolio snapshot (snapshot.ts), which the dashboard reads.
 */
/**
 * Each case's placement (the placement of its first claim, the earliest created), for the facts' `placement_id`
 * (migration 0091): worked out once per refresh into a table of the transaction's own, dropped at its commit, which
 * the performance and outcome facts join. Cases whose first claim came through no placement are left out (null).
 */
async function writeCasePlacements(trx: Transaction<DB>): Promise<void> {
  await sql`
    create temporary table report_case_placements on commit drop as
    select case_id, placement_id
    from (select distinct on (case_id) case_id, placement_id from claims order by case_id, created_at, id) first_claim
    where placement_id is not null`.execute(trx);
  await sql`alter table report_case_placements add primary key (case_id)`.execute(trx);
}

export async function refreshPerformance(deps: Deps): Promise<{
  vintages: number;
  months: number;
  experimentRows: number;
  outcomeRows: number;
  conductRows: number;
  agentDays: number;
  snapshotRows: number;
  careRows: number;
}> {
  const started = Date.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('vintage_collected').execute();
    await trx.deleteFrom('vintage_placed').execute();
    await writeCasePlacements(trx);
    const placed = await sql`
      insert into vintage_placed (creditor_id, mandate_id, placement_id, vintage, cases, placed_cents)
      select c.creditor_id, c.mandate_id, cp.placement_id, date_trunc('month', c.opened_on)::date, count(*),
             coalesce(sum(claimed.total), 0)
      from cases c
      left join report_case_placements cp on cp.case_id = c.id
      left join (
        select case_id, sum(principal_cents + interest_cents + fees_cents) as total from claims group by case_id
      ) claimed on claimed.case_id = c.id
      group by c.creditor_id, c.mandate_id, cp.placement_id, date_trunc('month', c.opened_on)`.execute(trx);
    // A payment is never dated before its case was placed (record-payment refuses it); greatest() keeps a corrected
    // date from failing the whole refresh all the same.
    const collected = await sql`
      insert into vintage_collected (creditor_id, mandate_id, placement_id, vintage, months_since, payments,
        collected_cents)
      select c.creditor_id, c.mandate_id, cp.placement_id, date_trunc('month', c.opened_on)::date,
             greatest(0, (extract(year from p.received_on) - extract(year from c.opened_on)) * 12
                         + extract(month from p.received_on) - extract(month from c.opened_on))::integer,
             count(*), sum(p.amount_cents)
      from payments p
      join cases c on c.id = p.case_id
      left join report_case_placements cp on cp.case_id = c.id
      where p.status = 'recorded'
      group by 1, 2, 3, 4, 5`.execute(trx);
    const experimentRows = await refreshChampionChallenger(trx, deps.config.AGENCY_TZ);
    const outcomeRows = await refreshOutcomes(trx, deps.config.AGENCY_TZ);
    const conductRows = await refreshConduct(trx, deps.config.AGENCY_TZ, agencyToday(deps.now(), deps.config));
    const agentDays = await refreshTeams(trx, deps.config.AGENCY_TZ);
    const careRows = await refreshCare(trx);
    const snapshotRows = await writeSnapshot(trx, agencyToday(deps.now(), deps.config));
    const tookMs = Date.now() - started;
    await trx
      .insertInto('performance_refreshes')
      .values({ id: 1, refreshed_at: deps.now(), took_ms: tookMs })
      .onConflict((oc) => oc.column('id').doUpdateSet({ refreshed_at: deps.now(), took_ms: tookMs }))
      .execute();
    return {
      vintages: Number(placed.numAffectedRows ?? 0),
      months: Number(collected.numAffectedRows ?? 0),
      experimentRows,
      outcomeRows,
      conductRows,
      agentDays,
      snapshotRows,
      careRows,
    };
  });
}
