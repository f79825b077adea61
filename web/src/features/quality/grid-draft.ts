import {
  CRITERION_ID,
  GRID_LANGUAGES,
  MAX_CRITERIA,
  newGridProblems,
  type GridLanguage,
  type GridProblem,
} from '../../../../src/quality/contract.js';
import type { CriterionView, NewGrid } from './api.js';

export { GRID_LANGUAGES, MAX_CRITERIA, type GridLanguage };

/** A criterion as the editor holds it: the scale as typed, a key of its own so reordering keeps each one's fields. */
export interface DraftCriterion {
  key: number;
  id: string;
  scaleMax: string;
  allowNotApplicable: boolean;
  texts: Record<GridLanguage, { label: string; guidance: string }>;
}

let nextKey = 1;

export function draftOf(criteria: readonly CriterionView[]): DraftCriterion[] {
  return criteria.map((criterion) => ({
    key: nextKey++,
    id: criterion.id,
    scaleMax: String(criterion.scaleMax),
    allowNotApplicable: criterion.allowNotApplicable,
    texts: {
      fr: { ...criterion.texts.fr },
      en: { ...criterion.texts.en },
      it: { ...criterion.texts.it },
    },
  }));
}

export function emptyCriterion(): DraftCriterion {
  const blank = { label: '', guidance: '' };
  return {
    key: nextKey++,
    id: '',
    scaleMax: '3',
    allowNotApplicable: false,
    texts: { fr: { ...blank }, en: { ...blank }, it: { ...blank } },
  };
}

export function bodyOf(draft: readonly DraftCriterion[], validFrom: string): NewGrid {
  return {
    validFrom,
    criteria: draft.map((criterion) => ({
      id: criterion.id.trim(),
      scaleMax: Number(criterion.scaleMax),
      allowNotApplicable: criterion.allowNotApplicable,
      texts: {
        fr: { label: criterion.texts.fr.label.trim(), guidance: criterion.texts.fr.guidance.trim() },
        en: { label: criterion.texts.en.label.trim(), guidance: criterion.texts.en.guidance.trim() },
        it: { label: criterion.texts.it.label.trim(), guidance: criterion.texts.it.guidance.trim() },
      },
    })),
  };
}

/** The ids of a criterion's fields, so an error lands on the field it is about. */
export const fieldIds = (key: number) => ({
  id: `grid-c${key}-id`,
  scale: `grid-c${key}-scale`,
  text: (language: GridLanguage, part: 'label' | 'guidance') => `grid-c${key}-${language}-${part}`,
});
export const VALID_FROM_ID = 'grid-valid-from';
export const CRITERIA_ID = 'grid-criteria';

/** An error for one field: the message's key and its values. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * Each field's error, in the order of the form: the server's own rules (`newGridProblems`, shared with it) placed on
 * the fields they are about, the text that is empty named exactly (a label or a guidance, in which language).
 */
export function fieldProblems(
  draft: readonly DraftCriterion[],
  validFrom: string,
  today: string,
  latest: string | null,
  serverProblems: readonly GridProblem[] = [],
): Map<string, FieldProblem> {
  const body = bodyOf(draft, validFrom);
  const problems = [...newGridProblems(body.criteria, validFrom, today, latest), ...serverProblems];
  const errors = new Map<string, FieldProblem>();
  const put = (id: string, problem: FieldProblem) => {
    if (!errors.has(id)) errors.set(id, problem);
  };
  const seen = new Set<string>();
  draft.forEach((criterion, index) => {
    const ids = fieldIds(criterion.key);
    const id = criterion.id.trim();
    if (!CRITERION_ID.test(id)) put(ids.id, { key: 'quality.gridEditor.errors.id' });
    else if (seen.has(id)) put(ids.id, { key: 'quality.gridEditor.errors.duplicate', values: { id } });
    seen.add(id);
    const scale = Number(criterion.scaleMax);
    if (!/^\d+$/.test(criterion.scaleMax.trim()) || scale < 1 || scale > 10)
      put(ids.scale, { key: 'quality.gridEditor.errors.scale' });
    for (const language of GRID_LANGUAGES)
      for (const part of ['label', 'guidance'] as const)
        if (criterion.texts[language][part].trim() === '')
          put(ids.text(language, part), { key: `quality.gridEditor.errors.${part}`, values: { index: index + 1 } });
  });
  for (const problem of problems) {
    if (problem.code === 'no_criteria' || problem.code === 'too_many_criteria')
      put(CRITERIA_ID, { key: `quality.gridEditor.errors.${problem.code}`, values: { max: MAX_CRITERIA } });
    if (problem.code === 'date_not_valid') put(VALID_FROM_ID, { key: 'quality.gridEditor.errors.date' });
    if (problem.code === 'date_past') put(VALID_FROM_ID, { key: 'quality.gridEditor.errors.past' });
    if (problem.code === 'date_not_after_latest')
      put(VALID_FROM_ID, { key: 'quality.gridEditor.errors.afterLatest', values: { date: problem.latest } });
  }
  return errors;
}

/** The grid's language closest to the reader's. */
export function languageOf(locale: string): GridLanguage {
  return GRID_LANGUAGES.find((language) => locale.startsWith(language)) ?? 'fr';
}
