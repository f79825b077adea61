import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useMe } from '../identity/SessionProvider.js';
import { getCreditor, listCreditors, type CreditorSummary } from '../portfolio/api.js';
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

const FIELDS = ['creditorId', 'mandateId', 'from', 'to'] as const;

/**
 * Responsible collection for managers, compliance, team leaders and creditors (their own portfolio only): the
 * contacts per case and week against the policy's caps, refusals, complaints, disputes, fragile debtors and
 * satisfaction, beside the money collected, month by month. The filters live in the address.
 */
export function ConductReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    FIELDS.map((field) => [field, params.get(field) ?? '']),
  ) as unknown as ConductFilters;
  const key = FIELDS.map((field) => filters[field]).join('|');
  const report = useApiData((signal) => getConductReport(filters, signal), key);
  usePageTitle(t('conductReport.title'));
  return (
    <>
      <h1>{t('conductReport.title')}</h1>
      <p className="muted">{t('conductReport.intro')}</p>
      <Filters
        filters={filters}
        ownCreditorId={me.role === 'creditor_user' ? me.creditorId : null}
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

function Filters(props: {
  filters: ConductFilters;
  ownCreditorId: string | null;
  onApply: (next: ConductFilters) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(props.filters);
  const incoming = FIELDS.map((field) => props.filters[field]).join('|');
  useEffect(() => {
    const parts = incoming.split('|');
    setValues(Object.fromEntries(FIELDS.map((field, i) => [field, parts[i] ?? ''])) as unknown as ConductFilters);
  }, [incoming]);
  const chooseCreditor = props.ownCreditorId === null;
  const creditors = useApiData(
    (signal) => (chooseCreditor ? listCreditors(signal) : Promise.resolve({ items: [] as CreditorSummary[] })),
    `conduct-creditors-${chooseCreditor}`,
  );
  const creditorOfMandates = props.ownCreditorId ?? values.creditorId;
  const mandates = useApiData(
    (signal) =>
      creditorOfMandates ? getCreditor(creditorOfMandates, signal).then((c) => c.mandates) : Promise.resolve([]),
    `conduct-mandates-${creditorOfMandates}`,
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply(values);
  }
  const set = (field: keyof ConductFilters) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value, ...(field === 'creditorId' ? { mandateId: '' } : {}) }));
  return (
    <form className="filters" onSubmit={submit} aria-labelledby="conduct-filters-heading">
      <h2 id="conduct-filters-heading" className="visually-hidden">
        {t('conductReport.filters')}
      </h2>
      {chooseCreditor ? (
        <div className="field">
          <label htmlFor="conduct-creditor">{t('conductReport.creditor')}</label>
          <select
            id="conduct-creditor"
            value={values.creditorId}
            onChange={(event) => set('creditorId')(event.target.value)}
          >
            <option value="">{t('conductReport.allCreditors')}</option>
            {(creditors.status === 'ready' ? creditors.data.items : []).map((creditor) => (
              <option key={creditor.id} value={creditor.id}>
                {creditor.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {creditorOfMandates ? (
        <div className="field">
          <label htmlFor="conduct-mandate">{t('conductReport.mandate')}</label>
          <select
            id="conduct-mandate"
            value={values.mandateId}
            onChange={(event) => set('mandateId')(event.target.value)}
          >
            <option value="">{t('conductReport.allMandates')}</option>
            {(mandates.status === 'ready' ? mandates.data : []).map((mandate) => (
              <option key={mandate.id} value={mandate.id}>
                {mandate.code}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {(['from', 'to'] as const).map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`conduct-${field}`}>{t(`conductReport.${field}`)}</label>
          <input
            id={`conduct-${field}`}
            type="month"
            pattern="[0-9]{4}-[0-9]{2}"
            value={values[field]}
            onChange={(event) => set(field)(event.target.value)}
            aria-describedby="conduct-months-hint"
          />
        </div>
      ))}
      <p id="conduct-months-hint" className="hint">
        {t('conductReport.monthsHint')}
      </p>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('conductReport.show')}
        </button>
      </div>
    </form>
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
      <MonthsTable report={report} />
      <ContactsSection report={report} />
      <RefusalsSection report={report} />
      <ComplaintsSection report={report} />
      <DisputesSection report={report} />
      <CareSection report={report} />
      <SatisfactionSection report={report} />
    </>
  );
}
