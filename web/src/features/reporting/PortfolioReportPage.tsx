import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { REPORT_FILTER_FIELDS, reportFiltersOf } from './report-filters.js';
import { ReportFilters } from './ReportFilters.js';
import { useMe } from '../identity/SessionProvider.js';
import { getPortfolioReport, portfolioQuery, type PortfolioFilters, type PortfolioReport } from './api.js';
import { ChampionChallengerSection } from './ChampionChallengerSection.js';
import { OutcomesSection } from './OutcomesSection.js';

/** The chart library is loaded with the first chart, not with the app: most people never open this page. */
const LiquidationChart = lazy(() => import('./LiquidationChart.js').then((m) => ({ default: m.LiquidationChart })));

/**
 * Portfolio performance for managers, compliance, team leaders and creditors (their own portfolio only): recovery
 * rates by creditor, then each creditor's liquidation curves, drawn and tabled. The filters live in the address.
 */
export function PortfolioReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters: PortfolioFilters = reportFiltersOf(params);
  const key = REPORT_FILTER_FIELDS.map((field) => filters[field]).join('|');
  const report = useApiData((signal) => getPortfolioReport(filters, signal), key);
  usePageTitle(t('portfolioReport.title'));
  return (
    <>
      <h1>{t('portfolioReport.title')}</h1>
      <p className="muted">{t('portfolioReport.intro')}</p>
      <ReportFilters
        ns="portfolioReport"
        idPrefix="portfolio"
        filters={filters}
        ownCreditorId={me.role === 'creditor_user' ? me.creditorId : null}
        placements
        onApply={(next) => setParams(portfolioQuery(next))}
      />
      <ExportButtons
        path="/api/v1/reports/portfolio/export"
        query={portfolioQuery(filters)}
        what={t('exports.lists.portfolio')}
      />
      <AsyncContent data={report} onRetry={report.reload}>
        {(data) => <Figures report={data} />}
      </AsyncContent>
      <OutcomesSection filters={filters} />
      <ChampionChallengerSection filters={filters} mayDecide={me.role === 'manager'} />
    </>
  );
}

function Figures({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = (bp: number | null) =>
    bp === null ? t('portfolioReport.notPlaced') : format.percentFromBasisPoints(bp);
  return (
    <>
      <p>{t('portfolioReport.asOf', { from: report.from, to: report.to, asOf: report.asOf })}</p>
      <p className="muted">
        {report.refreshedAt
          ? t('portfolioReport.refreshed', { time: format.dateTime(report.refreshedAt) })
          : t('portfolioReport.notRefreshed')}
      </p>
      {report.creditors.length === 0 ? (
        <p>{t('portfolioReport.none')}</p>
      ) : (
        <>
          <h2>{t('portfolioReport.summaryHeading')}</h2>
          <TableScroll label={t('portfolioReport.summaryHeading')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('portfolioReport.column.creditor')}</th>
                  <th scope="col" className="numeric">
                    {t('portfolioReport.column.cases')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('portfolioReport.column.placed')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('portfolioReport.column.collected')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('portfolioReport.column.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.creditors.map((creditor) => (
                  <tr key={creditor.creditorId}>
                    <th scope="row">{creditor.creditorName}</th>
                    <td className="numeric">{format.count(creditor.cases)}</td>
                    <td className="numeric">{format.money(creditor.placedCents)}</td>
                    <td className="numeric">{format.money(creditor.collectedCents)}</td>
                    <td className="numeric">{rate(creditor.recoveryBp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {report.creditors.map((creditor) => (
            <section key={creditor.creditorId} aria-labelledby={`curves-${creditor.creditorId}`}>
              <h2 id={`curves-${creditor.creditorId}`}>
                {t('portfolioReport.curvesHeading', { creditor: creditor.creditorName })}
              </h2>
              <Suspense fallback={null}>
                <LiquidationChart creditor={creditor} />
              </Suspense>
              <CurveTable creditor={creditor} rate={rate} />
            </section>
          ))}
        </>
      )}
    </>
  );
}

function CurveTable(props: { creditor: PortfolioReport['creditors'][number]; rate: (bp: number | null) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { creditor } = props;
  const months = Math.max(0, ...creditor.vintages.map((vintage) => vintage.points.length));
  const caption = t('portfolioReport.tableCaption', { creditor: creditor.creditorName });
  const columns = Array.from({ length: months }, (_, month) => month);
  return (
    <>
      <TableScroll label={caption}>
        <table className="curve-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portfolioReport.column.vintage')}</th>
              <th scope="col" className="numeric">
                {t('portfolioReport.column.placed')}
              </th>
              {columns.map((month) => (
                <th scope="col" className="numeric" key={month}>
                  {t('portfolioReport.column.month', { n: month })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {creditor.vintages.map((vintage) => (
              <tr key={vintage.vintage}>
                <th scope="row">{vintage.vintage}</th>
                <td className="numeric">{format.money(vintage.placedCents)}</td>
                {columns.map((month) => (
                  <td className="numeric" key={month}>
                    {vintage.points[month] ? props.rate(vintage.points[month].rateBp) : ''}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('portfolioReport.portfolio')}</th>
              <td className="numeric">{format.money(creditor.placedCents)}</td>
              {columns.map((month) => (
                <td className="numeric" key={month}>
                  {creditor.curve[month] ? props.rate(creditor.curve[month].rateBp) : ''}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">{t('portfolioReport.tableHint')}</p>
    </>
  );
}
