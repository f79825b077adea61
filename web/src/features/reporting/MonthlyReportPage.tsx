import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { useMe } from '../identity/SessionProvider.js';
import { listCreditors, type CreditorSummary } from '../portfolio/api.js';
import { downloadMonthlyReport, getMonthlyReports, nextMonth, type MonthlyReports } from './monthly-report-api.js';

/** A month (YYYY-MM) in words, in the language on screen: "novembre 2026". */
function useMonthName(): (month: string) => string {
  const { i18n } = useTranslation();
  const words = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (month) => words.format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * The creditors' monthly reports (docs/reporting.md): a manager chooses a creditor, a creditor's user reads its own;
 * either downloads a month's report as PDF or XLSX (the last complete month by default) and reads what was sent to
 * the creditor's contact, when, and the e-mail's Message-ID.
 */
export function MonthlyReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const ownCreditorId = me.role === 'creditor_user' ? me.creditorId : null;
  const [creditorId, setCreditorId] = useState('');
  const history = useApiData((signal) => getMonthlyReports(creditorId, signal), `monthly-${creditorId}`);
  const [month, setMonth] = useState('');
  const lastMonth = history.status === 'ready' ? history.data.lastMonth : '';
  useEffect(() => {
    if (lastMonth) setMonth((current) => current || lastMonth);
  }, [lastMonth]);
  usePageTitle(t('monthlyReport.title'));
  return (
    <>
      <h1>{t('monthlyReport.title')}</h1>
      <p className="muted">{t('monthlyReport.intro')}</p>
      <DownloadForm
        chooseCreditor={ownCreditorId === null}
        creditorId={creditorId}
        onCreditor={setCreditorId}
        month={month}
        onMonth={setMonth}
        lastMonth={lastMonth}
      />
      <section aria-labelledby="monthly-history">
        <h2 id="monthly-history">{t('monthlyReport.historyHeading')}</h2>
        <AsyncContent data={history} onRetry={history.reload}>
          {(data) => <History reports={data} showCreditor={ownCreditorId === null && creditorId === ''} />}
        </AsyncContent>
      </section>
    </>
  );
}

function DownloadForm(props: {
  chooseCreditor: boolean;
  creditorId: string;
  onCreditor: (id: string) => void;
  month: string;
  onMonth: (month: string) => void;
  lastMonth: string;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const monthName = useMonthName();
  // A manager's report is one creditor's: nothing to download until one is chosen.
  const noCreditor = props.chooseCreditor && props.creditorId === '';
  const creditors = useApiData(
    (signal) => (props.chooseCreditor ? listCreditors(signal) : Promise.resolve({ items: [] as CreditorSummary[] })),
    `monthly-creditors-${props.chooseCreditor}`,
  );
  return (
    <section aria-labelledby="monthly-download" className="monthly-download">
      <h2 id="monthly-download">{t('monthlyReport.downloadHeading')}</h2>
      <div className="filters">
        {props.chooseCreditor ? (
          <div className="field">
            <label htmlFor="monthly-creditor">{t('monthlyReport.creditor')}</label>
            <select id="monthly-creditor" value={props.creditorId} onChange={(e) => props.onCreditor(e.target.value)}>
              <option value="">{t('monthlyReport.chooseCreditor')}</option>
              {(creditors.status === 'ready' ? creditors.data.items : []).map((creditor) => (
                <option key={creditor.id} value={creditor.id}>
                  {creditor.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="monthly-month">{t('monthlyReport.month')}</label>
          <input
            id="monthly-month"
            type="month"
            pattern="[0-9]{4}-[0-9]{2}"
            value={props.month}
            max={props.lastMonth ? nextMonth(props.lastMonth) : undefined}
            onChange={(event) => props.onMonth(event.target.value)}
            aria-describedby="monthly-month-hint"
          />
        </div>
        <p id="monthly-month-hint" className="hint">
          {t('monthlyReport.monthHint', { month: props.lastMonth ? monthName(props.lastMonth) : '' })}
        </p>
        {noCreditor ? (
          <p id="monthly-creditor-first" className="hint">
            {t('monthlyReport.chooseCreditorFirst')}
          </p>
        ) : null}
        <div className="form-actions">
          {(['pdf', 'xlsx'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className={format === 'pdf' ? 'button primary' : 'button secondary'}
              disabled={submit.busy || !props.month || noCreditor}
              aria-describedby={noCreditor ? 'monthly-creditor-first' : undefined}
              onClick={() =>
                void submit.run(() =>
                  downloadMonthlyReport({ creditorId: props.creditorId, month: props.month, format }),
                )
              }
            >
              {t(`monthlyReport.${format}`)}
            </button>
          ))}
        </div>
      </div>
      {/* Always there, so that a screen reader hears the text when it appears. */}
      <p role="status">{submit.busy ? t('monthlyReport.preparing') : ''}</p>
      {submit.error ? <ProblemMessage error={submit.error} /> : null}
      <p className="hint">{t('monthlyReport.figuresNow')}</p>
    </section>
  );
}

function History({ reports, showCreditor }: { reports: MonthlyReports; showCreditor: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthName = useMonthName();
  return (
    <>
      <p>{t('monthlyReport.nextSending', { month: monthName(nextMonth(reports.lastMonth)) })}</p>
      {reports.sendings.length === 0 ? (
        <p>{t('monthlyReport.none')}</p>
      ) : (
        <TableScroll label={t('monthlyReport.historyHeading')}>
          <table className="monthly-sendings">
            <thead>
              <tr>
                <th scope="col">{t('monthlyReport.column.month')}</th>
                {showCreditor ? <th scope="col">{t('monthlyReport.column.creditor')}</th> : null}
                <th scope="col">{t('monthlyReport.column.recipient')}</th>
                <th scope="col">{t('monthlyReport.column.sentAt')}</th>
                <th scope="col">{t('monthlyReport.column.messageId')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.sendings.map((sending) => (
                <tr key={sending.id}>
                  <th scope="row">{monthName(sending.month)}</th>
                  {showCreditor ? <td>{sending.creditorName}</td> : null}
                  <td>{sending.recipient}</td>
                  <td>{format.dateTime(sending.sentAt)}</td>
                  <td>
                    <code className="message-id">{sending.messageId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
