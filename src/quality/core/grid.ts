import { compareDates, isIsoDate, type IsoDate } from '../../platform/calendar/dates.js';

/**
 * The listening grid (issue 19, REGULATION.md §15): the criteria a team leader scores a call on, each with its scale
 * (0 to its maximum) and its guidance in French, English and Italian. Versioned: a version applies from its date, and a
 * review keeps the version it was scored on.
 */

export const GRID_LANGUAGES = ['fr', 'en', 'it'] as const;
export type GridLanguage = (typeof GRID_LANGUAGES)[number];

export interface CriterionText {
  label: string;
  guidance: string;
}

export interface GridCriterion {
  /** Stable within a grid: `identity_checked`, `reformulated`… (lower case, digits and underscores). */
  id: string;
  /** The scale runs from 0 (not done) to this maximum (fully done). */
  scaleMax: number;
  /** Whether the criterion may be scored "not applicable" (a call with no proposal has no capacity to respect). */
  allowNotApplicable: boolean;
  texts: Record<GridLanguage, CriterionText>;
}

export interface Grid {
  version: number;
  validFrom: IsoDate;
  criteria: GridCriterion[];
}

export const CRITERION_ID = /^[a-z][a-z0-9_]{1,39}$/;
export const MAX_CRITERIA = 20;
export const MAX_SCALE = 10;

/** The version in force on a day: the latest whose date has come, or null before the first. */
export function gridInForce<G extends Pick<Grid, 'validFrom' | 'version'>>(
  versions: readonly G[],
  on: IsoDate,
): G | null {
  let best: G | null = null;
  for (const grid of versions) {
    if (compareDates(grid.validFrom, on) > 0) continue;
    if (!best || compareDates(grid.validFrom, best.validFrom) > 0) best = grid;
  }
  return best;
}

export type GridProblem =
  | { code: 'no_criteria' }
  | { code: 'too_many_criteria' }
  | { code: 'duplicate_criterion'; criterion: string }
  | { code: 'bad_criterion_id'; criterion: string }
  | { code: 'bad_scale'; criterion: string }
  | { code: 'missing_text'; criterion: string; language: GridLanguage }
  | { code: 'date_not_valid' }
  | { code: 'date_past'; today: IsoDate }
  | { code: 'date_not_after_latest'; latest: IsoDate };

/**
 * What is wrong with a new version of the grid, or an empty list: criteria named once each, a scale of 1 to 10, texts
 * in the three languages, and a date from today on, after the latest version's (a version never applies backwards).
 */
export function newGridProblems(
  criteria: readonly GridCriterion[],
  validFrom: IsoDate,
  today: IsoDate,
  latest: IsoDate | null,
): GridProblem[] {
  const problems: GridProblem[] = [];
  if (criteria.length === 0) problems.push({ code: 'no_criteria' });
  if (criteria.length > MAX_CRITERIA) problems.push({ code: 'too_many_criteria' });
  const seen = new Set<string>();
  for (const criterion of criteria) {
    if (seen.has(criterion.id)) problems.push({ code: 'duplicate_criterion', criterion: criterion.id });
    seen.add(criterion.id);
    if (!CRITERION_ID.test(criterion.id)) problems.push({ code: 'bad_criterion_id', criterion: criterion.id });
    if (!Number.isInteger(criterion.scaleMax) || criterion.scaleMax < 1 || criterion.scaleMax > MAX_SCALE)
      problems.push({ code: 'bad_scale', criterion: criterion.id });
    for (const language of GRID_LANGUAGES) {
      const text = criterion.texts[language];
      if (!text || text.label.trim() === '' || text.guidance.trim() === '')
        problems.push({ code: 'missing_text', criterion: criterion.id, language });
    }
  }
  if (!isIsoDate(validFrom)) problems.push({ code: 'date_not_valid' });
  else if (compareDates(validFrom, today) < 0) problems.push({ code: 'date_past', today });
  else if (latest !== null && compareDates(validFrom, latest) <= 0)
    problems.push({ code: 'date_not_after_latest', latest });
  return problems;
}
