import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { portalPaymentsApi, type CardPaymentView } from './payments-api.js';

/**
 * Back from the provider's page: where the card payment stands. Pending until the provider confirms it to the agency
 * (a few seconds, sometimes more; the page looks again on demand), then paid with its receipt, or not made.
 */
export function PortalPaidPage() {
  const { caseId = '', cardPaymentId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('portal.pay.returnTitle'));
  const data = useLiveData(
    (signal) => portalPaymentsApi.card(caseId, cardPaymentId, signal),
    `${caseId}/${cardPaymentId}`,
  );
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <h1>{t('portal.pay.returnTitle')}</h1>
      <AsyncContent data={data} onRetry={data.reload}>
        {(card) => <CardState caseId={caseId} card={card} reload={data.reload} />}
      </AsyncContent>
    </div>
  );
}

function CardState({ caseId, card, reload }: { caseId: string; card: CardPaymentView; reload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = format.money(card.amountCents);
  if (card.status === 'paid')
    return (
      <>
        <p role="status" data-testid="portal-card-state">
          <strong>{t('portal.pay.paid', { amount })}</strong>
        </p>
        {card.payment ? (
          <p>
            <a href={portalPaymentsApi.receiptUrl(caseId, card.payment.id)} download>
              {t('portal.pay.receipt', { number: card.payment.receiptNumber })}
            </a>
          </p>
        ) : null}
      </>
    );
  if (card.status === 'pending')
    return (
      <>
        <p role="status" data-testid="portal-card-state">
          <strong>{t('portal.pay.pending', { amount })}</strong>
        </p>
        <p>{t('portal.pay.pendingHint')}</p>
        <button type="button" className="button" onClick={reload}>
          {t('portal.pay.lookAgain')}
        </button>
      </>
    );
  // Taken by the provider, not yet on the file: the person must not pay again.
  if (card.status === 'to_check')
    return (
      <p role="status" data-testid="portal-card-state">
        <strong>{t('portal.pay.toCheck', { amount })}</strong>
      </p>
    );
  return (
    <>
      <p role="status" data-testid="portal-card-state">
        <strong>{t('portal.pay.notMade', { amount })}</strong>
      </p>
      <p>
        <Link className="button" to={`/portal/cases/${caseId}/pay`}>
          {t('portal.pay.tryAgain')}
        </Link>
      </p>
    </>
  );
}
