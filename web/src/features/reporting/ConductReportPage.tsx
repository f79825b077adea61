import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { REPORT_FILTER_FIELDS, reportFiltersOf } from './report-filters.js';
import { ReportFilters } from './ReportFilters.js';
import { useMe } from '../identity/SessionProvider.js';
import { conductQuery, getConductReport, type ConductFilters, type ConductReport } from './conduct-api.js';
import {
  CareSection,
  ComplaintsSection,
  ContactsSection,
  DisputesSection,
  MonthsTable,
  RefusalsSection,
  SatisfactionSection,
} from './ConductSections.js';
import { TeamsSection } from './ConductByTeam.js';

/**
 * Responsible collection for managers, compliance, team leaders and creditors (their own portfolio only): the
 * contacts per case and week against the policy's caps, refusals, complaints, disputes, fragile debtors and
 * satisfaction, beside the money collected, month by month. The filters live in the address.
 */
export function ConductReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters: ConductFilters = reportFiltersOf(params);
  const key = REPORT_FILTER_FIELDS.map((field) => filters[field]).join('|');
  const report = useApiData((signal) => getConductReport(filters, signal), key);
  usePageTitle(t('conductReport.title'));
  return (
    <>
      <h1>{t('conductReport.title')}</h1>
      <p className="muted">{t('conductReport.intro')}</p>
      <ReportFilters
        ns="conductReport"
        idPrefix="conduct"
        filters={filters}
        ownCreditorId={me.role === 'creditor_user' ? me.creditorId : null}
        teams={report.status === 'ready' ? report.data.teamChoices : []}
        onApply={(next) => setParams(conductQuery(next))}
      />
      <ExportButtons
        path="/api/v1/reports/conduct/export"
        query={conductQuery(filters)}
        what={t('exports.lists.conduct')}
      />
      <AsyncContent data={report} onRetry={report.reload}>
        {(data) => <Figures report={data} />}
      </AsyncContent>
    </>
  );
}

function Figures({ report }: { report: ConductReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <p>{t('conductReport.period', { from: report.from, to: report.to })}</p>
      <p className="muted">
        {report.refreshedAt
          ? t('conductReport.refreshed', { time: format.dateTime(report.refreshedAt) })
          : t('conductReport.notRefreshed')}
      </p>
      {report.teamId ? (
        <p>
          {t('conductReport.heldTo', {
            team: report.teamChoices.find((team) => team.id === report.teamId)?.name ?? report.teamId,
          })}
        </p>
      ) : null}
      <MonthsTable report={report} />
      <ContactsSection report={report} />
      {report.byTeam.length > 0 ? <TeamsSection report={report} /> : null}
      <RefusalsSection report={report} />
      <ComplaintsSection report={report} />
      <DisputesSection report={report} />
      <CareSection report={report} />
      <SatisfactionSection report={report} />
    </>
  );
}
