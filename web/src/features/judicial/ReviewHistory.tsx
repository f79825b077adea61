import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { Facts } from '../../ui/Facts.js';
import type { ReviewView } from './api.js';

/**
 * What the reviewer weighs besides the amounts: the time bar, disputes, the vulnerability (a flag and "see the care
 * unit" for a reader with no need to know), the contacts, the budget, the offers made and their fate, the payments.
 */
export function ReviewHistory({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { timeBar, vulnerability } = review;
  return (
    <>
      <section className="card" aria-labelledby="review-time-bar">
        <h2 id="review-time-bar">{t('judicial.review.timeBar')}</h2>
        {timeBar.claims.length === 0 ? (
          <p>{t('judicial.review.timeBarNone')}</p>
        ) : (
          <ul>
            {timeBar.claims.map((claim) => (
              <li key={claim.reference} className={claim.status === 'time_barred' ? 'warning-text' : undefined}>
                {t('judicial.review.claimBar', {
                  reference: claim.reference,
                  status: labelOf(t, 'judicial.timeBarStatuses', claim.status),
                  date: format.date(claim.lastDay),
                  source: claim.source,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="review-disputes">
        <h2 id="review-disputes">{t('judicial.review.disputes')}</h2>
        {review.disputes.length === 0 ? (
          <p>{t('judicial.review.noDispute')}</p>
        ) : (
          <ul>
            {review.disputes.map((dispute) => (
              <li key={`${dispute.claimReference}-${dispute.status}`} className="warning-text">
                {t('judicial.review.disputeLine', {
                  reference: dispute.claimReference,
                  grounds: labelOf(t, 'disputes.grounds', dispute.grounds),
                  status: labelOf(t, 'disputes.statuses', dispute.status),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="review-vulnerability">
        <h2 id="review-vulnerability">{t('judicial.review.vulnerability')}</h2>
        {!vulnerability.flagged ? (
          <p>{t('judicial.review.vulnerabilityNone')}</p>
        ) : vulnerability.restricted || vulnerability.reason === null ? (
          <p className="warning-text">{t('judicial.review.vulnerabilityRestricted')}</p>
        ) : (
          <p className="warning-text">
            {t('judicial.review.vulnerabilityShown', { reason: vulnerability.reason })}
            {vulnerability.reviewOn
              ? ` · ${t('judicial.review.vulnerabilityReview', { date: format.date(vulnerability.reviewOn) })}`
              : ''}
          </p>
        )}
      </section>
      <ReviewDealings review={review} />
    </>
  );
}

/** The dealings with the debtor so far: contacts, budget, offers made and what became of them, payments. */
function ReviewDealings({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contacts, budget, payments } = review;
  return (
    <>
      <section className="card" aria-labelledby="review-contacts">
        <h2 id="review-contacts">{t('judicial.review.contacts')}</h2>
        <Facts
          items={[
            { label: t('judicial.review.contactsTotal'), value: format.count(contacts.total) },
            { label: t('judicial.review.conversations'), value: format.count(contacts.conversations) },
            {
              label: t('judicial.review.byChannel'),
              value:
                Object.entries(contacts.byChannel)
                  .map(([channel, n]) => `${labelOf(t, 'values.channels', channel)} ${format.count(n)}`)
                  .join(' · ') || t('common.none'),
            },
            {
              label: t('judicial.review.lastContact'),
              value: contacts.lastAt ? format.dateTime(contacts.lastAt) : t('common.none'),
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="review-budget">
        <h2 id="review-budget">{t('judicial.review.budget')}</h2>
        {budget === null ? (
          <p>{t('judicial.review.noBudget')}</p>
        ) : (
          <Facts
            items={[
              { label: t('judicial.review.capacity'), value: format.money(budget.capacityCents) },
              { label: t('judicial.review.assessedOn'), value: format.date(budget.assessedOn) },
            ]}
          />
        )}
      </section>
      <section className="card" aria-labelledby="review-offers">
        <h2 id="review-offers">{t('judicial.review.offers')}</h2>
        {review.offers.length === 0 ? (
          <p className="warning-text">{t('judicial.review.noOffer')}</p>
        ) : (
          <ul>
            {review.offers.map((offer) => (
              <li key={`${offer.createdAt}-${offer.version}-${offer.agreedCents}`}>
                {t('judicial.review.offerLine', {
                  version: offer.version,
                  date: format.date(offer.createdAt),
                  kind: labelOf(t, 'plans.kinds', offer.kind),
                  amount: format.money(offer.agreedCents),
                  status: labelOf(t, 'judicial.planStatuses', offer.planStatus),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="review-payments">
        <h2 id="review-payments">{t('judicial.review.payments')}</h2>
        <p>
          {t('judicial.review.paymentsLine', { count: payments.count, amount: format.money(payments.totalCents) })}
          {payments.lastOn ? ` · ${t('judicial.review.lastPayment', { date: format.date(payments.lastOn) })}` : ''}
        </p>
      </section>
    </>
  );
}
