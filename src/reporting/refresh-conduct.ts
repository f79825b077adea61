import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/** A day of the agency calendar, YYYY-MM-DD. */
type Day = string;

/**
 * Rewrites the conduct facts (migration 0082) inside the performance refresh's transaction, like the
 * champion/challenger step: per creditor, mandate and month, the open case-weeks and the cases' outbound attempts per
 * week and channel, the attempts the policy refused (by rule), complaints by subject and deadline status, disputes by
 * outcome and days to the creditor's answer, fragile debtors and referrals, satisfaction answers by score. Weeks start
 * on Monday and belong to the month of their Monday; days are the agency's (`zone`). Each row also keeps the team the
 * case is assigned to now (migration 0086), and the money received per month joins them (`collected`, in cents) so
 * that the report reads one team as it reads the whole. Set-based, never a query per case.
 */
export async function refreshConduct(trx: Transaction<DB>, zone: string, today: Day): Promise<number> {
  await trx.deleteFrom('conduct_facts').execute();
  const steps = [
    caseWeeks(today),
    contactWeeks(zone),
    refusals(zone),
    complaints(today),
    disputes(zone),
    fragile(today),
    referrals(zone),
    satisfaction(zone),
    collected(),
  ];
  let written = 0;
  for (const step of steps) written += Number((await step.execute(trx)).numAffectedRows ?? 0);
  return written;
}

const insert = sql`insert into conduct_facts (creditor_id, mandate_id, team_id, month, figure, dimension, bucket, count)`;
const monthOf = (day: ReturnType<typeof sql>) => sql`date_trunc('month', (${day})::timestamp)::date`;

/**
 * Open case-weeks: a case is open in every week from the one it was placed in to the one it closed in (or this week).
 * Counted from the weekly balance of cases placed and closed, not case by case.
 */
function caseWeeks(today: Day) {
  return sql`
    with opened as (
      select creditor_id, mandate_id, assigned_team_id as team_id, date_trunc('week', opened_on::timestamp)::date as w,
             count(*) as n
      from cases group by 1, 2, 3, 4
    ),
    closed as (
      select creditor_id, mandate_id, assigned_team_id as team_id,
             (date_trunc('week', closed_on::timestamp) + interval '7 days')::date as w, -count(*) as n
      from cases where closed_on is not null group by 1, 2, 3, 4
    ),
    -- Materialized: read once per week below, never the cases again for each week (a million cases took minutes).
    deltas as materialized (select * from opened union all select * from closed),
    weeks as (
      select s.creditor_id, s.mandate_id, s.team_id, g::date as w
      from (select creditor_id, mandate_id, team_id, min(w) as first from opened group by 1, 2, 3) s
      cross join lateral generate_series(s.first::timestamp, date_trunc('week', ${today}::date::timestamp),
                                         interval '7 days') g
    ),
    open_weeks as (
      select wk.creditor_id, wk.mandate_id, wk.team_id, wk.w,
             (select coalesce(sum(d.n), 0) from deltas d
              where d.creditor_id = wk.creditor_id and d.mandate_id = wk.mandate_id
                and d.team_id is not distinct from wk.team_id and d.w <= wk.w) as open
      from weeks wk
    )
    ${insert}
    select creditor_id, mandate_id, team_id, ${monthOf(sql`w`)}, 'case_weeks', '', '', sum(open)
    from open_weeks group by 1, 2, 3, 4 having sum(open) > 0`;
}

/** Outbound attempts per case, week and channel (and every channel together): case-weeks by their count. */
function contactWeeks(zone: string) {
  return sql`
    with per_case as (
      select case_id, channel, date_trunc('week', occurred_at at time zone ${zone})::date as w, count(*) as n
      from contacts where direction = 'outbound' group by 1, 2, 3
    ),
    both_kinds as (
      select case_id, channel, w, n from per_case
      union all
      select case_id, 'all', w, sum(n) from per_case group by case_id, w
    )
    ${insert}
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`b.w`)}, 'contact_weeks', b.channel, b.n::text, count(*)
    from both_kinds b join cases c on c.id = b.case_id
    group by 1, 2, 3, 4, 6, 7`;
}

/** Refused attempts by channel, and by rule (an attempt that broke two rules counts once for each). */
function refusals(zone: string) {
  return sql`
    ${insert}
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`r.refused_at at time zone ${zone}`)}, 'refused_attempts', '',
           r.channel, count(*)
    from contact_refusals r join cases c on c.id = r.case_id
    group by 1, 2, 3, 4, 7
    union all
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`r.refused_at at time zone ${zone}`)}, 'refusals', rule.id,
           r.channel, count(*)
    from contact_refusals r join cases c on c.id = r.case_id cross join unnest(r.rules) as rule(id)
    group by 1, 2, 3, 4, 6, 7`;
}

/** Complaints by the month received, subject and deadline status (core/conduct.ts, `deadlineStatus`). */
function complaints(today: Day) {
  return sql`
    ${insert}
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`k.received_on`)}, 'complaints', k.subject,
           case when k.answered_on is not null and k.answered_on <= k.answer_by then 'answered_in_time'
                when k.answered_on is not null then 'answered_late'
                when ${today}::date <= k.answer_by then 'open_in_time'
                else 'open_overdue' end,
           count(*)
    from complaints k join cases c on c.id = k.case_id
    group by 1, 2, 3, 4, 6, 7`;
}

/** Disputes by the month opened and outcome so far; answered ones by calendar days to the creditor's answer. */
function disputes(zone: string) {
  return sql`
    ${insert}
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`d.opened_at at time zone ${zone}`)}, 'disputes',
           case when d.status = 'decided' then d.decision
                when d.status = 'linked' then 'linked'
                when d.status = 'answered' then 'answered'
                else 'awaiting_answer' end,
           '', count(*)
    from disputes d join cases c on c.id = d.case_id
    group by 1, 2, 3, 4, 6
    union all
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`d.opened_at at time zone ${zone}`)}, 'dispute_answers', '',
           greatest(0, (d.answered_at at time zone ${zone})::date - (d.opened_at at time zone ${zone})::date)::text,
           count(*)
    from disputes d join cases c on c.id = d.case_id
    where d.answered_at is not null
    group by 1, 2, 3, 4, 7`;
}

/**
 * This month: debtors with an open case, and of them those with a vulnerability record not ended (the care report's
 * rule); a debtor counts once per creditor, mandate and team of their open cases.
 */
function fragile(today: Day) {
  return sql`
    with open_debtors as (
      select distinct c.creditor_id, c.mandate_id, c.assigned_team_id as team_id, c.debtor_id,
             exists (select 1 from vulnerabilities v where v.debtor_id = c.debtor_id and v.status <> 'ended') as fragile
      from cases c where c.status <> 'closed'
    )
    ${insert}
    select creditor_id, mandate_id, team_id, ${monthOf(sql`${today}::date`)}, 'fragile', 'debtors', '', count(*)
    from open_debtors group by 1, 2, 3, 4
    union all
    select creditor_id, mandate_id, team_id, ${monthOf(sql`${today}::date`)}, 'fragile', 'fragile', '', count(*)
    from open_debtors where fragile group by 1, 2, 3, 4`;
}

/** Referrals of a case, by the month of each step: proposed, sent, and closed with its outcome. */
function referrals(zone: string) {
  return sql`
    with steps as (
      select case_id, 'proposed' as step, proposed_at as at from care_referrals where case_id is not null
      union all
      select case_id, 'sent', sent_at from care_referrals where case_id is not null and sent_at is not null
      union all
      select case_id, outcome, closed_at from care_referrals
      where case_id is not null and closed_at is not null and outcome is not null
    )
    ${insert}
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`s.at at time zone ${zone}`)}, 'referrals', s.step, '', count(*)
    from steps s join cases c on c.id = s.case_id
    group by 1, 2, 3, 4, 6`;
}

/** Survey answers by score, in the month the survey was sent (the listening page's month). */
function satisfaction(zone: string) {
  return sql`
    ${insert}
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`i.sent_at at time zone ${zone}`)}, 'satisfaction', '',
           a.score::text, count(*)
    from satisfaction_answers a
    join satisfaction_invitations i on i.id = a.invitation_id
    join cases c on c.id = i.case_id
    group by 1, 2, 3, 4, 7`;
}

/** The money received in the month, reversed payments left out, in cents: the curves' money, by team as well. */
function collected() {
  return sql`
    ${insert}
    select c.creditor_id, c.mandate_id, c.assigned_team_id, ${monthOf(sql`p.received_on`)}, 'collected', '', '',
           sum(p.amount_cents)
    from payments p join cases c on c.id = p.case_id
    where p.status = 'recorded'
    group by 1, 2, 3, 4`;
}
