import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/**
 * Rewrites the care report's fragile debtors (migration 0088) inside the performance refresh's transaction, like the
 * conduct step: per creditor and per team of the work queue (the team a case is queued for), the debtors with an open
 * case and, of them, those with a vulnerability record not ended (in force or due for review). A debtor counts once per
 * creditor and once per team, whatever their cases. Set-based; returns the rows written.
 */
export async function refreshCare(trx: Transaction<DB>): Promise<number> {
  await trx.deleteFrom('care_fragile_facts').execute();
  const written = await sql`
    with open_cases as (
      select c.creditor_id, q.team_id, c.debtor_id,
             exists (select 1 from vulnerabilities v where v.debtor_id = c.debtor_id and v.status <> 'ended') as fragile
      from cases c
      left join case_queue q on q.case_id = c.id
      where c.status <> 'closed'
    )
    insert into care_fragile_facts (by_kind, group_id, debtors, fragile)
    select 'creditor', creditor_id, count(distinct debtor_id), count(distinct debtor_id) filter (where fragile)
    from open_cases group by creditor_id
    union all
    select 'team', team_id, count(distinct debtor_id), count(distinct debtor_id) filter (where fragile)
    from open_cases where team_id is not null group by team_id`.execute(trx);
  return Number(written.numAffectedRows ?? 0);
}
