import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/** The month (first day, agency calendar) of an instant column. */
const monthOf = (column: string, zone: string) =>
  sql`date_trunc('month', (${sql.ref(column)} at time zone ${zone}))::date`;

/**
 * Rewrites the portfolio outcome facts (migration 0081) inside the performance refresh's transaction (a sibling step of
 * the five-minute job, like refresh-champion-challenger.ts). Per creditor and mandate:
 * - by vintage (the month a case was placed): outbound phone attempts, those that reached the debtor (a conversation:
 *   a phone contact whose outcome is `right_party`), cases with at least one conversation either way, the days from
 *   placement to the first payment not reversed, and the cases by their stage now;
 * - by month (agency calendar): the same contacts by the month they happened, promises by the month they were made
 *   and their status now, plans by the month they were first agreed and where they stand now, and the moves between
 *   stages by the month they happened.
 * Every fact keeps its cases' placement (migration 0091), from the table of the cases' placements the performance
 * refresh wrote first in the same transaction (refresh-performance.ts).
 * Anchored to facts only: a second run gives the same rows. Returns the rows written.
 */
export async function refreshOutcomes(trx: Transaction<DB>, zone: string): Promise<number> {
  for (const table of [
    'outcome_vintage_contacts',
    'outcome_month_contacts',
    'outcome_promises',
    'outcome_plans',
    'outcome_first_payments',
    'outcome_stage_cases',
    'outcome_stage_flows',
  ] as const)
    await trx.deleteFrom(table).execute();
  const statements = [
    sql`
      insert into outcome_vintage_contacts (creditor_id, mandate_id, placement_id, vintage, attempts, right_party, reached_cases)
      select c.creditor_id, c.mandate_id, cp.placement_id, date_trunc('month', c.opened_on)::date,
             count(*) filter (where k.direction = 'outbound'),
             count(*) filter (where k.direction = 'outbound' and k.conversation),
             count(distinct k.case_id) filter (where k.conversation)
      from contacts k
      join cases c on c.id = k.case_id
      left join report_case_placements cp on cp.case_id = c.id
      where k.channel = 'phone'
      group by 1, 2, 3, 4`,
    sql`
      insert into outcome_month_contacts (creditor_id, mandate_id, placement_id, month, attempts, right_party, worked_cases,
        reached_cases)
      select c.creditor_id, c.mandate_id, cp.placement_id, ${monthOf('k.occurred_at', zone)},
             count(*) filter (where k.direction = 'outbound'),
             count(*) filter (where k.direction = 'outbound' and k.conversation),
             count(distinct k.case_id), count(distinct k.case_id) filter (where k.conversation)
      from contacts k
      join cases c on c.id = k.case_id
      left join report_case_placements cp on cp.case_id = c.id
      where k.channel = 'phone'
      group by 1, 2, 3, 4`,
    sql`
      insert into outcome_promises (creditor_id, mandate_id, placement_id, month, status, promises, amount_cents)
      select c.creditor_id, c.mandate_id, cp.placement_id, ${monthOf('p.created_at', zone)}, p.status, count(*), sum(p.amount_cents)
      from promises p
      join cases c on c.id = p.case_id
      left join report_case_placements cp on cp.case_id = c.id
      group by 1, 2, 3, 4, 5`,
    // A plan counts from the first time it was agreed; "behind" is agreed or running with an instalment late now.
    sql`
      insert into outcome_plans (creditor_id, mandate_id, placement_id, month, state, plans)
      select c.creditor_id, c.mandate_id, cp.placement_id, ${monthOf('agreed.at', zone)},
             case
               when p.status in ('agreed', 'active') and exists (
                 select 1 from plan_versions v join plan_instalments i on i.plan_version_id = v.id
                 where v.plan_id = p.id and v.version = p.current_version and i.status = 'late'
               ) then 'behind'
               when p.status in ('agreed', 'active') then 'on_track'
               when p.status in ('completed', 'broken') then p.status
               else 'ended'
             end,
             count(*)
      from plans p
      join cases c on c.id = p.case_id
      left join report_case_placements cp on cp.case_id = c.id
      join (select plan_id, min(occurred_at) as at from plan_events where to_status = 'agreed' group by plan_id) agreed
        on agreed.plan_id = p.id
      group by 1, 2, 3, 4, 5`,
    // A payment is never dated before its case was placed (record-payment refuses it); greatest() keeps a corrected
    // date from failing the refresh all the same.
    sql`
      insert into outcome_first_payments (creditor_id, mandate_id, placement_id, vintage, days, cases)
      select c.creditor_id, c.mandate_id, cp.placement_id, date_trunc('month', c.opened_on)::date,
             greatest(0, first_paid.received_on - c.opened_on), count(*)
      from (select case_id, min(received_on) as received_on from payments where status = 'recorded' group by case_id)
        first_paid
      join cases c on c.id = first_paid.case_id
      left join report_case_placements cp on cp.case_id = c.id
      group by 1, 2, 3, 4, 5`,
    sql`
      insert into outcome_stage_cases (creditor_id, mandate_id, placement_id, vintage, stage, cases)
      select c.creditor_id, c.mandate_id, cp.placement_id, date_trunc('month', c.opened_on)::date, c.stage, count(*)
      from cases c
      left join report_case_placements cp on cp.case_id = c.id
      group by 1, 2, 3, 4, 5`,
    sql`
      insert into outcome_stage_flows (creditor_id, mandate_id, placement_id, month, from_stage, to_stage, moves)
      select c.creditor_id, c.mandate_id, cp.placement_id, ${monthOf('h.changed_at', zone)}, coalesce(h.from_stage, 'placed'),
             h.to_stage, count(*)
      from case_stage_history h
      join cases c on c.id = h.case_id
      left join report_case_placements cp on cp.case_id = c.id
      group by 1, 2, 3, 4, 5, 6`,
  ];
  let written = 0;
  for (const statement of statements) written += Number((await statement.execute(trx)).numAffectedRows ?? 0);
  return written;
}
