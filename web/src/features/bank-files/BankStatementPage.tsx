import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getBankStatement, type BankReport } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { can } from '../identity/permissions.js';
import { countsText } from './bankCounts.js';
import { useMe } from '../identity/SessionProvider.js';

/** One import's report: every line of the statement, what became of it and why. */
export function BankStatementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useApiData((signal) => getBankStatement(id, signal), id);
  const name = report.status === 'ready' ? (report.data.fileName ?? report.data.messageId) : '';
  usePageTitle(name ? t('payments.bank.report', { name }) : t('payments.bank.title'));
  return (
    <>
      <p className="back-link">
        <Link to="/bank-statements">
          <span aria-hidden="true">← </span>
          {t('payments.bank.back')}
        </Link>
      </p>
      <AsyncContent data={report} onRetry={report.reload}>
        {(found) => <ReportView report={found} />}
      </AsyncContent>
    </>
  );
}

function ReportView({ report }: { report: BankReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const queued = report.lines.some((line) => line.status === 'queued');
  return (
    <>
      <h1>{t('payments.bank.report', { name: report.fileName ?? report.messageId })}</h1>
      <section className="card" aria-labelledby="report-summary-heading">
        <h2 id="report-summary-heading" className="visually-hidden">
          {t('payments.bank.result')}
        </h2>
        <p data-testid="bank-report-summary">
          <strong>{countsText(t, report.counts)}</strong>
        </p>
        <Facts
          items={[
            { label: t('payments.bank.kind'), value: report.kind },
            { label: t('payments.bank.messageId'), value: report.messageId },
            {
              label: t('payments.bank.account'),
              value: <span className="break-anywhere">{report.accountIbans.join(', ')}</span>,
            },
            { label: t('payments.bank.importedAt'), value: format.dateTime(report.importedAt) },
          ]}
        />
        {queued ? (
          <p>
            <Link to="/bank-match-queue">{t('payments.bank.queueLink')}</Link>
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="report-lines-heading">
        <h2 id="report-lines-heading">{t('payments.bank.linesCaption')}</h2>
        <TableScroll label={t('payments.bank.linesCaption')}>
          <table>
            <caption className="visually-hidden">{t('payments.bank.linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payments.bank.line')}</th>
                <th scope="col">{t('payments.bank.bookingDate')}</th>
                <th scope="col">{t('payments.bank.lineKind')}</th>
                <th scope="col" className="number">
                  {t('payments.bank.amount')}
                </th>
                <th scope="col">{t('payments.bank.payer')}</th>
                <th scope="col">{t('payments.bank.information')}</th>
                <th scope="col">{t('payments.bank.status')}</th>
                <th scope="col">{t('payments.bank.reason')}</th>
                <th scope="col">{t('payments.bank.case')}</th>
              </tr>
            </thead>
            <tbody>
              {report.lines.map((line) => (
                <tr
                  key={line.id}
                  className={line.status === 'queued' || line.status === 'reversed' ? 'row-warning' : undefined}
                >
                  <th scope="row" className="plain">
                    {line.entryNumber}.{line.transactionNumber}
                  </th>
                  <td>{line.bookingDate ? format.date(line.bookingDate) : t('common.none')}</td>
                  <td>{labelOf(t, 'payments.bank.lineKinds', line.kind)}</td>
                  <td className="number">{format.money(line.amountCents)}</td>
                  <td>{line.debtorName ?? t('common.none')}</td>
                  <td>
                    {[line.endToEndId, line.creditorReference, line.remittanceText, line.returnReason]
                      .filter(Boolean)
                      .join(' · ') || t('common.none')}
                  </td>
                  <td>{labelOf(t, 'payments.bank.lineStatuses', line.status)}</td>
                  <td>
                    {labelOf(t, 'payments.bank.reasons', line.reason)}
                    {line.confidence ? (
                      <span className="muted"> ({labelOf(t, 'payments.bank.confidences', line.confidence)})</span>
                    ) : null}
                  </td>
                  <td>
                    {line.caseId && line.caseReference ? (
                      can(me.role, 'cases.read') ? (
                        <Link to={`/cases/${line.caseId}`}>{line.caseReference}</Link>
                      ) : (
                        line.caseReference
                      )
                    ) : (
                      t('common.none')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
