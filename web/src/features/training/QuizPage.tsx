import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getAttempt, startAttempt, submitAnswers, type AttemptView } from './api.js';
import { certificationNames } from './certification-words.js';

/** A quiz: the questions drawn for this attempt, one choice each; once sent, the score and the right answers. */
export function QuizPage() {
  const { t } = useTranslation();
  const { attemptId = '' } = useParams();
  const loaded = useApiData((signal) => getAttempt(attemptId, signal), `training-attempt-${attemptId}`);
  usePageTitle(
    loaded.status === 'ready' ? t('training.quiz.title', { module: loaded.data.title }) : t('training.title'),
  );
  return (
    <AsyncContent data={loaded} onRetry={loaded.reload}>
      {(attempt) => <Quiz key={attempt.id} initial={attempt} />}
    </AsyncContent>
  );
}

function Quiz({ initial }: { initial: AttemptView }) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(initial);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const submit = useSubmit();
  const unanswered = attempt.questions.filter((question) => chosen[question.id] === undefined).length;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (unanswered > 0) return;
    void submit.run(async () => setAttempt(await submitAnswers(attempt.id, { answers: chosen })));
  };
  return (
    <article lang={attempt.language}>
      <p>
        <Link to={`/training/modules/${attempt.moduleId}`}>{t('training.quiz.backToModule')}</Link>
      </p>
      <h1>{t('training.quiz.title', { module: attempt.title })}</h1>
      {attempt.result ? (
        <QuizResult attempt={attempt} />
      ) : (
        <form onSubmit={send} noValidate>
          <p>{t('training.quiz.intro', { count: attempt.questions.length, passMark: attempt.passMark })}</p>
          {attempt.questions.map((question, number) => (
            <fieldset key={question.id} className="choice-group quiz-question">
              <legend>{t('training.quiz.question', { number: number + 1, text: question.text })}</legend>
              {question.options.map((option, index) => (
                <label key={index} className="choice">
                  <input
                    type="radio"
                    name={`question-${question.id}`}
                    value={index}
                    checked={chosen[question.id] === index}
                    onChange={() => setChosen((before) => ({ ...before, [question.id]: index }))}
                  />
                  {option}
                </label>
              ))}
            </fieldset>
          ))}
          <p className="muted" aria-live="polite">
            {unanswered > 0 ? t('training.quiz.unanswered', { count: unanswered }) : null}
          </p>
          <button type="submit" className="primary" disabled={submit.busy || unanswered > 0}>
            {submit.busy ? t('training.quiz.submitting') : t('training.quiz.submit')}
          </button>
          <SubmitFeedback submit={submit} />
        </form>
      )}
    </article>
  );
}

function QuizResult({ attempt }: { attempt: AttemptView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const again = useSubmit();
  const result = attempt.result!;
  const retry = () =>
    again.run(async () => {
      const next = await startAttempt(attempt.moduleId);
      await navigate(`/training/attempts/${next.id}`);
    });
  return (
    <>
      <div role="status" className={result.passed ? 'success' : 'quiz-outcome'}>
        <p>{t(result.passed ? 'training.quiz.passed' : 'training.quiz.failed', result)}</p>
        {result.earned.length > 0 ? (
          <p>
            <strong>{t('training.quiz.earned', { certifications: certificationNames(t, result.earned) })}</strong>
          </p>
        ) : null}
      </div>
      <ol className="quiz-review">
        {attempt.questions.map((question) => {
          const mine = result.chosen[question.id];
          const right = result.rightOptions[question.id];
          return (
            <li key={question.id}>
              <p>{question.text}</p>
              <p className={mine === right ? 'quiz-right' : 'quiz-wrong'}>
                {mine === right
                  ? t('training.quiz.right', { answer: question.options[right!] ?? '' })
                  : t('training.quiz.wrong', {
                      answer: mine === undefined ? t('common.none') : (question.options[mine] ?? ''),
                      right: right === undefined ? '' : (question.options[right] ?? ''),
                    })}
              </p>
            </li>
          );
        })}
      </ol>
      <p className="actions">
        <Link to="/training">{t('training.module.back')}</Link>{' '}
        <button type="button" onClick={() => void retry()} disabled={again.busy}>
          {t('training.quiz.again')}
        </button>
      </p>
      <SubmitFeedback submit={again} />
    </>
  );
}
