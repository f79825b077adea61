import { sql, type Kysely, type RawBuilder } from 'kysely';
import { withinScope } from '../cases/scope.js';
import type { Actor } from '../identity/actor.js';
import { localDateOf } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import type { Conditions, StrategyDocument } from './core/strategy-document.js';
import type { StrategyPreview } from './contract.js';
import { checkedStrategy } from './strategy-store.js';

type Fact = 'lastOutcome' | 'brokenPromises' | 'planState' | 'vulnerable';

/**
 * The facts the strategy looks at that need a look beyond the case (the same as `loadQueueFacts` reads), computed
 * only when a condition of the draft names them: a preview of stages and balances reads the cases alone.
 */
const FACT_COLUMNS: Record<Fact, RawBuilder<unknown>> = {
  lastOutcome: sql`coalesce((select coalesce(r.result, k.outcome) from contacts k
    left join call_records r on r.contact_id = k.id where k.case_id = c.id order by k.occurred_at desc, k.id desc limit 1),
    'none')`,
  brokenPromises: sql`(select count(*)::int from promises p where p.case_id = c.id and p.status = 'broken')`,
  planState: sql`coalesce((select case when pl.status = 'active' and exists (select 1 from plan_instalments i
    where i.plan_id = pl.id and i.status = 'late') then 'late' else pl.status end
    from plans pl where pl.case_id = c.id order by pl.created_at desc, pl.id desc limit 1), 'none')`,
  vulnerable: sql`(exists (select 1 from holds h where h.debtor_id = c.debtor_id and h.status = 'active'
    and h.kind = 'vulnerability' and (h.case_id is null or h.case_id = c.id))
    or exists (select 1 from vulnerabilities v where v.debtor_id = c.debtor_id and v.status in ('active', 'review_due')))`,
};

const FACT_NAMES: Record<Fact, string> = {
  lastOutcome: 'last_outcome',
  brokenPromises: 'broken_promises',
  planState: 'plan_state',
  vulnerable: 'vulnerable',
};

function factsNamed(when: Conditions): Fact[] {
  const facts: Fact[] = [];
  if (when.lastOutcomes) facts.push('lastOutcome');
  if (when.minBrokenPromises !== undefined) facts.push('brokenPromises');
  if (when.planStates) facts.push('planState');
  if (when.vulnerable !== undefined) facts.push('vulnerable');
  return facts;
}

/** A segment's conditions as one SQL condition on the facts row `f`, with the same meaning as `meets`. */
export function conditionSql(when: Conditions): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  const inList = (column: string, values: readonly string[]) => sql`${sql.ref(column)} = any(${[...values]}::text[])`;
  if (when.creditors) parts.push(inList('f.creditor_code', when.creditors));
  if (when.stages) parts.push(inList('f.stage', when.stages));
  if (when.minBalanceCents !== undefined) parts.push(sql`f.balance_cents >= ${when.minBalanceCents}`);
  if (when.maxBalanceCents !== undefined) parts.push(sql`f.balance_cents <= ${when.maxBalanceCents}`);
  if (when.minAgeDays !== undefined) parts.push(sql`f.age_days >= ${when.minAgeDays}`);
  if (when.maxAgeDays !== undefined) parts.push(sql`f.age_days <= ${when.maxAgeDays}`);
  if (when.lastOutcomes) parts.push(inList('f.last_outcome', when.lastOutcomes));
  if (when.minBrokenPromises !== undefined) parts.push(sql`f.broken_promises >= ${when.minBrokenPromises}`);
  if (when.planStates) parts.push(inList('f.plan_state', when.planStates));
  if (when.vulnerable !== undefined) parts.push(sql`f.vulnerable = ${when.vulnerable}`);
  if (when.languages) parts.push(inList('f.language', when.languages));
  return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * How many open cases in the reader's scope each segment of a draft strategy would take today (the first segment
 * whose conditions hold, as `segmentCase` decides), beside how many each segment holds in the queue now. One
 * set-based statement: the conditions become a `case` over the facts, grouped by segment.
 */
export async function previewStrategy(deps: Deps, actor: Actor, draft: unknown): Promise<StrategyPreview> {
  const strategy: StrategyDocument = checkedStrategy(draft);
  const needed = [...new Set(strategy.segments.flatMap((segment) => factsNamed(segment.when)))];
  const extra = needed.map((fact) => sql`, ${FACT_COLUMNS[fact]} as ${sql.ref(FACT_NAMES[fact])}`);
  const placed = sql.join(
    strategy.segments.map((segment, index) => sql`when ${conditionSql(segment.when)} then ${sql.lit(index)}`),
    sql` `,
  );
  const today = localDateOf(deps.now(), 'UTC');
  const counted = await deps.db
    .transaction()
    .execute(async (trx) => {
      // A draft's conditions can name facts read per case over every open case: bounded, so a broad draft on a
      // large portfolio answers "narrow it" rather than holding a connection the agents' queue needs.
      await sql`set local statement_timeout = ${sql.lit(PREVIEW_TIMEOUT_MS)}`.execute(trx);
      return countSegments(trx, actor, placed, extra, today);
    })
    .catch((error: unknown) => {
      if ((error as { code?: unknown }).code === QUERY_CANCELED) {
        throw new AppError(
          'strategy.preview_too_slow',
          503,
          `Counting this draft took longer than ${PREVIEW_TIMEOUT_MS / 1000} seconds: try again when the agency is quieter, or preview fewer conditions on the contact history at a time.`,
        );
      }
      throw error;
    });
  const [draftCounts, queueCounts] = counted;
  const byIndex = new Map(draftCounts.rows.map((row) => [row.segment, Number(row.cases)]));
  const inQueue = new Map(queueCounts.map((row) => [row.segment_id, Number(row.cases)]));
  const segments = strategy.segments.map((segment, index) => ({
    segmentId: segment.id,
    name: segment.name,
    cases: byIndex.get(index) ?? 0,
    inQueueNow: inQueue.get(segment.id) ?? 0,
  }));
  return { total: segments.reduce((sum, segment) => sum + segment.cases, 0), segments };
}

/** The longest a preview may count for (PostgreSQL cancels the statement; PGlite runs it to its end). */
const PREVIEW_TIMEOUT_MS = 20_000;
/** PostgreSQL's SQLSTATE for a statement cancelled by its timeout. */
const QUERY_CANCELED = '57014';

async function countSegments(
  db: Kysely<DB>,
  actor: Actor,
  placed: RawBuilder<unknown>,
  extra: RawBuilder<unknown>[],
  today: string,
) {
  return Promise.all([
    sql<{ segment: number | null; cases: number }>`
      with f as (
        select c.id, cr.code as creditor_code, c.stage, c.balance_cents,
          greatest(0, ${today}::date - c.opened_on) as age_days,
          case when d.language in ('fr', 'en', 'it') then d.language else 'fr' end as language
          ${sql.join(extra, sql` `)}
        from cases c join creditors cr on cr.id = c.creditor_id join debtors d on d.id = c.debtor_id
        where c.status <> 'closed' and ${withinScope(actor, 'c.creditor_id')}
      )
      select (case ${placed} end)::int as segment, count(*)::int as cases from f group by 1`.execute(db),
    db
      .selectFrom('case_queue')
      .select(['segment_id', (eb) => eb.fn.countAll<number>().as('cases')])
      .where(withinScope(actor, 'case_queue.creditor_id'))
      .groupBy('segment_id')
      .execute(),
  ]);
}
