import type { Actor } from '../identity/actor.js';
import { creditorFilter } from '../cases/scope.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { invalid } from '../platform/errors.js';
import type { PortfolioReport, PortfolioReportQuery } from './contract.js';
import {
  addMonths,
  liquidationCurve,
  monthsBetween,
  portfolioCurve,
  rateBasisPoints,
  type IsoMonth,
  type VintageFacts,
} from './core/liquidation.js';

/** The most vintages one report draws: five years of months, enough for any curve the trade compares. */
const LONGEST_SPAN_MONTHS = 60;
const DEFAULT_SPAN_MONTHS = 12;

export interface Span {
  from: IsoMonth;
  to: IsoMonth;
  asOf: IsoMonth;
}

/** The months a report covers: the last twelve to this month unless asked, and never more than five years. */
export function spanOf(deps: Deps, query: Pick<PortfolioReportQuery, 'from' | 'to'>): Span {
  const asOf = agencyToday(deps.now(), deps.config).slice(0, 7);
  const to = query.to ?? asOf;
  const from = query.from ?? addMonths(to, -(DEFAULT_SPAN_MONTHS - 1));
  if (monthsBetween(from, to) >= LONGEST_SPAN_MONTHS) {
    throw invalid(
      'portfolio_report.span_too_long',
      `Ask for ${LONGEST_SPAN_MONTHS} vintages at most: choose a later first month or an earlier last one.`,
      { maxMonths: LONGEST_SPAN_MONTHS },
    );
  }
  return { from, to, asOf };
}

const firstDay = (month: IsoMonth) => `${month}-01`;

/**
 * Recovery rates and liquidation curves by creditor and vintage, within the actor's scope (a creditor user reads its
 * own creditor's, whatever it asks for), from the facts the reporting job keeps (refresh-performance.ts): a few rows
 * per creditor and month, never the cases themselves. The mandate filter narrows to one mandate, the placement filter
 * to one intake batch (a case's placement is its first claim's, migration 0091); without them a creditor's mandates
 * and placements are added together.
 */
export async function portfolioPerformance(
  deps: Deps,
  actor: Actor,
  query: PortfolioReportQuery,
): Promise<PortfolioReport> {
  const span = spanOf(deps, query);
  const creditorId = creditorFilter(actor, query.creditorId);
  let placedQuery = deps.db
    .selectFrom('vintage_placed as v')
    .innerJoin('creditors', 'creditors.id', 'v.creditor_id')
    .select(['v.creditor_id', 'creditors.name as creditor_name', 'v.vintage', 'v.cases', 'v.placed_cents'])
    .where('v.vintage', '>=', firstDay(span.from))
    .where('v.vintage', '<=', firstDay(span.to));
  let collectedQuery = deps.db
    .selectFrom('vintage_collected as v')
    .select(['v.creditor_id', 'v.vintage', 'v.months_since', 'v.collected_cents'])
    .where('v.vintage', '>=', firstDay(span.from))
    .where('v.vintage', '<=', firstDay(span.to));
  if (creditorId) {
    placedQuery = placedQuery.where('v.creditor_id', '=', creditorId);
    collectedQuery = collectedQuery.where('v.creditor_id', '=', creditorId);
  }
  if (query.mandateId) {
    placedQuery = placedQuery.where('v.mandate_id', '=', query.mandateId);
    collectedQuery = collectedQuery.where('v.mandate_id', '=', query.mandateId);
  }
  // A placement of a creditor out of scope matches no fact of the scope: the report is empty, never its figures.
  if (query.placementId) {
    placedQuery = placedQuery.where('v.placement_id', '=', query.placementId);
    collectedQuery = collectedQuery.where('v.placement_id', '=', query.placementId);
  }
  const [placed, collected, refreshed] = await Promise.all([
    placedQuery.orderBy('creditors.name').orderBy('v.vintage').execute(),
    collectedQuery.execute(),
    deps.db.selectFrom('performance_refreshes').select('refreshed_at').executeTakeFirst(),
  ]);

  // Facts per creditor and vintage, mandates added together.
  const creditors = new Map<string, { name: string; vintages: Map<IsoMonth, VintageFacts> }>();
  const factsOf = (creditor: string, name: string, vintage: IsoMonth) => {
    const entry = creditors.get(creditor) ?? { name, vintages: new Map() };
    creditors.set(creditor, entry);
    const facts = entry.vintages.get(vintage) ?? { vintage, cases: 0, placedCents: 0, collected: [] };
    entry.vintages.set(vintage, facts);
    return facts;
  };
  for (const row of placed) {
    const facts = factsOf(row.creditor_id, row.creditor_name, monthOf(row.vintage));
    facts.cases += Number(row.cases);
    facts.placedCents += Number(row.placed_cents);
  }
  for (const row of collected) {
    const facts = creditors.get(row.creditor_id)?.vintages.get(monthOf(row.vintage));
    // Money on a vintage with nothing placed cannot exist (a payment needs a case); skip rather than divide by it.
    if (!facts) continue;
    collectedOf(facts).push({
      monthsSince: Number(row.months_since),
      cents: Number(row.collected_cents),
    });
  }

  return {
    ...span,
    refreshedAt: refreshed ? new Date(refreshed.refreshed_at).toISOString() : null,
    creditors: [...creditors.entries()].map(([id, entry]) => {
      const vintages = [...entry.vintages.values()].map((facts) => liquidationCurve(facts, span.asOf));
      const placedCents = vintages.reduce((sum, v) => sum + v.placedCents, 0);
      const collectedCents = vintages.reduce((sum, v) => sum + v.collectedCents, 0);
      return {
        creditorId: id,
        creditorName: entry.name,
        cases: vintages.reduce((sum, v) => sum + v.cases, 0),
        placedCents,
        collectedCents,
        recoveryBp: rateBasisPoints(collectedCents, placedCents),
        curve: portfolioCurve(vintages),
        vintages,
      };
    }),
  };
}

/** The facts' list of months with money, filled while the rows are read. */
function collectedOf(facts: VintageFacts): { monthsSince: number; cents: number }[] {
  return facts.collected as { monthsSince: number; cents: number }[];
}

/** A `date` column (a string on both engines, or a Date from some drivers) as its month. */
function monthOf(value: string | Date): IsoMonth {
  return (typeof value === 'string' ? value : value.toISOString()).slice(0, 7);
}
