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
