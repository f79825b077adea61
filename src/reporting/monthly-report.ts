import type { Actor } from '../identity/actor.js';
import { creditorFilter } from '../cases/scope.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { invalid, notFound } from '../platform/errors.js';
import { conductReport } from './conduct-report.js';
import { addMonths, type IsoMonth } from './core/liquidation.js';
import { composeMonthlyReport, REPORT_VINTAGES, type MonthlyReport } from './core/monthly-report.js';
import { portfolioOutcomes } from './portfolio-outcomes.js';
import { portfolioPerformance } from './portfolio-performance.js';

/**
 * The reader the monthly report reads the three reports as: a creditor user of that creditor, so every figure is read
 * in its scope (`creditorFilter` replaces whatever is asked by the creditor), the same rule that keeps a creditor's
 * users to their own figures. No person: the job and a manager's download both read through it.
 */
function readerOf(creditorId: string): Actor {
  return {
    userId: 'monthly-report',
    role: 'creditor_user',
    creditorId,
    displayName: 'monthly report',
    email: '',
    locale: 'fr',
  };
}

/** The creditor whose report the actor asks for: a creditor user's own, whatever it asks; staff must name one. */
export function reportCreditorId(actor: Actor, asked: string | undefined): string {
  const creditorId = creditorFilter(actor, asked);
  if (!creditorId)
    throw invalid('monthly_report.creditor_required', 'Choose the creditor whose monthly report you want.');
  return creditorId;
}

/** The month must be over, or the current one (its figures so far): a month to come has no report. */
export function checkReportMonth(deps: Pick<Deps, 'now' | 'config'>, month: IsoMonth): void {
  const current = agencyToday(deps.now(), deps.config).slice(0, 7);
  if (month > current)
    throw invalid('monthly_report.month_in_future', 'Choose a month that has begun: a month to come has no report.', {
      current,
    });
}

/**
 * One creditor's report for a month, composed from the portfolio, outcome and conduct reports read in that creditor's
 * scope alone (their facts, never the cases), as they stand now.
 */
export async function monthlyReportOf(deps: Deps, creditorId: string, month: IsoMonth): Promise<MonthlyReport> {
  const creditor = await deps.db
    .selectFrom('creditors')
    .select(['id', 'name'])
    .where('id', '=', creditorId)
    .executeTakeFirst();
  if (!creditor) throw notFound('The creditor');
  const reader = readerOf(creditor.id);
  const vintages = { from: addMonths(month, -(REPORT_VINTAGES - 1)), to: month };
  const [portfolio, outcomes, conduct] = await Promise.all([
    portfolioPerformance(deps, reader, vintages),
    portfolioOutcomes(deps, reader, vintages),
    conductReport(deps, reader, { from: month, to: month }),
  ]);
  return composeMonthlyReport({ creditor, month, now: deps.now(), portfolio, outcomes, conduct });
}
