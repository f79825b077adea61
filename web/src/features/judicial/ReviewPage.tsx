import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getReview, type ReviewView } from './api.js';
import { ReviewDecisionForm } from './ReviewDecisionForm.js';
import { ReviewHistory } from './ReviewHistory.js';

/**
 * The review screen: every fact the reviewer must weigh before a case goes to court (amounts and threshold, what
 * blocks an escalation, the route the facts suggest, the time bar, disputes, vulnerability as far as the reader may
 * know it, contacts, budget, offers and payments), then the decision with its reason.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const review = useApiData((signal) => getReview(id, signal), id);
  const reference = review.status === 'ready' ? review.data.caseReference : '';
  usePageTitle(t('judicial.review.title', { reference }));
  return (
    <>
      <p className="back-link">
        <Link to="/judicial-reviews">
          <span aria-hidden="true">← </span>
          {t('judicial.review.back')}
        </Link>
      </p>
      <AsyncContent data={review} onRetry={review.reload}>
        {(found) => (
          <>
            <h1>{t('judicial.review.title', { reference: found.caseReference })}</h1>
            <ReviewFacts review={found} />
            <ReviewHistory review={found} />
            {found.decision ? <Decided review={found} /> : <ReviewDecisionForm review={found} onDone={review.reload} />}
          </>
        )}
      </AsyncContent>
    </>
  );
}

function ReviewFacts({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { amounts, route } = review;
  return (
    <>
      <section className="card" aria-labelledby="review-summary">
        <h2 id="review-summary">{t('judicial.review.summary')}</h2>
        <Facts
          items={[
            { label: t('judicial.review.debtor'), value: review.debtorName },
            { label: t('judicial.review.creditor'), value: review.creditorName },
            { label: t('judicial.review.mandate'), value: review.mandateCode },
            { label: t('judicial.review.stage'), value: labelOf(t, 'stages', review.stage) },
            { label: t('judicial.review.dueOn'), value: format.date(review.dueOn) },
            { label: t('judicial.review.delay'), value: t('judicial.review.delayDays', { count: review.reviewDays }) },
          ]}
        />
        <p>
          <Link to={`/cases/${review.caseId}`}>{t('judicial.review.openCase')}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="review-amounts">
        <h2 id="review-amounts">{t('judicial.review.amounts')}</h2>
        <Facts
          items={[
            { label: t('judicial.review.principal'), value: format.money(amounts.principalCents) },
            { label: t('judicial.review.interest'), value: format.money(amounts.interestCents) },
            { label: t('judicial.review.amount'), value: format.money(amounts.amountCents) },
            { label: t('judicial.review.fees'), value: format.money(amounts.feesCents) },
            { label: t('judicial.review.balance'), value: format.money(amounts.balanceCents) },
            { label: t('judicial.review.threshold'), value: format.money(amounts.thresholdCents) },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="review-checks">
        <h2 id="review-checks">{t('judicial.review.checks')}</h2>
        {review.blocks.length === 0 ? (
          <p>{t('judicial.review.noBlock')}</p>
        ) : (
          <ul>
            {review.blocks.map((block) => (
              <li key={block} className="warning-text">
                {labelOf(t, 'judicial.blocks', block)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="review-route">
        <h2 id="review-route">{t('judicial.review.route')}</h2>
        <Facts
          items={[
            { label: t('judicial.review.proposed'), value: labelOf(t, 'judicial.routes', route.proposed) },
            {
              label: t('judicial.review.allowed'),
              value: route.allowed.map((r) => labelOf(t, 'judicial.routes', r)).join(' · '),
            },
            { label: t('judicial.review.hasTitle'), value: route.hasTitle ? t('common.yes') : t('common.no') },
          ]}
        />
        <p className="muted">
          {t('judicial.review.ceiling', { amount: format.money(route.ceilingCents), source: route.ceilingSource })}
        </p>
      </section>
    </>
  );
}

function Decided({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decision = review.decision;
  if (!decision) return null;
  return (
    <section className="card" aria-labelledby="review-decided">
      <h2 id="review-decided">{t('judicial.review.decided')}</h2>
      <p>
        {t('judicial.review.decidedLine', {
          decision: labelOf(t, 'judicial.decisions', decision.decision),
          date: format.dateTime(decision.decidedAt),
          name: decision.decidedBy ?? '—',
        })}
      </p>
      <p>{t('judicial.review.reasonGiven', { reason: decision.reason })}</p>
      {decision.chosenRoute ? (
        <p>{t('judicial.review.decidedRoute', { route: labelOf(t, 'judicial.routes', decision.chosenRoute) })}</p>
      ) : null}
      {decision.debtorToldAt && decision.fileNotBefore ? (
        <p>
          {t('judicial.review.decidedNotice', {
            date: format.dateTime(decision.debtorToldAt),
            notBefore: format.date(decision.fileNotBefore),
          })}
        </p>
      ) : null}
      {decision.nextReviewOn ? (
        <p>{t('judicial.review.decidedNext', { date: format.date(decision.nextReviewOn) })}</p>
      ) : null}
    </section>
  );
}
