import { useTranslation } from 'react-i18next';
import { useRef, useState } from 'react';
import { getCasePayments, type Payment } from './api.js';
import type { CaseDetail } from '../portfolio/api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { CreditPanel } from './CreditPanel.js';
import { RecordPaymentForm } from './RecordPaymentForm.js';
import { ReversalForm } from './ReversalForm.js';
import { PaymentsTable } from './PaymentsTable.js';

/** The case's payments (allocation, receipt, status), the debtor's credit, and the forms to record and reverse. */
export function PaymentsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const payments = useApiData((signal) => getCasePayments(detail.id, signal), detail.id);
  // While a reload runs (after a payment, a reversal), the last answer stays on screen with its messages.
  const last = useRef<{ items: Payment[]; debtorCreditCents: number | null } | null>(null);
  if (payments.status === 'ready') last.current = payments.data;
  const shown =
    payments.status === 'loading' && last.current ? { status: 'ready' as const, data: last.current } : payments;
  const [reversing, setReversing] = useState<Payment | null>(null);
  const mayReverse = can(me.role, 'payments.reverse');
  return (
    <>
      <section className="card" aria-labelledby="payments-heading">
        <h2 id="payments-heading">{t('payments.case.heading')}</h2>
        <AsyncContent data={shown} onRetry={payments.reload}>
          {(found) => (
            <>
              {found.debtorCreditCents === null ? null : (
                <CreditPanel
                  caseId={detail.id}
                  debtorId={detail.debtor.id}
                  creditCents={found.debtorCreditCents}
                  currency={detail.currency}
                  onChanged={payments.reload}
                />
              )}
              {found.items.length === 0 ? (
                <p>{t('payments.case.noPayments')}</p>
              ) : (
                <PaymentsTable
                  payments={found.items}
                  caption={t('payments.case.caption')}
                  onReverse={mayReverse ? setReversing : null}
                />
              )}
            </>
          )}
        </AsyncContent>
        {reversing ? (
          <ReversalForm
            key={reversing.id}
            payment={reversing}
            onClose={() => setReversing(null)}
            onReversed={payments.reload}
          />
        ) : null}
      </section>
      {can(me.role, 'payments.record') ? (
        detail.status === 'closed' ? null : (
          <RecordPaymentForm caseId={detail.id} claims={detail.claims} onRecorded={payments.reload} />
        )
      ) : null}
    </>
  );
}
