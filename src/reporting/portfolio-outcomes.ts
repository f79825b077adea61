import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { creditorFilter } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import { CASE_STAGES, type PortfolioOutcomes, type PortfolioReportQuery } from './contract.js';
import { addMonths, monthsBetween, type IsoMonth } from './core/liquidation.js';
import {
  daysToFirstPayment,
  partBasisPoints,
  planFigures,
  promiseFigures,
  stageShares,
  type PlanState,
  type PromiseStatus,
} from './core/outcomes.js';
import { spanOf } from './portfolio-performance.js';

type Row = Record<string, string | number | null>;
const n = (value: unknown) => Number(value ?? 0);

/** Every month of the span, in order: a month with nothing happening still shows, as zeros. */
function monthsOf(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  return Array.from({ length: monthsBetween(from, to) + 1 }, (_, index) => addMonths(from, index));
}

/** The rows of one fact table summed over creditors and mandates, within the scope and the span. */
function reader(
  deps: Deps,
  scope: { creditorId: string | null; mandateId?: string | undefined; placementId?: string | undefined },
  from: IsoMonth,
  to: IsoMonth,
) {
  const { creditorId, mandateId, placementId } = scope;
  return async (table: string, dateColumn: string, columns: RawBuilder<unknown>, groupBy: string[]) => {
    const keys = groupBy.map((key) => sql.ref(key));
    const rows = await sql<Row>`
      select to_char(${sql.ref(dateColumn)}, 'YYYY-MM') as month${groupBy.length ? sql`, ${sql.join(keys)}` : sql``},
             ${columns}
      from ${sql.table(table)}
      where ${sql.ref(dateColumn)} >= ${`${from}-01`}::date and ${sql.ref(dateColumn)} <= ${`${to}-01`}::date
        ${creditorId ? sql`and creditor_id = ${creditorId}` : sql``}
        ${mandateId ? sql`and mandate_id = ${mandateId}` : sql``}
        ${placementId ? sql`and placement_id = ${placementId}` : sql``}
      group by ${sql.join([sql.ref(dateColumn), ...keys])}`.execute(deps.db);
    return rows.rows;
  };
}

/**
 * The portfolio's outcomes over the actor's scope (a creditor user reads its own creditor's, whatever it asks for)
 * and the portfolio report's span, from the facts the reporting job keeps (refresh-outcomes.ts): a few rows per month,
 * never the cases. Creditors and mandates in scope are added together; the creditor filter narrows to one, the
 * placement filter to the cases of one intake batch.
 */
export async function portfolioOutcomes(
  deps: Deps,
  actor: Actor,
  query: PortfolioReportQuery,
): Promise<PortfolioOutcomes> {
  const span = spanOf(deps, query);
  const scope = { creditorId: creditorFilter(actor, query.creditorId), mandateId: query.mandateId };
  const read = reader(deps, { ...scope, placementId: query.placementId }, span.from, span.to);
  const [placed, vintageContacts, firstPayments, stages, monthContacts, promises, plans, flows, refreshed] =
    await Promise.all([
      read('vintage_placed', 'vintage', sql`sum(cases) as cases`, []),
      read(
        'outcome_vintage_contacts',
        'vintage',
        sql`sum(attempts) as attempts, sum(right_party) as right_party, sum(reached_cases) as reached_cases`,
        [],
      ),
      read('outcome_first_payments', 'vintage', sql`sum(cases) as cases`, ['days']),
      read('outcome_stage_cases', 'vintage', sql`sum(cases) as cases`, ['stage']),
      read(
        'outcome_month_contacts',
        'month',
        sql`sum(attempts) as attempts, sum(right_party) as right_party, sum(worked_cases) as worked_cases,
            sum(reached_cases) as reached_cases`,
        [],
      ),
      read('outcome_promises', 'month', sql`sum(promises) as promises, sum(amount_cents) as amount_cents`, ['status']),
      read('outcome_plans', 'month', sql`sum(plans) as plans`, ['state']),
      read('outcome_stage_flows', 'month', sql`sum(moves) as moves`, ['from_stage', 'to_stage']),
      deps.db.selectFrom('performance_refreshes').select('refreshed_at').executeTakeFirst(),
    ]);
  const months = monthsOf(span.from, span.to);
  const inMonth = (rows: Row[], month: IsoMonth) => rows.filter((row) => row.month === month);
  return {
    ...span,
    refreshedAt: refreshed ? new Date(refreshed.refreshed_at).toISOString() : null,
    vintages: months.map((vintage) => {
      const cases = n(inMonth(placed, vintage)[0]?.cases);
      const contacts = inMonth(vintageContacts, vintage)[0];
      const attempts = n(contacts?.attempts);
      const rightParty = n(contacts?.right_party);
      const reachedCases = n(contacts?.reached_cases);
      const days = daysToFirstPayment(
        inMonth(firstPayments, vintage).map((row) => ({ days: n(row.days), cases: n(row.cases) })),
      );
      return {
        vintage,
        cases,
        attempts,
        rightParty,
        rightPartyBp: partBasisPoints(rightParty, attempts),
        reachedCases,
        reachedBp: partBasisPoints(reachedCases, cases),
        payingCases: days.payingCases,
        meanDaysToFirstPayment: days.meanDays,
        medianDaysToFirstPayment: days.medianDays,
      };
    }),
    months: months.map((month) => {
      const contacts = inMonth(monthContacts, month)[0];
      const [attempts, rightParty] = [n(contacts?.attempts), n(contacts?.right_party)];
      const [workedCases, reachedCases] = [n(contacts?.worked_cases), n(contacts?.reached_cases)];
      return {
        month,
        attempts,
        rightParty,
        rightPartyBp: partBasisPoints(rightParty, attempts),
        workedCases,
        reachedCases,
        reachedBp: partBasisPoints(reachedCases, workedCases),
        promises: promiseFigures(
          inMonth(promises, month).map((row) => ({
            status: row.status as PromiseStatus,
            promises: n(row.promises),
            amountCents: n(row.amount_cents),
          })),
        ),
        plans: planFigures(
          inMonth(plans, month).map((row) => ({ state: row.state as PlanState, plans: n(row.plans) })),
        ),
      };
    }),
    stages: stageShares(
      stages.map((row) => ({ stage: row.stage as (typeof CASE_STAGES)[number], cases: n(row.cases) })),
      CASE_STAGES,
    ),
    flows: flows
      .map((row) => ({
        month: String(row.month),
        fromStage: row.from_stage as PortfolioOutcomes['flows'][number]['fromStage'],
        toStage: row.to_stage as PortfolioOutcomes['flows'][number]['toStage'],
        moves: n(row.moves),
      }))
      .sort((a, b) => a.month.localeCompare(b.month) || b.moves - a.moves),
  };
}
