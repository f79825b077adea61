import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { bulkId } from '../platform/db/bulk-ids.js';
import type { DB } from '../platform/db/schema.js';
import type { CaseEventKind, RecordText } from './core/record-texts.js';

export { CASE_EVENT_KINDS, recordText, type CaseEventKind } from './core/record-texts.js';

export interface CaseEvent {
  caseId: string;
  debtorId: string;
  at: Date;
  kind: CaseEventKind;
  /** What happened, by key with its parameters: the web app says it in the reader's language. */
  summary: RecordText;
  actorUserId?: string | null | undefined;
  channel?: 'phone' | 'sms' | 'email' | 'letter' | 'portal' | null | undefined;
  direction?: 'outbound' | 'inbound' | null | undefined;
  outcome?: string | null | undefined;
  data?: Record<string, unknown> | undefined;
}

/**
 * Appends one line to a case's timeline. Like the audit trail, it runs inside the transaction of the change it
 * records, so that the change and its line commit or vanish together.
 */
export async function appendCaseEvent(trx: Transaction<DB> | Kysely<DB>, event: CaseEvent): Promise<void> {
  await appendCaseEventLines(trx, [event]);
}

/** Several lines, each on its own case, in one statement (a batch of payments), in the given order. */
export async function appendCaseEventLines(
  trx: Transaction<DB> | Kysely<DB>,
  events: readonly CaseEvent[],
): Promise<void> {
  if (!trx.isTransaction) throw new Error('appendCaseEvent must run inside the transaction of the change it records');
  if (events.length === 0) return;
  await trx.insertInto('case_events').values(caseEventRows(events)).execute();
}

/** The rows of `case_events` these lines are (for a statement that writes them beside other rows). */
export function caseEventRows(events: readonly CaseEvent[]) {
  return events.map((event) => ({
    case_id: event.caseId,
    debtor_id: event.debtorId,
    occurred_at: event.at,
    kind: event.kind,
    summary_key: event.summary.key,
    summary_params: JSON.stringify(event.summary.params),
    actor_user_id: event.actorUserId ?? null,
    channel: event.channel ?? null,
    direction: event.direction ?? null,
    outcome: event.outcome ?? null,
    data: JSON.stringify(event.data ?? {}),
  }));
}

/** The same line on many cases at once (a bulk import): the cases given by a query of their ids. */
export interface CaseEventsForCases {
  /** A query returning one column of case ids. */
  caseIds: RawBuilder<unknown>;
  at: Date;
  kind: CaseEventKind;
  summary: RecordText;
  actorUserId: string | null;
  data: Record<string, unknown>;
  /** The ids from the transaction's key (`startBulkIds`, platform/db/bulk-ids.ts), for an import's many lines. */
  bulkIds?: boolean;
}

/**
 * The set-based twin of `appendCaseEvent`: one line on each case the query names, each with its own debtor, in one
 * statement and inside the transaction of the change it records.
 */
export async function appendCaseEvents(trx: Transaction<DB> | Kysely<DB>, events: CaseEventsForCases): Promise<void> {
  if (!trx.isTransaction) throw new Error('appendCaseEvents must run inside the transaction of the change it records');
  await sql`
    insert into case_events (id, case_id, debtor_id, occurred_at, kind, summary_key, summary_params, actor_user_id, data)
    select ${events.bulkIds ? bulkId : sql`uuid_time_ordered()`}, c.id, c.debtor_id, ${events.at}::timestamptz, ${events.kind}::text, ${events.summary.key}::text,
      ${JSON.stringify(events.summary.params)}::jsonb, ${events.actorUserId}::uuid, ${JSON.stringify(events.data)}::jsonb
    from cases c
    where c.id in (${events.caseIds})
    -- In case order, whatever the plan: the index on case_events.case_id and the checks of its foreign keys then walk
    -- forward. Left to a hashed plan, 1,000,000 lines in no order took 26.5 s instead of 14.3 s.
    order by c.id`.execute(trx);
}
