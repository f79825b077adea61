import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_CLOSE_REASONS, REVIEW_DECISIONS, type JudicialRoute } from '../../../../src/judicial/contract.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { decideReview, type ReviewView } from './api.js';

type Decision = (typeof REVIEW_DECISIONS)[number];
type CloseReason = (typeof REVIEW_CLOSE_REASONS)[number];

/**
 * The reviewer's decision with its reason: escalate by one of the routes the facts allow (not offered while something
 * blocks it), keep amicable until a new date, close, or return to the creditor.
 */
export function ReviewDecisionForm({ review, onDone }: { review: ReviewView; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const blocked = review.blocks.length > 0;
  const decisions = REVIEW_DECISIONS.filter((decision) => decision !== 'escalate' || !blocked);
  const [decision, setDecision] = useState<Decision>(
    decisions.includes(review.proposedDecision) ? review.proposedDecision : 'keep_amicable',
  );
  const [route, setRoute] = useState<JudicialRoute>(review.route.proposed);
  const [reason, setReason] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [closeReason, setCloseReason] = useState<CloseReason>('settled');

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await decideReview(review.id, {
        decision,
        reason: reason.trim(),
        ...(decision === 'escalate' ? { route } : {}),
        ...(decision === 'keep_amicable' ? { nextReviewOn } : {}),
        ...(decision === 'close' ? { closeReason } : {}),
      });
      return (t) => t('judicial.form.done');
    });
    if (ok) onDone();
  }

  return (
    <form className="grid-form card" onSubmit={(event) => void send(event)} aria-labelledby="review-form-heading">
      <h2 id="review-form-heading" className="wide">
        {t('judicial.form.heading')}
      </h2>
      {blocked ? <p className="wide warning-text">{t('judicial.form.blockedHint')}</p> : null}
      <CodeSelect
        id="review-decision"
        label={t('judicial.form.decision')}
        group="judicial.decisions"
        values={decisions}
        value={decision}
        onChange={setDecision}
      />
      {decision === 'escalate' ? (
        <Field id="review-chosen-route" label={t('judicial.form.route')} hint={t('judicial.form.routeHint')}>
          {(control) => (
            <select {...control} value={route} onChange={(e) => setRoute(e.target.value as JudicialRoute)}>
              {review.route.allowed.map((allowed) => (
                <option key={allowed} value={allowed}>
                  {t(`judicial.routes.${allowed}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {decision === 'keep_amicable' ? (
        <Field id="review-next" label={t('judicial.form.nextReviewOn')} hint={t('judicial.form.nextReviewHint')}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              value={nextReviewOn}
              onChange={(e) => setNextReviewOn(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      {decision === 'close' ? (
        <CodeSelect
          id="review-close-reason"
          label={t('judicial.form.closeReason')}
          group="values.closeReasons"
          values={REVIEW_CLOSE_REASONS}
          value={closeReason}
          onChange={setCloseReason}
        />
      ) : null}
      <Field id="review-reason" label={t('judicial.form.reason')} hint={t('judicial.form.reasonHint')} wide>
        {(control) => (
          <textarea
            {...control}
            required
            minLength={10}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      {decision === 'escalate' ? <p className="wide muted">{t('judicial.form.escalateHint')}</p> : null}
      <div className="form-actions wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('judicial.form.submit')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
    </form>
  );
}
