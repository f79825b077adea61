import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { RecommendationScale, ScoreScale, SurveyComment } from '../satisfaction/SurveyFields.js';
import { portalMandateApi, type PortalSurveyInput } from './mandate-api.js';

/**
 * The one-question survey offered in place after an act the person completed on the portal (docs/portal.md, "Your
 * opinion"): shown only when the server offers it (never under a bereavement, over-indebtedness or vulnerability
 * pause, once per act), a score from 1 to 5 and an optional comment, answered once. Nothing is shown otherwise.
 */
export function PortalSurvey({ caseId, kind, id }: { caseId: string; kind: PortalSurveyInput['kind']; id: string }) {
  const offer = useApiData((signal) => portalMandateApi.surveyOffer(caseId, kind, id, signal), `${kind}/${id}`);
  if (offer.status !== 'ready' || !offer.data.offered) return null;
  return <SurveyForm caseId={caseId} kind={kind} id={id} askRecommendation={offer.data.askRecommendation} />;
}

function SurveyForm({
  caseId,
  kind,
  id,
  askRecommendation,
}: {
  caseId: string;
  kind: PortalSurveyInput['kind'];
  id: string;
  askRecommendation: boolean;
}) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [recommendation, setRecommendation] = useState<number | null>(null);
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
        ...(askRecommendation && recommendation !== null ? { recommendation } : {}),
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
        <ScoreScale
          name="portal-survey-score"
          legend={t('portalMandate.survey.question')}
          score={score}
          onChange={setScore}
        />
        {askRecommendation ? (
          <RecommendationScale
            name="portal-survey-recommendation"
            value={recommendation}
            onChange={setRecommendation}
          />
        ) : null}
        <SurveyComment id="portal-survey-comment" rows={3} comment={comment} onChange={setComment} />
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy || score === null}>
          {t('satisfaction.survey.send')}
        </button>
      </form>
    </section>
  );
}
