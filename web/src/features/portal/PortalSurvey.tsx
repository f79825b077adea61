import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { portalMandateApi, type PortalSurveyInput } from './mandate-api.js';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The one-question survey offered in place after an act the person completed on the portal (docs/portal.md, "Your
 * opinion"): shown only when the server offers it (never under a bereavement, over-indebtedness or vulnerability
 * pause, once per act), a score from 1 to 5 and an optional comment, answered once. Nothing is shown otherwise.
 */
export function PortalSurvey({ caseId, kind, id }: { caseId: string; kind: PortalSurveyInput['kind']; id: string }) {
  const offer = useApiData((signal) => portalMandateApi.surveyOffer(caseId, kind, id, signal), `${kind}/${id}`);
  if (offer.status !== 'ready' || !offer.data.offered) return null;
  return <SurveyForm caseId={caseId} kind={kind} id={id} />;
}

function SurveyForm({ caseId, kind, id }: { caseId: string; kind: PortalSurveyInput['kind']; id: string }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const sending = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (score === null) return;
    await sending.run(async () => {
      await portalMandateApi.answerSurvey(caseId, {
        kind,
        id,
        score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setDone(true);
    });
  }

  if (done)
    return (
      <section aria-labelledby="portal-survey" className="portal-survey">
        <h2 id="portal-survey">{t('portalMandate.survey.heading')}</h2>
        <p role="status">{t('portalMandate.survey.thanks')}</p>
      </section>
    );
  return (
    <section aria-labelledby="portal-survey" className="portal-survey">
      <h2 id="portal-survey">{t('portalMandate.survey.heading')}</h2>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <fieldset className="survey-scale">
          <legend>{t('portalMandate.survey.question')}</legend>
          {SCORES.map((value) => (
            <label key={value} className="survey-option">
              <input
                type="radio"
                name="portal-survey-score"
                value={value}
                required
                checked={score === value}
                onChange={() => setScore(value)}
              />
              <span>
                {value} – {t(`satisfaction.survey.scores.${value}`)}
              </span>
            </label>
          ))}
        </fieldset>
        <label htmlFor="portal-survey-comment">{t('satisfaction.survey.comment')}</label>
        <p className="muted" id="portal-survey-comment-hint">
          {t('satisfaction.survey.commentHint')}
        </p>
        <textarea
          id="portal-survey-comment"
          aria-describedby="portal-survey-comment-hint"
          maxLength={1000}
          rows={3}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy || score === null}>
          {t('satisfaction.survey.send')}
        </button>
      </form>
    </section>
  );
}
