import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Payment } from './api.js';
import type { Formatters } from '../../i18n/format.js';
import { useFormat } from '../../i18n/format.js';
import { browserToday } from '../../ui/today.js';

/** Where a payment's money went, in plain words: one line per claim and component, then what stayed as credit. */
export function allocationLines(t: TFunction, format: Formatters, payment: Payment): string[] {
  const lines = payment.allocations.map((allocation) =>
    t('payments.case.allocationLine', {
      amount: format.money(allocation.amountCents, payment.currency),
      component: t(`payments.components.${allocation.component}`),
      claim: allocation.claimReference,
    }),
  );
  if (payment.unallocatedCents > 0)
    lines.push(t('payments.case.unallocated', { amount: format.money(payment.unallocatedCents, payment.currency) }));
  return lines;
}

export function AllocationList({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lines = allocationLines(t, format, payment);
  if (lines.length === 0) return <span className="muted">{t('payments.case.nothingAllocated')}</span>;
  return (
    <ul className="plain-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** A payment's state: recorded, or reversed with its kind, date and reason. */
export function PaymentStatus({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (payment.status !== 'reversed') return <>{t('payments.statuses.recorded')}</>;
  return (
    <>
      <strong className="warning-text">
        {t('payments.case.reversedLine', {
          date: payment.reversedAt ? format.dateTime(payment.reversedAt) : '—',
          kind: t(`payments.reversalKinds.${payment.reversalKind ?? 'error'}`, {
            defaultValue: payment.reversalKind ?? '',
          }),
        })}
      </strong>
      {payment.reversalReason ? (
        <>
          <br />
          <q lang="fr">{payment.reversalReason}</q>
        </>
      ) : null}
    </>
  );
}

/** Today's calendar date in the browser (YYYY-MM-DD), the default day a payment was received. */
export const todayIso = browserToday;
