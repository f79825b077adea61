import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getCreditor } from './api.js';
import type { CreditorDetail } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { YesNo } from '../../ui/YesNo.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';

export function CreditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const creditor = useApiData((signal) => getCreditor(id, signal), id);
  usePageTitle(creditor.status === 'ready' ? t('creditor.title', { name: creditor.data.name }) : t('creditors.title'));

  return (
    <>
      <p className="back-link">
        <Link to="/creditors">
          <span aria-hidden="true">← </span>
          {t('creditor.back')}
        </Link>
      </p>
      <AsyncContent data={creditor} onRetry={creditor.reload}>
        {(found) => <CreditorView creditor={found} />}
      </AsyncContent>
    </>
  );
}

function CreditorView({ creditor }: { creditor: CreditorDetail }) {
  const { t } = useTranslation();
  const address = creditor.address;
  return (
    <>
      <h1>
        {creditor.name}{' '}
        <span className="heading-sub">
          <code>{creditor.code}</code> · {labelOf(t, 'values.sectors', creditor.sector)} · {creditor.country}
        </span>
      </h1>
      <section className="card" aria-labelledby="identity-heading">
        <h2 id="identity-heading">{t('creditor.identity')}</h2>
        <Facts
          items={[
            { label: t('creditor.legalName'), value: creditor.legalName },
            { label: t('creditor.registrationNumber'), value: creditor.registrationNumber ?? t('common.none') },
            {
              label: t('creditor.address'),
              value: [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter(Boolean).join(', '),
            },
            { label: t('creditor.contactEmail'), value: creditor.contactEmail ?? t('common.none') },
            { label: t('creditor.contactPhone'), value: creditor.contactPhone ?? t('common.none') },
            { label: t('creditors.active'), value: <YesNo value={creditor.active} /> },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="mandates-heading">
        <h2 id="mandates-heading">{t('creditor.mandates')}</h2>
        {creditor.mandates.length === 0 ? <p>{t('creditor.none')}</p> : <MandatesTable creditor={creditor} />}
      </section>
    </>
  );
}

function MandatesTable({ creditor }: { creditor: CreditorDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={t('creditor.mandatesCaption', { name: creditor.name })}>
      <table className="wrapping-headers">
        <caption className="visually-hidden">{t('creditor.mandatesCaption', { name: creditor.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('creditor.code')}</th>
            <th scope="col">{t('creditor.kind')}</th>
            <th scope="col" className="number">
              {t('creditor.commission')}
            </th>
            <th scope="col" className="number">
              {t('creditor.maxDiscount')}
            </th>
            <th scope="col">{t('creditor.maxPlanMonths')}</th>
            <th scope="col">{t('creditor.settlementsAllowed')}</th>
            <th scope="col">{t('creditor.remittance')}</th>
            <th scope="col">{t('creditor.paymentGrace')}</th>
            <th scope="col">{t('creditor.period')}</th>
          </tr>
        </thead>
        <tbody>
          {creditor.mandates.map((mandate) => (
            <tr key={mandate.id}>
              <th scope="row" className="nowrap">
                <code>{mandate.code}</code>
              </th>
              <td>{labelOf(t, 'creditor.kinds', mandate.kind)}</td>
              <td className="number">{format.percentFromBasisPoints(mandate.commissionRateBp)}</td>
              <td className="number">{format.percentFromBasisPoints(mandate.maxDiscountBp)}</td>
              <td>{t('creditor.months', { count: mandate.maxPlanMonths })}</td>
              <td>
                <YesNo value={mandate.settlementsAllowed} />
              </td>
              <td>
                {t('creditor.remittanceValue', {
                  frequency: labelOf(t, 'values.frequencies', mandate.remittanceFrequency),
                  days: t('creditor.days', { count: mandate.remittanceMaxDays }),
                })}
              </td>
              <td>{t('creditor.days', { count: mandate.paymentGraceDays })}</td>
              <td>
                {mandate.endsOn
                  ? t('creditor.fromToDate', { from: format.date(mandate.startsOn), to: format.date(mandate.endsOn) })
                  : t('creditor.fromDate', { date: format.date(mandate.startsOn) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
