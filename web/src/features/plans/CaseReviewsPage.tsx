import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { closeCaseReview, listCaseReviews, type CaseReview } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { ReasonField, SubmitRow, useSubmitThen } from './forms.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';

/**
 * Review items for a person (GDPR art. 22: Accord refuses nothing by itself): orientation to the Banque de France
 * procedure and debt advice at capacity zero or beyond 84 months, and broken plans. Each is closed with what a person
 * decided, in their own words.
 */
export function CaseReviewsPage() {
  const { t } = useTranslation();
  usePageTitle(t('caseReviews.title'));
  const reviews = useApiData((signal) => listCaseReviews(signal), 'case-reviews');
  const [done, setDone] = useState<Saying | null>(null);
  return (
    <>
      <h1>{t('caseReviews.title')}</h1>
      <p>{t('caseReviews.intro')}</p>
      <div role="status" className="status-area">
        <SuccessMessage saying={done} />
      </div>
      <AsyncContent data={reviews} onRetry={reviews.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p className="muted">{t('caseReviews.none')}</p>
          ) : (
            <ul className="plain-list">
              {found.items.map((item) => (
                <ReviewCard
                  key={item.id}
                  item={item}
                  onClosed={(message) => {
                    setDone(() => message);
                    reviews.reload();
                  }}
                />
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </>
  );
}

/** `instalment_3_unpaid` (a broken plan) carries its instalment's number. */
function useReviewReason() {
  const { t } = useTranslation();
  return (reason: string) => {
    const unpaid = /^instalment_(\d+)_unpaid$/.exec(reason);
    return unpaid
      ? t('caseReviews.reasons.instalment_unpaid', { number: Number(unpaid[1]) })
      : t(`caseReviews.reasons.${reason}`, { defaultValue: reason });
  };
}

function ReviewCard({ item, onClosed }: { item: CaseReview; onClosed: (message: Saying) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = useReviewReason();
  const [outcome, setOutcome] = useState('');
  const { submit, send } = useSubmitThen(onClosed);
  const headingId = `review-heading-${item.id}`;

  async function close(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send(async () => {
      await closeCaseReview(item.id, outcome.trim());
      return (t) => t('caseReviews.closed', { reference: item.caseReference });
    });
  }

  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/cases/${item.caseId}`}>
          {t('caseReviews.caseLine', { reference: item.caseReference, name: item.debtorName })}
        </Link>
      </h2>
      <p>
        <span className={`badge review-${item.kind}`}>{t(`caseReviews.kinds.${item.kind}`)}</span>{' '}
        {t('caseReviews.since', { at: format.dateTime(item.openedAt) })},{' '}
        {item.openedBy ? t('caseReviews.openedBy', { name: item.openedBy }) : t('caseReviews.openedBySystem')}
      </p>
      <p>
        <strong>{t('caseReviews.why')}</strong> {item.reasons.map(describe).join(' ; ')}
      </p>
      <p className="hint">{t(`caseReviews.guidance.${item.kind}`)}</p>
      <p>
        <Link to={`/cases/${item.caseId}/plans`}>{t('caseReviews.openPlans')}</Link>
      </p>
      <form onSubmit={(e) => void close(e)} noValidate>
        <ReasonField
          id={`review-outcome-${item.id}`}
          rows={3}
          label={t('caseReviews.outcome')}
          hint={t('caseReviews.outcomeHint')}
          value={outcome}
          onChange={setOutcome}
        />
        <SubmitRow label={t('caseReviews.close')} submit={submit} />
      </form>
    </li>
  );
}
