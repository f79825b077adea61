import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { IsoDate } from '../platform/calendar/dates.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { LIVE_PLAN_STATUSES, REVIEWED_STAGES } from './core/review.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The nightly job's name (src/app/job-schedule.ts). */
export const JUDICIAL_REVIEW_QUEUE = 'judicial-review-queue';

export interface QueueRefresh {
  /** Waiting reviews added for cases that became due. */
  added: number;
  /** Waiting reviews whose due date moved (a payment, a plan ended). */
  moved: number;
  /** Waiting reviews removed because their case is no longer due (a plan, a payment, a closure, another stage). */
  removed: number;
  waiting: number;
}

/**
 * The due date of every open case a review looks at, set-based: `core/review.ts` `reviewDueOn` in SQL (a test holds
 * both equal). One pass over the open cases of the reviewed stages, each kind of fact (payments, plans, returns from
 * court, kept-amicable dates) aggregated by case once and joined, never asked case by case.
 */
function dueCases(zone: string) {
  const stages = sql.join(REVIEWED_STAGES.map((stage) => sql.lit(stage)));
  const live = sql.join(LIVE_PLAN_STATUSES.map((status) => sql.lit(status)));
  return sql`
    select c.id as case_id, c.debtor_id, c.creditor_id,
      greatest(
        greatest(c.opened_on, pay.last_on, pl.ended_on, back.returned_on) + m.judicial_review_days,
        kept.until
      ) as due_on
    from cases c
    join mandates m on m.id = c.mandate_id
    left join (
      select case_id, max(received_on) as last_on from payments where reversed_at is null group by case_id
    ) pay on pay.case_id = c.id
    left join (
      select case_id,
        max((updated_at at time zone ${zone})::date) filter (where status not in (${live})) as ended_on,
        bool_or(status in (${live})) as live
      from plans group by case_id
    ) pl on pl.case_id = c.id
    left join (
      select case_id, max((changed_at at time zone ${zone})::date) as returned_on from case_stage_history
      where from_stage = 'judicial' and to_stage = 'amicable' group by case_id
    ) back on back.case_id = c.id
    left join (
      select case_id, max(next_review_on) as until from judicial_reviews
      where decision = 'keep_amicable' group by case_id
    ) kept on kept.case_id = c.id
    where c.status <> 'closed' and c.stage in (${stages}) and pl.live is not true`;
}

/**
 * Brings the waiting reviews in step with the cases, in the caller's transaction: a case due on or before `today`
 * gets one waiting review (its due date kept current), a waiting review whose case is no longer due goes. Decided
 * reviews are never touched. One statement whatever the number of cases: the due cases are computed once, then the
 * removals and the insertions are written from them (data-modifying common table expressions).
 */
export async function refreshReviewQueueIn(trx: Db, today: IsoDate, zone: string, now: Date): Promise<QueueRefresh> {
  const result = await sql<{ added: number; moved: number; removed: number; waiting_before: number }>`
    with due as materialized (
      select d.* from (${dueCases(zone)}) d where d.due_on <= ${today}
    ),
    removed as (
      delete from judicial_reviews r
      where r.status = 'waiting' and not exists (select 1 from due where due.case_id = r.case_id)
      returning r.id
    ),
    written as (
      insert into judicial_reviews (case_id, debtor_id, creditor_id, due_on, status, created_at, updated_at)
      select due.case_id, due.debtor_id, due.creditor_id, due.due_on, 'waiting', ${now}, ${now} from due
      where not exists (
        select 1 from judicial_reviews w where w.case_id = due.case_id and w.status = 'waiting' and w.due_on = due.due_on
      )
      on conflict (case_id) where status = 'waiting'
        do update set due_on = excluded.due_on, updated_at = excluded.updated_at
        where judicial_reviews.due_on <> excluded.due_on
      returning (xmax = 0) as added
    )
    select
      (select count(*) from written where added)::int as added,
      (select count(*) from written where not added)::int as moved,
      (select count(*) from removed)::int as removed,
      (select count(*) from judicial_reviews where status = 'waiting')::int as waiting_before`.execute(trx);
  const row = result.rows[0]!;
  // The last count saw the table as it was before the statement: the waiting reviews now are those, less the
  // removed, plus the added.
  return {
    added: row.added,
    moved: row.moved,
    removed: row.removed,
    waiting: row.waiting_before - row.removed + row.added,
  };
}

/** The nightly refresh (job-schedule.ts): one transaction, no person, nothing audited (a queue, not a decision). */
export async function refreshReviewQueue(deps: Deps): Promise<QueueRefresh> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute((trx) => refreshReviewQueueIn(trx, today, deps.config.AGENCY_TZ, now));
}

/** A person refreshes the queue on demand: the same refresh, audited with its counts. */
export async function refreshReviewQueueAsked(
  deps: Deps,
  actor: Actor,
  requestId: string | null = null,
): Promise<QueueRefresh> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const counts = await refreshReviewQueueIn(trx, today, deps.config.AGENCY_TZ, now);
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'judicial_review.queue_refreshed',
      targetType: 'judicial_review_queue',
      targetId: null,
      creditorId: null,
      before: null,
      after: { ...counts, today },
      requestId,
      at: now,
    });
    return counts;
  });
}

/** The due date of every open case a review looks at, as the refresh computes it (for its test against the core). */
export async function reviewDueDates(db: Db, zone: string): Promise<Map<string, IsoDate>> {
  const rows = await sql<{ case_id: string; due_on: IsoDate }>`${dueCases(zone)}`.execute(db);
  return new Map(rows.rows.map((row) => [row.case_id, row.due_on]));
}
