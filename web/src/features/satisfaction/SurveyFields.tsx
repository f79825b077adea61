import { useTranslation } from 'react-i18next';

const SCORES = [1, 2, 3, 4, 5] as const;

/** The survey's one question: a score from 1 to 5, each in words (the link's page and the portal's in-place survey). */
export function ScoreScale({
  name,
  legend,
  score,
  onChange,
}: {
  name: string;
  legend: string;
  score: number | null;
  onChange: (score: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="survey-scale">
      <legend>{legend}</legend>
      {SCORES.map((value) => (
        <label key={value} className="survey-option">
          <input
            type="radio"
            name={name}
            value={value}
            required
            checked={score === value}
            onChange={() => onChange(value)}
          />
          <span>
            {value} – {t(`satisfaction.survey.scores.${value}`)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The optional comment, with the hint that it is kept minimised. */
export function SurveyComment({
  id,
  rows,
  comment,
  onChange,
}: {
  id: string;
  rows: number;
  comment: string;
  onChange: (comment: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{t('satisfaction.survey.comment')}</label>
      <p className="muted" id={`${id}-hint`}>
        {t('satisfaction.survey.commentHint')}
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        maxLength={1000}
        rows={rows}
        value={comment}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}

const RECOMMENDATIONS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * The recommendation question (NPS), optional: 0 "not at all likely" to 10 "extremely likely", asked when the survey's
 * settings say so; a choice may be taken back, since the question is optional.
 */
export function RecommendationScale({
  name,
  value,
  onChange,
}: {
  name: string;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="survey-scale" aria-describedby={`${name}-hint`}>
      <legend>{t('satisfaction.survey.recommendQuestion')}</legend>
      <p className="muted" id={`${name}-hint`}>
        {t('satisfaction.survey.recommendHint')}
      </p>
      <div className="survey-ease survey-recommend">
        {RECOMMENDATIONS.map((option) => (
          <label key={option} className="survey-option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            <span>{option}</span>
          </label>
        ))}
      </div>
      {value !== null ? (
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {t('satisfaction.survey.recommendClear')}
        </button>
      ) : null}
    </fieldset>
  );
}
