import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/**
 * How far back a promise or a plan still earns the money that follows it: a payment received more than this many days
 * after the commitment's day is credited to no one (docs/reporting.md, "Agents and teams").
 */
export const ATTRIBUTION_DAYS = 180;

/**
 * Rewrites the agents' daily facts (migration 0083) inside the performance refresh's transaction (a sibling step of the
 * five-minute job, like the champion/challenger facts). Per person and day of the agency's calendar: the phone calls
 * they recorded (made or taken) and those of them that were a conversation with the debtor; the promises they took; the
 * plans they negotiated, on the day each was first agreed; the payments received on a case whose latest commitment
 * (a promise not cancelled, or an agreed plan) before the payment was theirs, within ATTRIBUTION_DAYS, reversed ones
 * left out; the reviews of their calls (on the call's day) with the sum of their scores; the survey answers about their
 * interactions (on the interaction's day) and how many were 4 or 5. Set-based, anchored to facts only: a second run
 * gives the same rows.
 */
export async function refreshTeams(trx: Transaction<DB>, zone: string): Promise<number> {
  await trx.deleteFrom('agent_day_facts').execute();
  const written = await sql`
    with agreed as (
      select pl.id, pl.case_id, pl.created_by as agent_id, min(e.occurred_at) as agreed_at
      from plans pl
      join plan_events e on e.plan_id = pl.id and e.to_status = 'agreed'
      where pl.created_by is not null
      group by pl.id, pl.case_id, pl.created_by
    ),
    commitments as (
      select case_id, created_by as agent_id, created_at as at, (created_at at time zone ${zone})::date as day
      from promises where created_by is not null and status <> 'cancelled'
      union all
      select case_id, agent_id, agreed_at, (agreed_at at time zone ${zone})::date from agreed
    ),
    -- Each payment to the latest commitment on its case made on or before its day (the later one on a tie of days).
    attributed as (
      select distinct on (p.id) p.id, p.amount_cents, p.received_on, c.agent_id
      from payments p
      join commitments c on c.case_id = p.case_id and c.day <= p.received_on
        and c.day > p.received_on - ${ATTRIBUTION_DAYS}::integer
      where p.status = 'recorded'
      order by p.id, c.day desc, c.at desc
    ),
    facts (agent_id, day, calls, conversations, promises, plans, payments, collected_cents, reviews,
           review_score_bp_sum, answers, satisfied) as (
      select recorded_by, (occurred_at at time zone ${zone})::date,
             count(*) filter (where channel = 'phone'), count(*) filter (where channel = 'phone' and conversation), 0, 0, 0, 0::bigint, 0,
             0::bigint, 0, 0
      from contacts where recorded_by is not null
      group by 1, 2
      union all
      select created_by, (created_at at time zone ${zone})::date, 0, 0, count(*), 0, 0, 0, 0, 0, 0, 0
      from promises where created_by is not null
      group by 1, 2
      union all
      select agent_id, (agreed_at at time zone ${zone})::date, 0, 0, 0, count(*), 0, 0, 0, 0, 0, 0
      from agreed
      group by 1, 2
      union all
      select agent_id, received_on, 0, 0, 0, 0, count(*), sum(amount_cents), 0, 0, 0, 0
      from attributed
      group by 1, 2
      union all
      select r.agent_id, (ct.occurred_at at time zone ${zone})::date, 0, 0, 0, 0, 0, 0, count(*), sum(r.score_bp), 0, 0
      from quality_reviews r
      join contacts ct on ct.id = r.contact_id
      group by 1, 2
      union all
      select i.agent_id, (i.interaction_at at time zone ${zone})::date, 0, 0, 0, 0, 0, 0, 0, 0, count(*),
             count(*) filter (where a.score >= 4)
      from satisfaction_invitations i
      join satisfaction_answers a on a.invitation_id = i.id
      where i.agent_id is not null
      group by 1, 2
    )
    insert into agent_day_facts (agent_id, day, calls, conversations, promises, plans, payments, collected_cents,
      reviews, review_score_bp_sum, answers, satisfied)
    select agent_id, day, sum(calls), sum(conversations), sum(promises), sum(plans), sum(payments),
           sum(collected_cents), sum(reviews), sum(review_score_bp_sum), sum(answers), sum(satisfied)
    from facts
    group by agent_id, day`.execute(trx);
  return Number(written.numAffectedRows ?? 0);
}
