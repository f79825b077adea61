import { sql, type Expression, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { IsoDate } from '../platform/calendar/dates.js';
import type { DB } from '../platform/db/schema.js';
import { timeBarredCases } from '../time-bars/time-barred-sql.js';
import { BLOCKING_HOLDS, ESCALATION_BLOCKS, type BlockFilter, type EscalationBlock } from './core/review.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The block an active hold of the case is, as a SQL case written from `BLOCKING_HOLDS`. */
function holdBlockSql() {
  const arms = Object.entries(BLOCKING_HOLDS).map(([kind, block]) => sql`when ${sql.lit(kind)} then ${sql.lit(block)}`);
  return sql`case h.kind ${sql.join(arms, sql` `)} end`;
}

const held = (block: EscalationBlock) => sql`${sql.lit(block)} = any(coalesce(h.blocks, '{}'))`;

/** Each block's condition over the facts joined below, the order and the set `ESCALATION_BLOCKS`'s. */
const CONDITIONS: Readonly<Record<EscalationBlock, RawBuilder<unknown>>> = {
  case_closed: sql`c.status = 'closed' or c.stage = 'closed'`,
  already_judicial: sql`c.stage = 'judicial'`,
  nothing_owed: sql`coalesce(cl.open, 0) = 0 or coalesce(cl.owed, 0) <= 0`,
  time_barred: sql`bar.case_id is not null or ${held('time_barred')}`,
  dispute_open: sql`ds.case_id is not null or c.stage = 'dispute' or ${held('dispute_open')}`,
  overindebtedness: sql`c.stage = 'overindebtedness' or ${held('overindebtedness')}`,
  enforcement_stayed: held('enforcement_stayed'),
  debtor_deceased: sql`c.stage = 'deceased' or d.deceased_on is not null or ${held('debtor_deceased')}`,
  vulnerability_review: held('vulnerability_review'),
  below_threshold: sql`coalesce(cl.owed, 0) > 0 and cl.owed < m.judicial_threshold_cents`,
  no_forbearance_offered: sql`pv.case_id is null`,
};

/**
 * The blocks of the cases `caseIds` selects, as a derived table (case_id, blocks): `core/review.ts`
 * `escalationBlocks` in SQL, set-based, each kind of fact aggregated once over those cases and joined, so the queue is
 * filtered and counted by block without reading its cases one by one (a test holds both equal on every case of the
 * demo, on both engines). The blocks come in the order of `ESCALATION_BLOCKS`.
 */
export function caseBlocks(caseIds: Expression<unknown> | RawBuilder<unknown>, today: IsoDate) {
  const blocks = ESCALATION_BLOCKS.map((block) => sql`case when ${CONDITIONS[block]} then ${sql.lit(block)} end`);
  return sql<{ case_id: string; blocks: EscalationBlock[] }>`(
    with scope as not materialized (select s.case_id from (${caseIds}) s(case_id))
    select c.id as case_id, array_remove(array[${sql.join(blocks)}]::text[], null) as blocks
    from cases c
    join scope on scope.case_id = c.id
    join mandates m on m.id = c.mandate_id
    join debtors d on d.id = c.debtor_id
    left join (
      select case_id, count(*) as open,
        sum(principal_cents - settled_principal_cents + interest_cents - settled_interest_cents) as owed
      from claims where status = 'open' and case_id in (select case_id from scope) group by case_id
    ) cl on cl.case_id = c.id
    left join ${timeBarredCases(sql`select case_id from scope`, today)} bar on bar.case_id = c.id
    left join (
      select distinct case_id from disputes
      where status in ('evidence_requested', 'answered') and case_id in (select case_id from scope)
    ) ds on ds.case_id = c.id
    left join (
      select hc.id as case_id, array_agg(${holdBlockSql()}) as blocks
      from holds h join cases hc on hc.debtor_id = h.debtor_id and (h.case_id is null or h.case_id = hc.id)
      where h.status = 'active' and hc.id in (select case_id from scope)
      group by hc.id
    ) h on h.case_id = c.id
    left join (
      select distinct p.case_id from plan_versions v join plans p on p.id = v.plan_id
      where p.case_id in (select case_id from scope)
    ) pv on pv.case_id = c.id
  )`;
}

/** What a filter keeps of a row of `caseBlocks` aliased `b`, as a condition. */
function keptSql(filter: BlockFilter) {
  if (filter === 'none') return sql<boolean>`cardinality(b.blocks) = 0`;
  if (filter === 'any') return sql<boolean>`cardinality(b.blocks) > 0`;
  return sql<boolean>`${filter} = any(b.blocks)`;
}

/**
 * A page of the cases `caseIds` selects that a filter keeps, and how many it keeps, in one statement: their blocks
 * computed once (the table `b`), the page (`page.query`, which reads its cases from `kept`; its rows in `page.order`,
 * over the columns of `page`) and the count read from it.
 */
export async function pageKeptByFilter<Row>(
  db: Db,
  caseIds: Expression<unknown>,
  filter: BlockFilter,
  page: { query: Expression<unknown>; order: RawBuilder<unknown> },
  today: IsoDate,
): Promise<{ rows: Row[]; total: number }> {
  const result = await sql<{ rows: Row[] | null; total: number }>`
    with kept as materialized (select b.case_id from ${caseBlocks(caseIds, today)} b where ${keptSql(filter)}),
    page as (${page.query})
    select (select json_agg(page order by ${page.order}) from page) as rows,
      (select count(*)::int from kept) as total`.execute(db);
  const row = result.rows[0]!;
  return { rows: row.rows ?? [], total: row.total };
}

export interface BlockCounts {
  /** Every waiting review the reader may see. */
  all: number;
  /** Those nothing blocks: a person may escalate them now. */
  escalable: number;
  /** Those something blocks (a review blocked twice is counted once here, and under each of its blocks). */
  blocked: number;
  byBlock: Record<EscalationBlock, number>;
}

/** How many of the cases `caseIds` selects each state counts, in one aggregate over their blocks. */
export async function countBlocks(db: Db, caseIds: Expression<unknown>, today: IsoDate): Promise<BlockCounts> {
  const perBlock = ESCALATION_BLOCKS.map(
    (block) => sql`count(*) filter (where ${sql.lit(block)} = any(b.blocks))::int as ${sql.ref(block)}`,
  );
  const result = await sql<Record<EscalationBlock | 'all' | 'escalable', number>>`
    select count(*)::int as "all", count(*) filter (where cardinality(b.blocks) = 0)::int as escalable,
      ${sql.join(perBlock)}
    from ${caseBlocks(caseIds, today)} b`.execute(db);
  const row = result.rows[0]!;
  const byBlock = Object.fromEntries(ESCALATION_BLOCKS.map((block) => [block, row[block]])) as Record<
    EscalationBlock,
    number
  >;
  return { all: row.all, escalable: row.escalable, blocked: row.all - row.escalable, byBlock };
}

/** The blocks of every case, for the test that holds them equal to the core's. */
export async function blocksOfCases(db: Db, today: IsoDate): Promise<Map<string, EscalationBlock[]>> {
  const rows = await sql<{ case_id: string; blocks: EscalationBlock[] }>`
    select b.case_id, b.blocks from ${caseBlocks(sql`select id from cases`, today)} b`.execute(db);
  return new Map(rows.rows.map((row) => [row.case_id, row.blocks]));
}
