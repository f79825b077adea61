import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getRemittance, remittanceFileUrl, type Remittance } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { decisionFacts, ReleasePanel, RemittanceStatus } from './ReleasePanel.js';
import { useMe } from '../identity/SessionProvider.js';

/** A creditor's remittance statement: every amount collected, the commission, the net, and its documents. */
export function RemittancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const remittance = useApiData((signal) => getRemittance(id, signal), id);
  usePageTitle(
    remittance.status === 'ready'
      ? t('payments.remittance.title', { number: remittance.data.number })
      : t('payments.page.title'),
  );
  return (
    <>
      <p className="back-link">
        <Link to="/payments">
          <span aria-hidden="true">← </span>
          {t('payments.remittance.back')}
        </Link>
      </p>
      <AsyncContent data={remittance} onRetry={remittance.reload}>
        {(found) => <RemittanceView remittance={found} onChange={remittance.reload} />}
      </AsyncContent>
    </>
  );
}

function RemittanceView({ remittance, onChange }: { remittance: Remittance; onChange: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const money = (cents: number) => format.money(cents);
  return (
    <>
      <h1>
        {t('payments.remittance.title', { number: remittance.number })}{' '}
        <span className="heading-sub">{remittance.creditorName}</span> <RemittanceStatus status={remittance.status} />
      </h1>
      {can(me.role, 'remittances.manage') ? <ReleasePanel remittance={remittance} onChange={onChange} /> : null}
      <section className="card" aria-labelledby="remittance-totals-heading">
        <h2 id="remittance-totals-heading">{t('payments.remittance.totals')}</h2>
        <Facts
          items={[
            { label: t('payments.page.creditor'), value: `${remittance.creditorName} (${remittance.creditorCode})` },
            { label: t('payments.page.periodTo'), value: format.date(remittance.periodTo) },
            {
              label: t('payments.page.collected'),
              value: <span data-testid="remittance-collected">{money(remittance.collectedCents)}</span>,
            },
            {
              label: t('payments.page.commission'),
              value: <span data-testid="remittance-commission">{money(remittance.commissionCents)}</span>,
            },
            {
              label: t('payments.page.net'),
              value: (
                <strong className="amount" data-testid="remittance-net">
                  {money(remittance.netCents)}
                </strong>
              ),
            },
            { label: t('payments.page.preparedAt'), value: format.dateTime(remittance.preparedAt) },
            { label: t('payments.remittance.preparedBy'), value: remittance.preparedBy ?? t('common.none') },
            ...decisionFacts(remittance, t, format.dateTime),
          ]}
        />
        <h3>{t('payments.remittance.files')}</h3>
        <ul className="plain-list">
          <li>
            <a href={remittanceFileUrl(remittance.id, 'statement.pdf')} target="_blank" rel="noreferrer">
              {t('payments.remittance.pdf')}
            </a>
          </li>
          <li>
            <a href={remittanceFileUrl(remittance.id, 'statement.csv')} download>
              {t('payments.remittance.csv')}
            </a>
          </li>
          {can(me.role, 'remittances.manage') && remittance.netCents > 0 ? (
            <li>
              {remittance.status === 'released' ? (
                <a href={remittanceFileUrl(remittance.id, 'transfer.xml')} download>
                  {t('payments.remittance.transfer')}
                </a>
              ) : (
                <span className="hint">{t('administration.fourEyes.transferAfterRelease')}</span>
              )}
            </li>
          ) : null}
        </ul>
      </section>
      <RemittanceLines remittance={remittance} />
    </>
  );
}

/** Each amount the statement counts, a reversal (negative) marked, with the totals at the foot. */
function RemittanceLines({ remittance }: { remittance: Remittance }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (cents: number) => format.money(cents);
  return (
    <section className="card" aria-labelledby="remittance-lines-heading">
      <h2 id="remittance-lines-heading">{t('payments.remittance.lines')}</h2>
      <TableScroll label={t('payments.remittance.linesCaption')}>
        <table>
          <caption className="visually-hidden">{t('payments.remittance.linesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payments.remittance.occurredOn')}</th>
              <th scope="col">{t('payments.page.case')}</th>
              <th scope="col">{t('payments.case.receipt')}</th>
              <th scope="col" className="number">
                {t('payments.page.collected')}
              </th>
              <th scope="col" className="number">
                {t('payments.page.commission')}
              </th>
              <th scope="col" className="number">
                {t('payments.page.net')}
              </th>
            </tr>
          </thead>
          <tbody>
            {remittance.lines.map((line, index) => (
              <tr key={index} className={line.collectedCents < 0 ? 'row-warning' : undefined}>
                <th scope="row" className="plain">
                  {format.date(line.occurredOn)}
                </th>
                <td>{line.caseReference}</td>
                <td>{line.receiptNumber ?? t('common.none')}</td>
                <td className="number">{money(line.collectedCents)}</td>
                <td className="number">{money(line.commissionCents)}</td>
                <td className="number">{money(line.netCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('payments.remittance.totals')}
              </th>
              <td className="number">{money(remittance.collectedCents)}</td>
              <td className="number">{money(remittance.commissionCents)}</td>
              <td className="number">
                <strong>{money(remittance.netCents)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
