import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { i18next } from '../../i18n/index.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { answerSurvey, getSurvey, type Survey } from './api.js';
import { RecommendationScale, ScoreScale, SurveyComment } from './SurveyFields.js';

const EASE = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The satisfaction survey a debtor opens from the link of their message: no sign-in, one question on 1-5, an optional
 * ease and comment, answered once. Its own frame, like the portal's, and the debtor's language first.
 */
export function SurveyPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('satisfaction.survey.title'));
  const survey = useApiData((signal) => getSurvey(token, signal), `survey-${token}`);
  const language = survey.status === 'ready' ? survey.data.language : null;
  useEffect(() => {
    if (language && !sessionStorage.getItem('survey.language')) void i18next.changeLanguage(language);
  }, [language]);
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t('portal.skip')}
      </a>
      <header className="portal-header">
        <span className="portal-brand">{survey.status === 'ready' ? survey.data.agencyName : t('portal.brand')}</span>
        <div className="portal-header-actions">
          <LanguageSwitcher
            onChange={async (locale) => {
              sessionStorage.setItem('survey.language', locale);
              await i18next.changeLanguage(locale);
            }}
          />
        </div>
      </header>
      <main id="main" className="portal-main">
        <AsyncContent data={survey} onRetry={survey.reload}>
          {(found) => <SurveyCard token={token} survey={found} />}
        </AsyncContent>
      </main>
    </div>
  );
}

function SurveyCard({ token, survey }: { token: string; survey: Survey }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [score, setScore] = useState<number | null>(null);
  const [ease, setEase] = useState<number | null>(null);
  const [recommendation, setRecommendation] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(survey.status !== 'open');
  const sending = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (score === null) return;
    const ok = await sending.run(async () => {
      await answerSurvey(token, {
        score,
        ease,
        recommendation: survey.askRecommendation ? recommendation : null,
        comment: comment.trim() === '' ? null : comment.trim(),
      });
    });
    if (ok) setDone(true);
  }

  if (survey.status === 'expired')
    return (
      <div className="portal-card">
        <h1>{t('satisfaction.survey.expiredHeading')}</h1>
        <p>{t('satisfaction.survey.expired')}</p>
      </div>
    );
  if (done)
    return (
      <div className="portal-card" role="status">
        <h1>{t('satisfaction.survey.thanksHeading')}</h1>
        <p>{t(survey.status === 'answered' ? 'satisfaction.survey.already' : 'satisfaction.survey.thanks')}</p>
      </div>
    );
  return (
    <div className="portal-card">
      <h1>{t('satisfaction.survey.heading')}</h1>
      <p>
        {t('satisfaction.survey.intro', {
          what: t(`satisfaction.kinds.${survey.interactionKind}`),
          date: format.date(survey.interactionOn),
        })}
      </p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <ScoreScale name="score" legend={t('satisfaction.survey.question')} score={score} onChange={setScore} />
        <fieldset className="survey-scale">
          <legend>{t('satisfaction.survey.easeQuestion')}</legend>
          <p className="muted">{t('satisfaction.survey.easeHint')}</p>
          <div className="survey-ease">
            {EASE.map((value) => (
              <label key={value} className="survey-option">
                <input
                  type="radio"
                  name="ease"
                  value={value}
                  checked={ease === value}
                  onChange={() => setEase(value)}
                />
                <span>{value}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {survey.askRecommendation ? (
          <RecommendationScale name="recommendation" value={recommendation} onChange={setRecommendation} />
        ) : null}
        <SurveyComment id="survey-comment" rows={4} comment={comment} onChange={setComment} />
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy || score === null}>
          {t('satisfaction.survey.send')}
        </button>
      </form>
    </div>
  );
}
