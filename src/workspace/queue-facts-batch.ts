import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { CompiledPolicy } from '../contact-policy/core/compile.js';
import type { ContactFacts } from '../contact-policy/core/facts.js';
import { careFactColumns, historyReachMs, toFacts, type FactRow } from '../contact-policy/load-facts.js';
import { localDateOf } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import { toQueueFacts, type LoadedQueueFacts, type QueueFactRow } from './queue-facts.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The cases of a batch with what the strategy reads and what the contact policy reads about a phone call now. */
export interface QueueBatch {
  cases: LoadedQueueFacts[];
  contactFacts: Map<string, ContactFacts>;
}

interface BaseRow {
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
  deceased_on: string | null;
  first_letter_sent_on: string | null;
}

type Keyed<T> = { key: string } & T;
type CallbackRow = FactRow['callbacks'][number] & { case_id: string | null };
interface DebtorRows {
  address: Map<string, NonNullable<FactRow['address']>>;
  holds: Map<string, FactRow['holds']>;
  optOuts: Map<string, FactRow['opt_outs']>;
  points: Map<string, FactRow['points']>;
  preferences: Map<string, NonNullable<FactRow['preferences']>>;
  callbacks: Map<string, CallbackRow[]>;
  history: Map<string, FactRow['history']>;
  care: Map<string, NonNullable<FactRow['care']>>;
}
interface CaseRows {
  lastOutcome: Map<string, string | null>;
  promises: Map<string, { broken_promises: number; open_promise: QueueFactRow['open_promise'] }>;
  plans: Map<string, { plan_status: string; plan_late: boolean }>;
  tasks: Map<string, QueueFactRow['tasks']>;
}

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
const uuids = (ids: readonly string[]) => sql`${ids as string[]}::uuid[]`;

/**
 * The first and last debtor of a batch, in id order. Every read of a batch also says "and the debtor id lies in this
 * range": for a batch of neighbouring debtors (the nightly rebuild takes them in id order) the planner then reads an
 * index range instead of scanning the whole table with the batch's ids as a filter, which it prefers for 5,000 ids
 * and which grows with the table (at 1,000,000 cases, 150–200 ms a table a batch). A wide range changes nothing.
 */
export interface DebtorRange {
  from: string;
  to: string;
}

function debtorRangeOf(debtorIds: readonly string[]): DebtorRange | null {
  if (debtorIds.length === 0) return null;
  // Lower-case uuids sort as text the way PostgreSQL sorts them as uuids.
  let from = debtorIds[0]!;
  let to = from;
  for (const id of debtorIds) {
    if (id < from) from = id;
    if (id > to) to = id;
  }
  return { from, to };
}

const within = (range: DebtorRange | null, column: string) =>
  range ? sql`and ${sql.raw(column)} between ${range.from}::uuid and ${range.to}::uuid` : sql``;

/** Runs a query whose rows carry a `key`, and keeps its one value column by key. */
async function byKey<T>(db: Db, query: RawBuilder<Keyed<{ value: T }>>): Promise<Map<string, T>> {
  const { rows } = await query.execute(db);
  return new Map(rows.map((row) => [row.key, row.value]));
}

/**
 * The facts of a batch of cases, set-based: the cases in one query, then one query per kind of fact over the whole
 * batch (arrays grouped in SQL, in the order the per-debtor query gives them), assembled in memory into exactly what
 * `loadQueueFacts` and `loadContactFactsMany` give for the same cases. The nightly rebuild reads a million cases so.
 */
export async function loadQueueBatch(
  db: Db,
  caseIds: readonly string[],
  now: Date,
  policy: CompiledPolicy,
  range: DebtorRange | null = null,
): Promise<QueueBatch> {
  if (caseIds.length === 0) return { cases: [], contactFacts: new Map() };
  // (Not the debtors' range on the debtors: the planner then walks that range once per case, seconds a batch.)
  const { rows: base } = await sql<BaseRow>`
    select c.id as case_id, c.debtor_id, c.creditor_id, cr.code as creditor_code, c.stage, c.status, c.balance_cents,
      (${localDateOf(now, 'UTC')}::date - c.opened_on) as age_days, d.language, c.assigned_team_id, d.deceased_on,
      c.first_letter_sent_on
    from cases c
    join creditors cr on cr.id = c.creditor_id
    join debtors d on d.id = c.debtor_id
    where c.id = any(${uuids(caseIds)}) ${within(range, 'c.debtor_id')}`.execute(db);
  const debtorIds = [...new Set(base.map((row) => row.debtor_id))];
  const ids = base.map((row) => row.case_id);
  const span = range ?? debtorRangeOf(debtorIds);
  const [debtors, cases] = await Promise.all([
    debtorRows(db, debtorIds, span, { at: now, policy }),
    caseRows(db, ids, span),
  ]);
  const loaded: LoadedQueueFacts[] = [];
  const contactFacts = new Map<string, ContactFacts>();
  for (const row of base) {
    loaded.push(toQueueFacts(queueRow(row, debtors, cases)));
    if (row.status !== 'closed') contactFacts.set(row.case_id, toFacts(factRow(row, debtors), row.case_id));
  }
  return { cases: loaded, contactFacts };
}

function queueRow(row: BaseRow, debtors: DebtorRows, cases: CaseRows): QueueFactRow {
  const holds = debtors.holds.get(row.debtor_id) ?? [];
  const promises = cases.promises.get(row.case_id);
  const plan = cases.plans.get(row.case_id);
  return {
    case_id: row.case_id,
    debtor_id: row.debtor_id,
    creditor_id: row.creditor_id,
    creditor_code: row.creditor_code,
    stage: row.stage,
    status: row.status,
    balance_cents: row.balance_cents,
    age_days: row.age_days,
    language: row.language,
    assigned_team_id: row.assigned_team_id,
    time_zone: debtors.address.get(row.debtor_id)?.time_zone ?? null,
    last_outcome: cases.lastOutcome.get(row.case_id) ?? null,
    broken_promises: promises?.broken_promises ?? 0,
    open_promise: promises?.open_promise ?? null,
    plan_status: plan?.plan_status ?? null,
    plan_late: plan?.plan_late ?? false,
    // A care hold on the debtor or this case, or a vulnerability record of the debtor's still in force.
    vulnerable:
      debtors.care.has(row.debtor_id) ||
      holds.some((hold) => hold.kind === 'vulnerability' && (hold.case_id === null || hold.case_id === row.case_id)),
    callbacks: (debtors.callbacks.get(row.debtor_id) ?? [])
      .filter((callback) => callback.case_id === row.case_id)
      .map((callback) => callback.at),
    tasks: cases.tasks.get(row.case_id) ?? [],
  };
}

function factRow(row: BaseRow, debtors: DebtorRows): FactRow {
  const address = debtors.address.get(row.debtor_id) ?? null;
  return {
    id: row.debtor_id,
    deceased_on: row.deceased_on,
    address,
    has_address: address !== null,
    cases: [{ id: row.case_id, status: row.status, first_letter_sent_on: row.first_letter_sent_on }],
    holds: debtors.holds.get(row.debtor_id) ?? [],
    opt_outs: debtors.optOuts.get(row.debtor_id) ?? [],
    points: debtors.points.get(row.debtor_id) ?? [],
    preferences: debtors.preferences.get(row.debtor_id) ?? null,
    callbacks: (debtors.callbacks.get(row.debtor_id) ?? []).map((callback) => ({
      channel: callback.channel,
      at: callback.at,
    })),
    history: debtors.history.get(row.debtor_id) ?? [],
    care: debtors.care.get(row.debtor_id) ?? null,
  };
}

/** What the contact policy reads about the debtors of the batch: one query per kind, grouped by debtor in SQL. */
async function debtorRows(
  db: Db,
  debtorIds: readonly string[],
  range: DebtorRange | null,
  { at, policy }: { at: Date; policy: CompiledPolicy },
): Promise<DebtorRows> {
  const ids = uuids(debtorIds);
  const reachMs = historyReachMs(policy);
  const from = new Date(at.getTime() - reachMs);
  const to = new Date(at.getTime() + reachMs);
  const [address, holds, optOuts, points, preferences, callbacks, history, care] = await Promise.all([
    byKey<NonNullable<FactRow['address']>>(
      db,
      sql`select distinct on (a.debtor_id) a.debtor_id as key,
            json_build_object('country', a.country, 'subdivision', a.subdivision, 'time_zone', a.time_zone) as value
          from debtor_addresses a where a.debtor_id = any(${ids}) ${within(range, 'a.debtor_id')}
          order by a.debtor_id, a.is_primary desc, a.created_at desc, a.id desc`,
    ),
    byKey<FactRow['holds']>(
      db,
      sql`select h.debtor_id as key, json_agg(json_build_object('case_id', h.case_id, 'kind', h.kind,
            'starts_at', ${ms('h.starts_at')}, 'ends_at', ${ms('h.ends_at')}, 'review_at', ${ms('h.review_at')})
            order by h.starts_at, h.id) as value
          from holds h where h.debtor_id = any(${ids}) ${within(range, 'h.debtor_id')} and h.status = 'active' group by h.debtor_id`,
    ),
    byKey<FactRow['opt_outs']>(
      db,
      sql`select o.debtor_id as key, json_agg(json_build_object('channel', o.channel, 'at', ${ms('o.opted_out_at')})) as value
          from contact_opt_outs o where o.debtor_id = any(${ids}) ${within(range, 'o.debtor_id')} and o.withdrawn_at is null group by o.debtor_id`,
    ),
    byKey<FactRow['points']>(
      db,
      sql`select p.debtor_id as key, json_agg(json_build_object('channel', p.channel, 'usage', p.usage,
            'consent', p.consent, 'opted_out', p.opted_out_at is not null, 'wrong', p.wrong_number_at is not null or p.undeliverable_at is not null)) as value
          from debtor_contact_points p where p.debtor_id = any(${ids}) ${within(range, 'p.debtor_id')} group by p.debtor_id`,
    ),
    byKey<NonNullable<FactRow['preferences']>>(
      db,
      sql`select cp.debtor_id as key, json_build_object('channels', cp.channels, 'windows', cp.windows) as value
          from contact_preferences cp where cp.debtor_id = any(${ids}) ${within(range, 'cp.debtor_id')}`,
    ),
    byKey<CallbackRow[]>(
      db,
      sql`select cb.debtor_id as key, json_agg(json_build_object('channel', cb.channel, 'at', ${ms('cb.callback_at')},
            'case_id', cb.case_id) order by cb.callback_at, cb.id) as value
          from contact_callbacks cb where cb.debtor_id = any(${ids}) ${within(range, 'cb.debtor_id')} and cb.status = 'pending' group by cb.debtor_id`,
    ),
    byKey<FactRow['history']>(
      db,
      sql`select k.debtor_id as key, json_agg(json_build_object('at', ${ms('k.occurred_at')}, 'channel', k.channel,
            'direction', k.direction, 'conversation', k.conversation) order by k.occurred_at, k.id) as value
          from contacts k where k.debtor_id = any(${ids}) ${within(range, 'k.debtor_id')} and k.occurred_at > ${from} and k.occurred_at < ${to}
          group by k.debtor_id`,
    ),
    byKey<NonNullable<FactRow['care']>>(
      db,
      sql`select v.debtor_id as key, ${careFactColumns(at, policy)} as value
          from vulnerabilities v where v.debtor_id = any(${ids}) ${within(range, 'v.debtor_id')} and v.status in ('active', 'review_due')
          group by v.debtor_id`,
    ),
  ]);
  return { address, holds, optOuts, points, preferences, callbacks, history, care };
}

/** What the strategy reads about the cases of the batch: one query per kind, grouped by case in SQL. */
async function caseRows(db: Db, caseIds: readonly string[], range: DebtorRange | null): Promise<CaseRows> {
  const ids = uuids(caseIds);
  const [lastOutcome, promiseRows, planRows, tasks] = await Promise.all([
    byKey<string | null>(
      db,
      sql`select distinct on (k.case_id) k.case_id as key, coalesce(r.result, k.outcome) as value
          from contacts k left join call_records r on r.contact_id = k.id
          where k.case_id = any(${ids}) ${within(range, 'k.debtor_id')} order by k.case_id, k.occurred_at desc, k.id desc`,
    ),
    sql<Keyed<{ broken_promises: number; open_promise: QueueFactRow['open_promise'] }>>`
      select p.case_id as key, (count(*) filter (where p.status = 'broken'))::int as broken_promises,
        (json_agg(json_build_object('dueOn', p.due_on, 'amountCents', p.amount_cents)) filter (where p.status = 'open')) -> 0
          as open_promise
      from promises p where p.case_id = any(${ids}) ${within(range, 'p.debtor_id')} and p.status in ('broken', 'open') group by p.case_id`.execute(
      db,
    ),
    sql<Keyed<{ plan_status: string; plan_late: boolean }>>`
      select distinct on (pl.case_id) pl.case_id as key, pl.status as plan_status,
        exists (select 1 from plans p2 join plan_instalments i on i.plan_id = p2.id
          where p2.case_id = pl.case_id and p2.status = 'active' and i.status = 'late') as plan_late
      from plans pl where pl.case_id = any(${ids}) ${within(range, 'pl.debtor_id')} order by pl.case_id, pl.created_at desc, pl.id desc`.execute(
      db,
    ),
    byKey<QueueFactRow['tasks']>(
      db,
      sql`select t.case_id as key, json_agg(json_build_object('kind', t.kind, 'dueAt', ${ms('t.due_at')})
            order by t.due_at, t.id) as value
          from case_tasks t where t.case_id = any(${ids}) ${within(range, 't.debtor_id')} and t.status = 'open' group by t.case_id`,
    ),
  ]);
  return {
    lastOutcome,
    promises: new Map(promiseRows.rows.map(({ key, ...row }) => [key, row])),
    plans: new Map(planRows.rows.map(({ key, ...row }) => [key, row])),
    tasks,
  };
}
