/**
 * Satisfaction figures as the trade computes them (REGULATION.md §15): CSAT is the share of 4 and 5 answers on a 1-5
 * scale (top-2-box), given with the number of answers and a Wilson 95 % interval, so a small sample reads as the
 * uncertainty it is, never as a verdict. Pure: counts in, figures out.
 */

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

/** The z of a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  /** Bounds as percentages, one decimal. */
  lowPercent: number;
  highPercent: number;
}

/** Wilson's score interval of a proportion `successes / total` (0 < total); exact at 0 and at total. */
export function wilsonInterval(successes: number, total: number): Interval {
  if (!Number.isSafeInteger(successes) || !Number.isSafeInteger(total) || total <= 0)
    throw new Error('wilsonInterval needs a positive whole total');
  if (successes < 0 || successes > total) throw new Error('wilsonInterval needs 0 <= successes <= total');
  const p = successes / total;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return {
    lowPercent: successes === 0 ? 0 : floorTenth(Math.max(0, centre - half) * 100),
    highPercent: successes === total ? 100 : ceilTenth(Math.min(1, centre + half) * 100),
  };
}

/** Rounding outwards, so the shown interval always contains the exact one. */
const floorTenth = (percent: number): number => Math.floor(percent * 10 + 1e-9) / 10;
const ceilTenth = (percent: number): number => Math.ceil(percent * 10 - 1e-9) / 10;

export interface ScoreCounts {
  /** How many answers gave each score, 1 to 5. */
  byScore: Record<Score, number>;
}

export type Csat =
  | { status: 'too_few'; answers: number; minimum: number }
  | {
      status: 'rate';
      answers: number;
      satisfied: number;
      /** The share of 4-5, a percentage with one decimal. */
      percent: number;
      interval: Interval;
    };

/**
 * CSAT of a group: hidden as "too few answers" under the minimum sample (at least one answer is always needed), a
 * rate with its interval otherwise.
 */
export function csat(counts: ScoreCounts, minimum: number): Csat {
  const answers = SCORES.reduce((sum, score) => sum + counts.byScore[score], 0);
  const floor = Math.max(1, minimum);
  if (answers < floor) return { status: 'too_few', answers, minimum: floor };
  const satisfied = counts.byScore[4] + counts.byScore[5];
  return {
    status: 'rate',
    answers,
    satisfied,
    percent: Math.round((satisfied / answers) * 1000) / 10,
    interval: wilsonInterval(satisfied, answers),
  };
}

/** The share of invitations answered, one decimal; null when none was sent. */
export function responseRate(invited: number, answered: number): number | null {
  if (answered < 0 || invited < 0 || answered > invited) throw new Error('responseRate needs 0 <= answered <= invited');
  return invited === 0 ? null : Math.round((answered / invited) * 1000) / 10;
}

export const emptyCounts = (): ScoreCounts => ({ byScore: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
