import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../src/platform/calendar/dates.js';
import type { GridProblem } from '../../../../src/quality/contract.js';
import { ApiError } from '../../api/client.js';
import { useFormat } from '../../i18n/format.js';
import { Field } from '../../ui/fields.js';
import { browserToday } from '../../ui/today.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { publishGrid, type GridsView } from './api.js';
import {
  bodyOf,
  CRITERIA_ID,
  draftOf,
  emptyCriterion,
  fieldIds,
  fieldProblems,
  GRID_LANGUAGES,
  languageOf,
  MAX_CRITERIA,
  VALID_FROM_ID,
  type DraftCriterion,
  type FieldProblem,
} from './grid-draft.js';

type Latest = GridsView['items'][number] | null;

/** Focus a control once React has drawn it (after a move, a removal, or on the first error). */
const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The next version of the grid, written from the latest: every field labelled, errors on the field they are about
 * (the server's own rules checked before sending, its answer placed the same way), the criteria moved by buttons that
 * keep the focus on what moved.
 */
export function GridEditor({
  latest,
  onPublished,
}: {
  latest: Latest;
  onPublished: (version: number, validFrom: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = browserToday();
  const earliest = latest && latest.validFrom >= today ? addDays(latest.validFrom, 1) : today;
  const { draft, change, move, remove, add } = useCriteria(latest);
  const [validFrom, setValidFrom] = useState(earliest);
  const [errors, setErrors] = useState<Map<string, FieldProblem>>(new Map());
  const submit = useSubmit();
  const message = (id: string) => {
    const problem = errors.get(id);
    if (!problem) return undefined;
    const date = problem.values?.date;
    return t(problem.key, { ...problem.values, ...(typeof date === 'string' ? { date: format.date(date) } : {}) });
  };
  async function save(event: FormEvent) {
    event.preventDefault();
    const found = fieldProblems(draft, validFrom, today, latest?.validFrom ?? null);
    setErrors(found);
    if (found.size > 0) {
      focusLater('grid-errors');
      return;
    }
    let published: number | null = null;
    await submit.run(async () => {
      try {
        published = (await publishGrid(bodyOf(draft, validFrom))).version;
      } catch (error) {
        const problems = error instanceof ApiError ? (error.problem.problems as GridProblem[] | undefined) : undefined;
        if (problems) setErrors(fieldProblems(draft, validFrom, today, latest?.validFrom ?? null, problems));
        throw error;
      }
    });
    // The page says it (this form starts again from the version just published).
    if (published !== null) onPublished(published, validFrom);
  }

  return (
    <section aria-labelledby="grid-editor">
      <h2 id="grid-editor">{t('quality.gridEditor.heading', { version: (latest?.version ?? 0) + 1 })}</h2>
      <p className="muted">{t('quality.gridEditor.how')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        {errors.size > 0 ? (
          <p id="grid-errors" className="field-error" role="alert" tabIndex={-1}>
            {t('quality.gridEditor.toCorrect', { count: errors.size })}
          </p>
        ) : null}
        <Field
          id={VALID_FROM_ID}
          label={t('quality.gridEditor.validFrom')}
          hint={t('quality.gridEditor.validFromHint', { date: format.date(earliest) })}
          error={message(VALID_FROM_ID)}
        >
          {(control) => (
            <input {...control} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
          )}
        </Field>
        <ol className="grid-criteria" id={CRITERIA_ID} aria-label={t('quality.gridEditor.criteria')}>
          {draft.map((criterion, index) => (
            <li key={criterion.key}>
              <CriterionFields
                criterion={criterion}
                index={index}
                count={draft.length}
                message={message}
                onChange={(update) => change(criterion.key, update)}
                onMove={(by, button) => move(index, by, button)}
                onRemove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
        {message(CRITERIA_ID) ? <p className="field-error">{message(CRITERIA_ID)}</p> : null}
        <div className="form-actions">
          <button type="button" id="grid-add" disabled={draft.length >= MAX_CRITERIA} onClick={add}>
            {t('quality.gridEditor.add')}
          </button>
          <button type="submit" className="button primary" disabled={submit.busy}>
            {t('quality.gridEditor.publish', { version: (latest?.version ?? 0) + 1 })}
          </button>
        </div>
        <SubmitFeedback submit={submit} />
      </form>
    </section>
  );
}

/** The criteria being written, and the moves that keep the keyboard's focus on what moved. */
function useCriteria(latest: Latest) {
  const [draft, setDraft] = useState<DraftCriterion[]>(() => draftOf(latest?.criteria ?? []));
  const change = (key: number, update: (criterion: DraftCriterion) => DraftCriterion) =>
    setDraft((before) => before.map((criterion) => (criterion.key === key ? update(criterion) : criterion)));
  const move = (index: number, by: -1 | 1, button: 'up' | 'down') => {
    const next = [...draft];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setDraft(next);
    const target = index + by === 0 ? 'down' : index + by === next.length - 1 ? 'up' : button;
    focusLater(`grid-c${moved!.key}-${target}`);
  };
  const remove = (index: number) => {
    setDraft(draft.filter((_, i) => i !== index));
    const neighbour = draft[index + 1] ?? draft[index - 1];
    focusLater(neighbour ? `grid-c${neighbour.key}-legend` : 'grid-add');
  };

  const add = () => {
    const added = emptyCriterion();
    setDraft([...draft, added]);
    focusLater(fieldIds(added.key).id);
  };
  return { draft, change, move, remove, add };
}

function CriterionFields({
  criterion,
  index,
  count,
  message,
  onChange,
  onMove,
  onRemove,
}: {
  criterion: DraftCriterion;
  index: number;
  count: number;
  message: (id: string) => string | undefined;
  onChange: (update: (criterion: DraftCriterion) => DraftCriterion) => void;
  onMove: (by: -1 | 1, button: 'up' | 'down') => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = fieldIds(criterion.key);
  const name = criterion.texts[languageOf(i18n.language)].label.trim() || t('quality.gridEditor.unnamed');
  const number = { index: index + 1, name };
  return (
    <fieldset className="grid-criterion">
      <legend id={`grid-c${criterion.key}-legend`} tabIndex={-1}>
        {t('quality.gridEditor.criterion', number)}
      </legend>
      <div className="grid-form">
        <Field
          id={ids.id}
          label={t('quality.gridEditor.id')}
          hint={t('quality.gridEditor.idHint')}
          error={message(ids.id)}
        >
          {(control) => (
            <input
              {...control}
              value={criterion.id}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange((c) => ({ ...c, id: e.target.value }))}
            />
          )}
        </Field>
        <Field
          id={ids.scale}
          label={t('quality.gridEditor.scaleMax')}
          hint={t('quality.gridEditor.scaleHint')}
          error={message(ids.scale)}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              step={1}
              value={criterion.scaleMax}
              onChange={(e) => onChange((c) => ({ ...c, scaleMax: e.target.value }))}
            />
          )}
        </Field>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={criterion.allowNotApplicable}
          onChange={(e) => onChange((c) => ({ ...c, allowNotApplicable: e.target.checked }))}
        />{' '}
        {t('quality.gridEditor.allowNotApplicable')}
      </label>
      {GRID_LANGUAGES.map((language) => (
        <CriterionTexts
          key={language}
          criterion={criterion}
          language={language}
          message={message}
          onChange={onChange}
        />
      ))}
      <div className="form-actions">
        <button type="button" id={`grid-c${criterion.key}-up`} disabled={index === 0} onClick={() => onMove(-1, 'up')}>
          {t('quality.gridEditor.up', number)}
        </button>
        <button
          type="button"
          id={`grid-c${criterion.key}-down`}
          disabled={index === count - 1}
          onClick={() => onMove(1, 'down')}
        >
          {t('quality.gridEditor.down', number)}
        </button>
        <button type="button" onClick={onRemove}>
          {t('quality.gridEditor.remove', number)}
        </button>
      </div>
    </fieldset>
  );
}

function CriterionTexts({
  criterion,
  language,
  message,
  onChange,
}: {
  criterion: DraftCriterion;
  language: (typeof GRID_LANGUAGES)[number];
  message: (id: string) => string | undefined;
  onChange: (update: (criterion: DraftCriterion) => DraftCriterion) => void;
}) {
  const { t } = useTranslation();
  const ids = fieldIds(criterion.key);
  const set = (part: 'label' | 'guidance', value: string) =>
    onChange((c) => ({ ...c, texts: { ...c.texts, [language]: { ...c.texts[language], [part]: value } } }));
  const lang = t(`quality.gridEditor.languages.${language}`);
  return (
    <div className="grid-form">
      <Field
        id={ids.text(language, 'label')}
        label={t('quality.gridEditor.labelIn', { language: lang })}
        error={message(ids.text(language, 'label'))}
      >
        {(control) => (
          <input
            {...control}
            lang={language}
            maxLength={120}
            value={criterion.texts[language].label}
            onChange={(e) => set('label', e.target.value)}
          />
        )}
      </Field>
      <Field
        id={ids.text(language, 'guidance')}
        label={t('quality.gridEditor.guidanceIn', { language: lang })}
        error={message(ids.text(language, 'guidance'))}
        wide
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            lang={language}
            maxLength={1000}
            value={criterion.texts[language].guidance}
            onChange={(e) => set('guidance', e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
