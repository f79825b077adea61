import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/**
 * Rewrites the champion/challenger facts (migration 0077) inside the performance refresh's transaction (a sibling step
 * of the five-minute job). A case enters a comparison the first time it is assigned to a segment under a strategy
 * version in which that segment has a challenger; its arm is the one of that assignment, and everything after counts
 * for that arm whatever segment it moves to later (intention to treat): payments received from that day on (reversed
 * ones left out), promises made since and since kept or broken, a complaint received since, satisfaction answers on
 * interactions since, tagged with the same arm. Per segment, arm, creditor, mandate and cohort (the month it entered):
 * a few rows the report adds together.
 */
export async function refreshChampionChallenger(trx: Transaction<DB>, zone: string): Promise<number> {
  await trx.deleteFrom('experiment_arm_facts').execute();
  const written = await sql`
    with enrolled as (
      select distinct on (a.case_id, a.segment_id) a.case_id, a.segment_id, a.arm, a.assigned_at,
             (a.assigned_at at time zone ${zone})::date as enrolled_on
      from strategy_assignments a
      join strategy_versions v on v.version = a.strategy_version
      where exists (
        select 1 from jsonb_array_elements(v.document -> 'segments') s
        where s ->> 'id' = a.segment_id and s ? 'challenger'
      )
      order by a.case_id, a.segment_id, a.assigned_at, a.id
    ),
    per_case as (
      select e.segment_id, e.arm, c.creditor_id, c.mandate_id, date_trunc('month', e.enrolled_on)::date as cohort,
        coalesce((select sum(p.amount_cents) from payments p
                  where p.case_id = e.case_id and p.status = 'recorded' and p.received_on >= e.enrolled_on), 0)::numeric
          as collected,
        (select count(*) from promises pr
         where pr.case_id = e.case_id and pr.created_at >= e.assigned_at and pr.status = 'kept') as kept,
        (select count(*) from promises pr
         where pr.case_id = e.case_id and pr.created_at >= e.assigned_at and pr.status = 'broken') as broken,
        exists (select 1 from complaints k where k.case_id = e.case_id and k.received_on >= e.enrolled_on) as complained,
        s.answers, s.score_sum, s.score_sq
      from enrolled e
      join cases c on c.id = e.case_id
      cross join lateral (
        select count(sa.score) as answers, coalesce(sum(sa.score), 0) as score_sum,
               coalesce(sum(sa.score * sa.score), 0) as score_sq
        from satisfaction_invitations i
        join satisfaction_answers sa on sa.invitation_id = i.id
        where i.case_id = e.case_id and i.strategy_arm = e.arm and i.interaction_at >= e.assigned_at
      ) s
    )
    insert into experiment_arm_facts (segment_id, arm, creditor_id, mandate_id, cohort, cases, collected_cents,
      collected_sq, collected_cube, paying_cases, promises_kept, promises_broken, complaint_cases,
      satisfaction_answers, satisfaction_sum, satisfaction_sq)
    select segment_id, arm, creditor_id, mandate_id, cohort, count(*), sum(collected), sum(collected * collected),
           sum(collected * collected * collected), count(*) filter (where collected > 0), sum(kept), sum(broken),
           count(*) filter (where complained), sum(answers), sum(score_sum), sum(score_sq)
    from per_case
    group by segment_id, arm, creditor_id, mandate_id, cohort`.execute(trx);
  return Number(written.numAffectedRows ?? 0);
}
