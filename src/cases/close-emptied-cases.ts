import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { CASE_CHANGES } from './core/lifecycle.js';

export interface CloseEmptiedCases {
  /** A query answering `case_id` rows: the cases a placement file touched. */
  caseIds: RawBuilder<unknown>;
  actorUserId: string | null;
  now: Date;
  /** The agency's date of the import (the closing date). */
  today: string;
}

/**
 * The set-based form of the lifecycle's `recalled` and `closed_by_creditor` changes, for an import that touches
 * thousands of cases at once: of the given cases, those still open with no open claim left close (as recalled when
 * one of their claims was recalled, as settled otherwise), each with the stage history line and the one timeline
 * event `decideCaseChange` gives, in the caller's transaction. A closed case is left out (the rule refuses it), as
 * is one with an open claim. `close-emptied-cases.test.ts` checks that both forms write the same rows.
 */
export async function closeEmptiedCases(trx: Transaction<DB>, p: CloseEmptiedCases): Promise<number> {
  const recalled = CASE_CHANGES.recalled.summary({ reason: 'recalled' }).key;
  const closedByCreditor = CASE_CHANGES.closed_by_creditor.summary({ reason: 'closed_by_creditor' }).key;
  const { rows } = await sql<{ closed: number }>`
    with closing as materialized (
      select c.id, c.debtor_id, c.stage as from_stage, c.status as from_status,
        case when exists (select 1 from claims r where r.case_id = c.id and r.status = 'recalled')
             then 'recalled' else 'closed_by_creditor' end as reason
      from cases c
      where c.id in (${p.caseIds}) and c.status <> 'closed'
        and not exists (select 1 from claims o where o.case_id = c.id and o.status = 'open')
      for update
    ),
    described as (
      select k.*, case when k.reason = 'recalled' then 'recalled' else 'settled' end as close_reason,
        case when k.reason = 'recalled' then ${recalled}::text else ${closedByCreditor}::text end as summary_key
      from closing k
    ),
    closed as (
      update cases c set status = 'closed', stage = 'closed', close_reason = d.close_reason, closed_on = ${p.today}::date,
        balance_cents = 0, stage_changed_at = ${p.now}, updated_at = ${p.now}
      from described d where c.id = d.id
      returning c.id
    ),
    history as (
      insert into case_stage_history (case_id, from_stage, to_stage, changed_at, changed_by, reason_key)
      select id, from_stage, 'closed', ${p.now}::timestamptz, ${p.actorUserId}::uuid, summary_key from described
    ),
    events as (
      insert into case_events (case_id, debtor_id, occurred_at, kind, summary_key, actor_user_id, data)
      select id, debtor_id, ${p.now}::timestamptz, 'stage_change', summary_key, ${p.actorUserId}::uuid,
        jsonb_build_object('reason', reason, 'fromStage', from_stage, 'toStage', 'closed', 'fromStatus', from_status,
          'toStatus', 'closed', 'closeReason', close_reason)
      from described
    )
    select count(*)::int as closed from closed`.execute(trx);
  return rows[0]?.closed ?? 0;
}
