import { sql, type Expression, type RawBuilder } from 'kysely';
import type { IsoDate } from '../platform/calendar/dates.js';
import type { DB } from '../platform/db/schema.js';
import { claimKindOf, TIME_BAR_COUNTRIES } from './core/time-bar.js';

type ContractType = DB['claims']['contract_type'];

/** Every contract type a claim may have (the record makes the compiler name a new one). */
const CONTRACT_TYPES = Object.keys({
  consumer_credit: 1,
  energy: 1,
  other: 1,
  overdraft: 1,
  rent: 1,
  telecom: 1,
} satisfies Record<ContractType, 1>) as ContractType[];

/** `claimKindOf` as a table of every input it takes, written from the function itself, so both never differ. */
function claimKinds() {
  const rows = CONTRACT_TYPES.flatMap((type) =>
    TIME_BAR_COUNTRIES.flatMap((country) =>
      [true, false].map(
        (person) =>
          sql`(${sql.lit(type)}, ${sql.lit(country)}, ${sql.lit(person)}, ${sql.lit(claimKindOf(type, country, person))})`,
      ),
    ),
  );
  return sql`(values ${sql.join(rows)}) k(contract_type, country, person, kind)`;
}

/**
 * `ruleInForce` as spans: each row of the rules holds from its day to the next row's (the oldest from the beginning of
 * time: it governs the claims older than every row), so the row in force on a day is found by a join.
 */
const RULE_SPANS = sql`
  select country, claim_kind, years,
    case when lag(valid_from) over w is null then '-infinity'::date else valid_from end as from_day,
    coalesce(lead(valid_from) over w, 'infinity'::date) as until_day
  from time_bar_rules window w as (partition by country, claim_kind order by valid_from)`;

/**
 * The cases among `caseIds` with an open claim time-barred on `today`: `core/time-bar.ts` `computeTimeBar` in SQL,
 * set-based, for lists filtered by it (a test holds both equal on the demo, on several days, on both engines).
 *
 * Why no loop is needed: the interruptions are counted in date order and each one counted moves the last day to its
 * own anniversary, which never comes earlier (the period only lengthens, at a judgment). So a claim is time-barred
 * exactly when, along its start, its interruptions up to today and today itself, one step is longer than the period
 * in force at the step's beginning (the longest of the claim's rule and the judgment rules met so far): the first
 * such step is where the bar was reached, and no later interruption revives it.
 */
export function timeBarredCases(caseIds: Expression<unknown> | RawBuilder<unknown>, today: IsoDate) {
  return sql<{ case_id: string }>`(
    with spans as materialized (${RULE_SPANS}),
    open_claims as materialized (
      select cl.id as claim_id, cl.case_id, cl.default_on as start_on, cl.last_payment_on, cl.contract_type,
        case when cr.country = 'IT' then 'IT' else 'FR' end as country, d.kind = 'person' as person
      from claims cl
      join cases c on c.id = cl.case_id
      join creditors cr on cr.id = c.creditor_id
      join debtors d on d.id = c.debtor_id
      where cl.status = 'open' and cl.case_id in (${caseIds})
    ),
    claim_rule as (
      select o.claim_id, o.case_id, o.start_on, o.last_payment_on, o.country, base.years
      from open_claims o
      join ${claimKinds()} on k.contract_type = o.contract_type and k.country = o.country and k.person = o.person
      join spans base on base.country = k.country and base.claim_kind = k.kind
        and o.start_on >= base.from_day and o.start_on < base.until_day
      -- Barred only once a whole period has run from the start (the period never shortens): younger claims are not.
      where (o.start_on + make_interval(years => base.years))::date < ${today}::date
    ),
    steps as (
      select claim_id, case_id, start_on, start_on as on_day, years from claim_rule
      union all
      select claim_id, case_id, start_on, last_payment_on, years from claim_rule where last_payment_on is not null
      union all
      select r.claim_id, r.case_id, r.start_on, p.received_on, r.years
      from claim_rule r join payments p on p.case_id = r.case_id and p.reversed_at is null
      union all
      select r.claim_id, r.case_id, r.start_on, i.occurred_on, greatest(r.years, coalesce(j.years, 0))
      from claim_rule r
      join claim_interruptions i on i.claim_id = r.claim_id
      left join spans j on i.kind = 'judgment' and j.country = r.country and j.claim_kind = 'judgment'
        and i.occurred_on >= j.from_day and i.occurred_on < j.until_day
      union all
      select claim_id, case_id, start_on, ${today}::date, years from claim_rule
    ),
    running as (
      select claim_id, case_id, on_day, max(years) over (partition by claim_id order by on_day) as years
      from steps where on_day >= start_on and on_day <= ${today}::date
    ),
    chained as (
      select case_id, on_day, lag(on_day) over w as from_day, lag(years) over w as from_years
      from running window w as (partition by claim_id order by on_day)
    )
    select distinct case_id from chained where on_day > (from_day + make_interval(years => from_years))::date
  )`;
}
