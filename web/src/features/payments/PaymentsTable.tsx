import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { receiptPdfUrl, type Payment } from './api.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { useFormat } from '../../i18n/format.js';
import { AllocationList, PaymentStatus } from './shared.js';

interface Props {
  payments: Payment[];
  caption: string;
  /** Shows the case of each payment (lists across cases), linked when the reader may open cases. */
  caseColumn?: 'link' | 'text';
  /** Offers a reversal per recorded payment (roles holding payments.reverse). */
  onReverse?: ((payment: Payment) => void) | null;
  /** A footer row (the total of a period). */
  footer?: ReactNode;
}

/** Payments with their amount, channel, receipt (PDF), allocation and status. */
export function PaymentsTable({ payments, caption, caseColumn, onReverse, footer }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('payments.case.receivedOn')}</th>
            {caseColumn ? <th scope="col">{t('payments.page.case')}</th> : null}
            <th scope="col" className="number">
              {t('payments.case.amount')}
            </th>
            <th scope="col">{t('payments.case.channel')}</th>
            <th scope="col">{t('payments.case.receipt')}</th>
            <th scope="col">{t('payments.case.allocation')}</th>
            <th scope="col">{t('payments.case.status')}</th>
            {onReverse ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => (
            <tr
              key={payment.id}
              className={payment.status === 'reversed' ? 'row-warning' : undefined}
              data-testid={`payment-${payment.receiptNumber}`}
            >
              <th scope="row" className="plain">
                {format.date(payment.receivedOn)}
              </th>
              {caseColumn ? (
                <td className="nowrap">
                  {caseColumn === 'link' ? (
                    <Link to={`/cases/${payment.caseId}`}>{payment.caseReference}</Link>
                  ) : (
                    payment.caseReference
                  )}
                </td>
              ) : null}
              <td className="number">{format.money(payment.amountCents, payment.currency)}</td>
              <td>
                {t(`payments.channels.${payment.channel}`)}
                {payment.reference ? <span className="muted"> ({payment.reference})</span> : null}
              </td>
              <td>
                <a href={receiptPdfUrl(payment.id)} target="_blank" rel="noreferrer">
                  {t('payments.case.receiptLink', { number: payment.receiptNumber })}
                </a>
              </td>
              <td>
                <AllocationList payment={payment} />
              </td>
              <td>
                <PaymentStatus payment={payment} />
              </td>
              {onReverse ? (
                <td>
                  {payment.status === 'recorded' ? (
                    <button
                      type="button"
                      className="button secondary"
                      aria-label={t('payments.case.reverse', { number: payment.receiptNumber })}
                      onClick={() => onReverse(payment)}
                    >
                      {t('payments.case.reverseShort')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </TableScroll>
  );
}
