import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { getPortfolioOutcomes, portfolioQuery, type PortfolioFilters, type PortfolioOutcomes } from './api.js';
import type { SeriesPoint } from './OutcomeCharts.js';
import { FigureTable } from './FigureTable.js';

/** The chart library arrives with the first chart, as on the rest of the page. */
const SeriesChart = lazy(() => import('./OutcomeCharts.js').then((m) => ({ default: m.SeriesChart })));
const BarsChart = lazy(() => import('./OutcomeCharts.js').then((m) => ({ default: m.BarsChart })));

/** One figure: its heading, its chart and its table beside it, and what it means. */
function Figure(props: { id: string; heading: string; hint: string; chart: ReactNode; table: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="outcome-figure">
      <h3 id={props.id}>{props.heading}</h3>
      <p className="hint">{props.hint}</p>
      <div className="chart-and-table">
        {/* The empty box holds the chart's place: the table beside it keeps its width when the chart arrives. */}
        <Suspense fallback={<div className="outcome-chart" aria-hidden="true" />}>{props.chart}</Suspense>
        {props.table}
      </div>
    </section>
  );
}

/**
 * The outcomes section of the portfolio performance page: right-party contacts, promises, plans, days to the first
 * payment, cases by stage and the moves between stages, each drawn with its table beside it, and the no-fee line.
 * Same filters as the page: a figure by vintage reads its months as vintages, one by month as calendar months.
 */
export function OutcomesSection({ filters }: { filters: PortfolioFilters }) {
  const { t } = useTranslation();
  const key = `outcomes|${filters.creditorId}|${filters.mandateId}|${filters.placementId}|${filters.from}|${filters.to}`;
  const report = useApiData((signal) => getPortfolioOutcomes(filters, signal), key);
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('portfolioOutcomes.heading')}</h2>
      <p className="muted">{t('portfolioOutcomes.intro')}</p>
      <ExportButtons
        path="/api/v1/reports/portfolio/outcomes/export"
        query={portfolioQuery(filters)}
        what={t('exports.lists.portfolioOutcomes')}
      />
      <AsyncContent data={report} onRetry={report.reload}>
        {(data) => <OutcomeFigures report={data} />}
      </AsyncContent>
    </section>
  );
}

/** What every figure of the section uses: its texts, rates and counts in the reader's format, series for a chart. */
function useOutcomeTexts() {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    format,
    o: (key: string, values?: Record<string, unknown>) => t(`portfolioOutcomes.${key}`, values),
    stage: (name: string) => (name === 'placed' ? t('portfolioOutcomes.placed') : t(`stages.${name}`)),
    rate: (bp: number | null) => (bp === null ? '—' : format.percentFromBasisPoints(bp)),
    days: (value: number | null) => (value === null ? '—' : format.count(value)),
    pct: (bp: number | null) => (bp === null ? null : bp / 100),
    series: <Row,>(rows: Row[], x: (row: Row) => string, parts: [string, (row: Row) => number | null][]) =>
      parts.flatMap(([name, value]) =>
        rows.flatMap((row): SeriesPoint[] => {
          const y = value(row);
          return y === null ? [] : [{ series: name, x: x(row), y }];
        }),
      ),
  };
}

function OutcomeFigures({ report }: { report: PortfolioOutcomes }) {
  const { o, format } = useOutcomeTexts();
  return (
    <>
      <ContactFigures report={report} />
      <CommitmentFigures report={report} />
      <FirstPaymentFigure report={report} />
      <StageFigures report={report} />
      <h3>{o('fees')}</h3>
      <p>{o('feesText', { amount: format.money(0) })}</p>
    </>
  );
}

function ContactFigures({ report }: { report: PortfolioOutcomes }) {
  const { o, format, rate, pct, series } = useOutcomeTexts();
  const calls = o('series.calls');
  const cases = o('series.cases');
  return (
    <>
      <Figure
        id="outcomes-contacts-month"
        heading={o('contactsByMonth')}
        hint={o('contactsHint')}
        chart={
          <SeriesChart
            label={o('chartLabel', { figure: o('contactsByMonth') })}
            yLabel={o('axis.percent')}
            percent
            points={series(report.months, (m) => m.month, [
              [calls, (m) => pct(m.rightPartyBp)],
              [cases, (m) => pct(m.reachedBp)],
            ])}
          />
        }
        table={
          <FigureTable
            caption={o('contactsByMonth')}
            heads={[
              o('col.month'),
              o('col.attempts'),
              o('col.rightParty'),
              calls,
              o('col.worked'),
              o('col.reached'),
              cases,
            ]}
            rows={report.months.map((m) => ({
              key: m.month,
              cells: [
                m.month,
                format.count(m.attempts),
                format.count(m.rightParty),
                rate(m.rightPartyBp),
                format.count(m.workedCases),
                format.count(m.reachedCases),
                rate(m.reachedBp),
              ],
            }))}
          />
        }
      />
      <Figure
        id="outcomes-contacts-vintage"
        heading={o('contactsByVintage')}
        hint={o('contactsVintageHint')}
        chart={
          <SeriesChart
            label={o('chartLabel', { figure: o('contactsByVintage') })}
            yLabel={o('axis.percent')}
            percent
            points={series(report.vintages, (v) => v.vintage, [
              [calls, (v) => pct(v.rightPartyBp)],
              [cases, (v) => pct(v.reachedBp)],
            ])}
          />
        }
        table={
          <FigureTable
            caption={o('contactsByVintage')}
            heads={[
              o('col.vintage'),
              o('col.cases'),
              o('col.attempts'),
              o('col.rightParty'),
              calls,
              o('col.reached'),
              cases,
            ]}
            rows={report.vintages.map((v) => ({
              key: v.vintage,
              cells: [
                v.vintage,
                format.count(v.cases),
                format.count(v.attempts),
                format.count(v.rightParty),
                rate(v.rightPartyBp),
                format.count(v.reachedCases),
                rate(v.reachedBp),
              ],
            }))}
          />
        }
      />
    </>
  );
}

function CommitmentFigures({ report }: { report: PortfolioOutcomes }) {
  const { o, format, rate, series } = useOutcomeTexts();
  return (
    <>
      <Figure
        id="outcomes-promises"
        heading={o('promises')}
        hint={o('promisesHint')}
        chart={
          <SeriesChart
            label={o('chartLabel', { figure: o('promises') })}
            yLabel={o('axis.count')}
            points={series(report.months, (m) => m.month, [
              [o('promise.made'), (m) => m.promises.made],
              [o('promise.kept'), (m) => m.promises.kept],
              [o('promise.broken'), (m) => m.promises.broken],
              [o('promise.open'), (m) => m.promises.open],
            ])}
          />
        }
        table={
          <FigureTable
            caption={o('promises')}
            heads={[
              o('col.month'),
              o('promise.made'),
              o('promise.kept'),
              o('promise.broken'),
              o('promise.open'),
              o('promise.cancelled'),
              o('promise.keptRate'),
              o('promise.madeAmount'),
            ]}
            rows={report.months.map((m) => ({
              key: m.month,
              cells: [
                m.month,
                format.count(m.promises.made),
                format.count(m.promises.kept),
                format.count(m.promises.broken),
                format.count(m.promises.open),
                format.count(m.promises.cancelled),
                rate(m.promises.keptBp),
                format.money(m.promises.madeCents),
              ],
            }))}
          />
        }
      />
      <Figure
        id="outcomes-plans"
        heading={o('plans')}
        hint={o('plansHint')}
        chart={
          <SeriesChart
            label={o('chartLabel', { figure: o('plans') })}
            yLabel={o('axis.count')}
            points={series(report.months, (m) => m.month, [
              [o('plan.agreed'), (m) => m.plans.agreed],
              [o('plan.onTrack'), (m) => m.plans.onTrack + m.plans.completed],
              [o('plan.behind'), (m) => m.plans.behind],
              [o('plan.broken'), (m) => m.plans.broken],
            ])}
          />
        }
        table={
          <FigureTable
            caption={o('plans')}
            heads={[
              o('col.month'),
              o('plan.agreed'),
              o('plan.onTrackOnly'),
              o('plan.completed'),
              o('plan.behind'),
              o('plan.broken'),
              o('plan.ended'),
              o('plan.onTrackRate'),
              o('plan.brokenRate'),
            ]}
            rows={report.months.map((m) => ({
              key: m.month,
              cells: [
                m.month,
                format.count(m.plans.agreed),
                format.count(m.plans.onTrack),
                format.count(m.plans.completed),
                format.count(m.plans.behind),
                format.count(m.plans.broken),
                format.count(m.plans.ended),
                rate(m.plans.onTrackBp),
                rate(m.plans.brokenBp),
              ],
            }))}
          />
        }
      />
    </>
  );
}

function FirstPaymentFigure({ report }: { report: PortfolioOutcomes }) {
  const { o, format, series, days } = useOutcomeTexts();
  return (
    <>
      <Figure
        id="outcomes-first-payment"
        heading={o('firstPayment')}
        hint={o('firstPaymentHint')}
        chart={
          <SeriesChart
            label={o('chartLabel', { figure: o('firstPayment') })}
            yLabel={o('axis.days')}
            points={series(report.vintages, (v) => v.vintage, [
              [o('col.mean'), (v) => v.meanDaysToFirstPayment],
              [o('col.median'), (v) => v.medianDaysToFirstPayment],
            ])}
          />
        }
        table={
          <FigureTable
            caption={o('firstPayment')}
            heads={[o('col.vintage'), o('col.cases'), o('col.paying'), o('col.mean'), o('col.median')]}
            rows={report.vintages.map((v) => ({
              key: v.vintage,
              cells: [
                v.vintage,
                format.count(v.cases),
                format.count(v.payingCases),
                days(v.meanDaysToFirstPayment),
                days(v.medianDaysToFirstPayment),
              ],
            }))}
          />
        }
      />
    </>
  );
}

function StageFigures({ report }: { report: PortfolioOutcomes }) {
  const { o, format, rate, stage } = useOutcomeTexts();
  // Each move (from → to) with its count per month of the period and its total; the largest first.
  const months = report.months.map((m) => m.month);
  const byMove = new Map<string, Map<string, number>>();
  for (const flow of report.flows) {
    const name = `${stage(flow.fromStage)} → ${stage(flow.toStage)}`;
    const line = byMove.get(name) ?? new Map<string, number>();
    line.set(flow.month, (line.get(flow.month) ?? 0) + flow.moves);
    byMove.set(name, line);
  }
  const sum = (line: Map<string, number>) => [...line.values()].reduce((total, count) => total + count, 0);
  const transitions = [...byMove.entries()].sort(([, a], [, b]) => sum(b) - sum(a));
  const totals = transitions.map(([name, line]) => [name, sum(line)] as const);
  return (
    <>
      <Figure
        id="outcomes-stages"
        heading={o('stages')}
        hint={o('stagesHint')}
        chart={
          <BarsChart
            label={o('chartLabel', { figure: o('stages') })}
            xLabel={o('axis.cases')}
            bars={report.stages.map((s) => ({ name: stage(s.stage), value: s.cases, text: rate(s.shareBp) }))}
          />
        }
        table={
          <FigureTable
            caption={o('stages')}
            heads={[o('col.stage'), o('col.cases'), o('col.share')]}
            rows={report.stages.map((s) => ({
              key: s.stage,
              cells: [stage(s.stage), format.count(s.cases), rate(s.shareBp)],
            }))}
          />
        }
      />
      <Figure
        id="outcomes-flows"
        heading={o('flows')}
        hint={o('flowsHint')}
        chart={
          <BarsChart
            label={o('chartLabel', { figure: o('flows') })}
            xLabel={o('axis.moves')}
            bars={totals.map(([name, value]) => ({ name, value, text: format.count(value) }))}
          />
        }
        table={
          report.flows.length === 0 ? (
            <p>{o('noFlows')}</p>
          ) : (
            <FigureTable
              caption={o('flows')}
              heads={[o('col.move'), ...months]}
              rows={transitions.map(([name, byMonth]) => ({
                key: name,
                cells: [name, ...months.map((month) => format.count(byMonth.get(month) ?? 0))],
              }))}
            />
          )
        }
      />
    </>
  );
}
