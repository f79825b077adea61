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
    -- Set-based (hash joins over the enrolled cases), never a query per case.
    paid as (
      select e.case_id, e.segment_id, sum(p.amount_cents)::numeric as collected
      from enrolled e
      join payments p on p.case_id = e.case_id and p.status = 'recorded' and p.received_on >= e.enrolled_on
      group by e.case_id, e.segment_id
    ),
    promised as (
      select e.case_id, e.segment_id, count(*) filter (where pr.status = 'kept') as kept,
             count(*) filter (where pr.status = 'broken') as broken
      from enrolled e
      join promises pr on pr.case_id = e.case_id and pr.created_at >= e.assigned_at
      group by e.case_id, e.segment_id
    ),
    complained as (
      select distinct e.case_id, e.segment_id
      from enrolled e
      join complaints k on k.case_id = e.case_id and k.received_on >= e.enrolled_on
    ),
    answered as (
      select e.case_id, e.segment_id, count(*) as answers, sum(sa.score) as score_sum,
             sum(sa.score * sa.score) as score_sq
      from enrolled e
      join satisfaction_invitations i
        on i.case_id = e.case_id and i.strategy_arm = e.arm and i.interaction_at >= e.assigned_at
      join satisfaction_answers sa on sa.invitation_id = i.id
      group by e.case_id, e.segment_id
    ),
    per_case as (
      select e.segment_id, e.arm, c.creditor_id, c.mandate_id, date_trunc('month', e.enrolled_on)::date as cohort,
             coalesce(paid.collected, 0) as collected, coalesce(promised.kept, 0) as kept,
             coalesce(promised.broken, 0) as broken, complained.case_id is not null as complained,
             coalesce(answered.answers, 0) as answers, coalesce(answered.score_sum, 0) as score_sum,
             coalesce(answered.score_sq, 0) as score_sq
      from enrolled e
      join cases c on c.id = e.case_id
      left join paid on paid.case_id = e.case_id and paid.segment_id = e.segment_id
      left join promised on promised.case_id = e.case_id and promised.segment_id = e.segment_id
      left join complained on complained.case_id = e.case_id and complained.segment_id = e.segment_id
      left join answered on answered.case_id = e.case_id and answered.segment_id = e.segment_id
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
