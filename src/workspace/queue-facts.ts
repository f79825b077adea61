import { sql, type Kysely, type Transaction } from 'kysely';
import { isValidTimeZone, localDateOf } from '../platform/calendar/index.js';
import { DEFAULT_LOCATION } from '../contact-policy/load-facts.js';
import type { DB } from '../platform/db/schema.js';
import type { QueueFacts } from './core/queue-entry.js';
import type { LAST_OUTCOMES, PLAN_STATES, STRATEGY_STAGES } from './core/strategy-document.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface LoadedQueueFacts {
  facts: QueueFacts;
  debtorId: string;
  creditorId: string;
  status: string;
  assignedTeamId: string | null;
}

/** The facts of one case as the queries give them (this one, and the rebuild's set-based loader). */
export interface QueueFactRow {
  case_id: string;
  debtor_id: string;
  creditor_id: string;
  creditor_code: string;
  stage: string;
  status: string;
  balance_cents: string | number;
  age_days: number;
  language: string;
  assigned_team_id: string | null;
  time_zone: string | null;
  last_outcome: string | null;
  broken_promises: number;
  open_promise: { dueOn: string; amountCents: number } | null;
  plan_status: string | null;
  plan_late: boolean;
  vulnerable: boolean;
  callbacks: number[];
  tasks: { kind: string; dueAt: number }[];
}

/**
 * What the strategy and the queue order look at, for many cases in one query: the nightly rebuild runs it over every
 * open case in batches, the sweep over the cases events touched. Instants come back as epoch milliseconds.
 */
export async function loadQueueFacts(db: Db, caseIds: readonly string[], now: Date): Promise<LoadedQueueFacts[]> {
  if (caseIds.length === 0) return [];
  const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
  const result = await sql<QueueFactRow>`
    select
      c.id as case_id, c.debtor_id, c.creditor_id, cr.code as creditor_code, c.stage, c.status, c.balance_cents,
      (${localDateOf(now, 'UTC')}::date - c.opened_on) as age_days, d.language, c.assigned_team_id,
      (select a.time_zone from debtor_addresses a where a.debtor_id = c.debtor_id order by a.is_primary desc, a.created_at desc, a.id desc limit 1) as time_zone,
      (select coalesce(r.result, k.outcome) from contacts k left join call_records r on r.contact_id = k.id
         where k.case_id = c.id order by k.occurred_at desc, k.id desc limit 1) as last_outcome,
      (select count(*)::int from promises p where p.case_id = c.id and p.status = 'broken') as broken_promises,
      (select json_build_object('dueOn', p.due_on, 'amountCents', p.amount_cents) from promises p
         where p.case_id = c.id and p.status = 'open') as open_promise,
      (select pl.status from plans pl where pl.case_id = c.id order by pl.created_at desc, pl.id desc limit 1) as plan_status,
      exists (select 1 from plans pl join plan_instalments i on i.plan_id = pl.id
         where pl.case_id = c.id and pl.status = 'active' and i.status = 'late') as plan_late,
      (exists (select 1 from holds h where h.debtor_id = c.debtor_id and h.status = 'active' and h.kind = 'vulnerability'
         and (h.case_id is null or h.case_id = c.id))
       or exists (select 1 from vulnerabilities v where v.debtor_id = c.debtor_id
         and v.status in ('active', 'review_due'))) as vulnerable,
      coalesce((select json_agg(${ms('cb.callback_at')} order by cb.callback_at, cb.id) from contact_callbacks cb
         where cb.debtor_id = c.debtor_id and cb.case_id = c.id and cb.status = 'pending'), '[]') as callbacks,
      coalesce((select json_agg(json_build_object('kind', t.kind, 'dueAt', ${ms('t.due_at')}) order by t.due_at, t.id) from case_tasks t
         where t.case_id = c.id and t.status = 'open'), '[]') as tasks
    from cases c
    join creditors cr on cr.id = c.creditor_id
    join debtors d on d.id = c.debtor_id
    where c.id = any(${caseIds as string[]}::uuid[])`.execute(db);
  return result.rows.map(toQueueFacts);
}

export function toQueueFacts(row: QueueFactRow): LoadedQueueFacts {
  return {
    debtorId: row.debtor_id,
    creditorId: row.creditor_id,
    status: row.status,
    assignedTeamId: row.assigned_team_id,
    facts: {
      caseId: row.case_id,
      creditorCode: row.creditor_code,
      stage: (row.stage === 'closed' ? 'amicable' : row.stage) as (typeof STRATEGY_STAGES)[number],
      balanceCents: Number(row.balance_cents),
      ageDays: Math.max(0, row.age_days),
      lastOutcome: (row.last_outcome ?? 'none') as (typeof LAST_OUTCOMES)[number],
      brokenPromises: row.broken_promises,
      planState: planState(row),
      vulnerable: row.vulnerable,
      language: (['fr', 'en', 'it'].includes(row.language) ? row.language : 'fr') as 'fr' | 'en' | 'it',
      timeZone: row.time_zone && isValidTimeZone(row.time_zone) ? row.time_zone : DEFAULT_LOCATION.timeZone,
      callbacks: row.callbacks,
      openPromise: row.open_promise
        ? { dueOn: String(row.open_promise.dueOn).slice(0, 10), amountCents: Number(row.open_promise.amountCents) }
        : null,
      openTasks: row.tasks,
    },
  };
}

function planState(row: QueueFactRow): (typeof PLAN_STATES)[number] {
  if (row.plan_status === null) return 'none';
  if (row.plan_status === 'active' && row.plan_late) return 'late';
  return row.plan_status as (typeof PLAN_STATES)[number];
}
