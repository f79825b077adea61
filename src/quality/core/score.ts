import type { GridCriterion } from './grid.js';

/** One criterion's score on a review: a point of its scale, or null for "not applicable" where the grid allows it. */
export interface CriterionScore {
  criterion: string;
  score: number | null;
}

export type ScoreProblem =
  | { code: 'missing'; criterion: string }
  | { code: 'unknown'; criterion: string }
  | { code: 'repeated'; criterion: string }
  | { code: 'out_of_scale'; criterion: string; max: number }
  | { code: 'not_applicable_refused'; criterion: string }
  | { code: 'nothing_applicable' };

export type ScoreOutcome = { ok: true; scoreBp: number } | { ok: false; problems: ScoreProblem[] };

/** Basis points: 10,000 is 100 %. */
export const FULL_BP = 10_000;

/**
 * A review's scores checked against its grid and its overall score: every criterion scored once, within its scale,
 * "not applicable" only where the grid allows it; the overall is the points earned over the points possible of the
 * applicable criteria, in basis points rounded half up (integers throughout).
 */
export function scoreReview(criteria: readonly GridCriterion[], scores: readonly CriterionScore[]): ScoreOutcome {
  const problems: ScoreProblem[] = [];
  const byId = new Map<string, CriterionScore>();
  for (const entry of scores) {
    if (byId.has(entry.criterion)) problems.push({ code: 'repeated', criterion: entry.criterion });
    byId.set(entry.criterion, entry);
    if (!criteria.some((criterion) => criterion.id === entry.criterion))
      problems.push({ code: 'unknown', criterion: entry.criterion });
  }
  let earned = 0;
  let possible = 0;
  for (const criterion of criteria) {
    const entry = byId.get(criterion.id);
    if (!entry) {
      problems.push({ code: 'missing', criterion: criterion.id });
      continue;
    }
    if (entry.score === null) {
      if (!criterion.allowNotApplicable) problems.push({ code: 'not_applicable_refused', criterion: criterion.id });
      continue;
    }
    if (!Number.isInteger(entry.score) || entry.score < 0 || entry.score > criterion.scaleMax) {
      problems.push({ code: 'out_of_scale', criterion: criterion.id, max: criterion.scaleMax });
      continue;
    }
    earned += entry.score;
    possible += criterion.scaleMax;
  }
  if (problems.length === 0 && possible === 0) problems.push({ code: 'nothing_applicable' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scoreBp: Math.floor((earned * FULL_BP * 2 + possible) / (possible * 2)) };
}

/** The mean of several overall scores, in basis points rounded half up; null for none. */
export function meanBp(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const sum = scores.reduce((total, score) => total + score, 0);
  return Math.floor((sum * 2 + scores.length) / (scores.length * 2));
}
