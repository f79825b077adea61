import type { Actor } from '../identity/actor.js';
import { creditorFilter } from '../cases/scope.js';
import { policyInForce } from '../contact-policy/policy-store.js';
import type { Deps } from '../platform/deps.js';
import { satisfactionSettings } from '../satisfaction/settings.js';
import { conductFigures, type ConductFact } from './conduct-figures.js';
import type { ConductReport, ConductReportQuery } from './contract.js';
import { addMonths, monthsBetween, type IsoMonth } from './core/liquidation.js';
import { SMALLEST_CELL } from './core/small-cells.js';
import { spanOf } from './portfolio-performance.js';

const firstDay = (month: IsoMonth) => `${month}-01`;

/** A `date` column (a string on both engines, or a Date from some drivers) as its month. */
const monthOf = (value: string | Date): IsoMonth =>
  (typeof value === 'string' ? value : value.toISOString()).slice(0, 7);

/**
 * The responsible-collection report: contacts per case and week against the policy's caps, refusals by rule,
 * complaints, disputes, fragile debtors and referrals, satisfaction, and the money collected, per month of the
 * period, within the actor's scope (a creditor user reads its own creditor's, whatever it asks for). Reads the facts
 * the reporting job keeps (refresh-conduct.ts) and the curves' money (vintage_collected): a few hundred rows, never
 * the cases.
 */
export async function conductReport(deps: Deps, actor: Actor, query: ConductReportQuery): Promise<ConductReport> {
  const span = spanOf(deps, query);
  const creditorId = creditorFilter(actor, query.creditorId);
  const facts = (from: IsoMonth, to: IsoMonth) => {
    let rows = deps.db
      .selectFrom('conduct_facts')
      .select(['month', 'figure', 'dimension', 'bucket'])
      .select((eb) => eb.fn.sum<string>('count').as('count'))
      .where('month', '>=', firstDay(from))
      .where('month', '<=', firstDay(to));
    if (creditorId) rows = rows.where('creditor_id', '=', creditorId);
    if (query.mandateId) rows = rows.where('mandate_id', '=', query.mandateId);
    return rows.groupBy(['month', 'figure', 'dimension', 'bucket']).execute();
  };
  let collectedRows = deps.db
    .selectFrom('vintage_collected')
    .select(['vintage', 'months_since', 'collected_cents'])
    .where('vintage', '<=', firstDay(span.to));
  if (creditorId) collectedRows = collectedRows.where('creditor_id', '=', creditorId);
  if (query.mandateId) collectedRows = collectedRows.where('mandate_id', '=', query.mandateId);
  const [periodFacts, todayFacts, collected, refreshed, settings, policy] = await Promise.all([
    facts(span.from, span.to),
    facts(span.asOf, span.asOf),
    collectedRows.execute(),
    deps.db.selectFrom('performance_refreshes').select('refreshed_at').executeTakeFirst(),
    satisfactionSettings(deps.db),
    policyInForce(deps.db, deps.now()).catch(() => null),
  ]);
  const months = Array.from({ length: monthsBetween(span.from, span.to) + 1 }, (_, i) => addMonths(span.from, i));
  const collectedByMonth = new Map<string, number>();
  for (const row of collected) {
    const month = addMonths(monthOf(row.vintage), Number(row.months_since));
    if (month < span.from || month > span.to) continue;
    collectedByMonth.set(month, (collectedByMonth.get(month) ?? 0) + Number(row.collected_cents));
  }
  const asFact = (row: (typeof periodFacts)[number]): ConductFact => ({
    month: monthOf(row.month),
    figure: row.figure,
    dimension: row.dimension,
    bucket: row.bucket,
    count: Number(row.count),
  });
  return {
    ...span,
    refreshedAt: refreshed ? new Date(refreshed.refreshed_at).toISOString() : null,
    smallestCell: SMALLEST_CELL,
    policyVersion: policy?.version ?? null,
    ...conductFigures({
      months,
      facts: periodFacts.map(asFact),
      today: todayFacts.map(asFact),
      collected: collectedByMonth,
      caps: policy?.document.caps ?? [],
      minimumAnswers: settings.minimumAnswers,
    }),
  };
}
