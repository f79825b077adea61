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
 * both equal). One pass over the open cases of the reviewed stages, each fact read through its index (payments by
 * case, plans by case, the stage history by case, the reviews by case).
 */
function dueCases(zone: string) {
  const stages = sql.join(REVIEWED_STAGES.map((stage) => sql.lit(stage)));
  const live = sql.join(LIVE_PLAN_STATUSES.map((status) => sql.lit(status)));
  return sql`
    select c.id as case_id, c.debtor_id, c.creditor_id,
      greatest(
        greatest(
          c.opened_on,
          (select max(p.received_on) from payments p where p.case_id = c.id and p.reversed_at is null),
          (select max((pl.updated_at at time zone ${zone})::date) from plans pl
            where pl.case_id = c.id and pl.status not in (${live})),
          (select max((h.changed_at at time zone ${zone})::date) from case_stage_history h
            where h.case_id = c.id and h.from_stage = 'judicial' and h.to_stage = 'amicable')
        ) + m.judicial_review_days,
        (select max(r.next_review_on) from judicial_reviews r where r.case_id = c.id and r.decision = 'keep_amicable')
      ) as due_on
    from cases c
    join mandates m on m.id = c.mandate_id
    where c.status <> 'closed' and c.stage in (${stages})
      and not exists (select 1 from plans lp where lp.case_id = c.id and lp.status in (${live}))`;
}

/**
 * Brings the waiting reviews in step with the cases, in the caller's transaction: a case due on or before `today`
 * gets one waiting review (its due date kept current), a waiting review whose case is no longer due goes. Decided
 * reviews are never touched. Three statements whatever the number of cases.
 */
export async function refreshReviewQueueIn(trx: Db, today: IsoDate, zone: string, now: Date): Promise<QueueRefresh> {
  const removed = await sql<{ id: string }>`
    delete from judicial_reviews r
    where r.status = 'waiting'
      and not exists (select 1 from (${dueCases(zone)}) d where d.case_id = r.case_id and d.due_on <= ${today})
    returning r.id`.execute(trx);
  const written = await sql<{ added: boolean; moved: boolean }>`
    insert into judicial_reviews (case_id, debtor_id, creditor_id, due_on, status, created_at, updated_at)
    select d.case_id, d.debtor_id, d.creditor_id, d.due_on, 'waiting', ${now}, ${now}
    from (${dueCases(zone)}) d
    where d.due_on <= ${today}
    on conflict (case_id) where status = 'waiting'
      do update set due_on = excluded.due_on, updated_at = excluded.updated_at
      where judicial_reviews.due_on <> excluded.due_on
    returning (xmax = 0) as added, (xmax <> 0) as moved`.execute(trx);
  const waiting = await trx
    .selectFrom('judicial_reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return {
    added: written.rows.filter((row) => row.added).length,
    moved: written.rows.filter((row) => row.moved).length,
    removed: removed.rows.length,
    waiting: Number(waiting.n),
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
