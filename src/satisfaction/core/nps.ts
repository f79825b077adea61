/**
 * Net Promoter Score as the trade computes it (REGULATION.md §15): on the 0-10 recommendation question, promoters give
 * 9 or 10, detractors 0 to 6, passives 7 or 8; NPS = the share of promoters minus the share of detractors, in
 * percentage points (-100 to 100), given with the number of answers and a 95 % interval, hidden as "too few answers"
 * under the minimum sample as CSAT is. Pure: counts in, figures out.
 */

import { Z95, type Interval } from './csat.js';

export const RECOMMENDATIONS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export type NpsClass = 'promoter' | 'passive' | 'detractor';

/** A promoter gives 9-10, a passive 7-8, a detractor 0-6. */
export function npsClass(recommendation: Recommendation): NpsClass {
  return recommendation >= 9 ? 'promoter' : recommendation >= 7 ? 'passive' : 'detractor';
}

export type Nps =
  | { status: 'too_few'; answers: number; minimum: number }
  | {
      status: 'score';
      answers: number;
      promoters: number;
      passives: number;
      detractors: number;
      /** Promoters' share minus detractors' share, in percentage points, one decimal. */
      score: number;
      /** The 95 % interval in points, rounded outwards to a tenth, within -100..100. */
      interval: Interval;
    };

/** How many answers gave each recommendation, 0 to 10 (an index per value). */
export type RecommendationCounts = readonly number[];

/**
 * NPS of a group: "too few answers" under the minimum (at least one answer is always needed); otherwise the score
 * with the normal-approximation interval of a difference of two shares of one multinomial sample,
 * NPS ± z·√((p + d − (p − d)²) / n), which is exact (of width 0) only when every answer is of one class.
 */
export function nps(counts: RecommendationCounts, minimum: number): Nps {
  if (counts.length !== RECOMMENDATIONS.length || counts.some((c) => !Number.isSafeInteger(c) || c < 0))
    throw new Error('nps needs eleven whole counts, for 0 to 10');
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const value of RECOMMENDATIONS) {
    const count = counts[value]!;
    const kind = npsClass(value);
    if (kind === 'promoter') promoters += count;
    else if (kind === 'passive') passives += count;
    else detractors += count;
  }
  const answers = promoters + passives + detractors;
  const floor = Math.max(1, minimum);
  if (answers < floor) return { status: 'too_few', answers, minimum: floor };
  const p = promoters / answers;
  const d = detractors / answers;
  const exact = (p - d) * 100;
  const half = Z95 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / answers) * 100;
  return {
    status: 'score',
    answers,
    promoters,
    passives,
    detractors,
    // Rounded half away from zero: the score of the mirrored answers is exactly the opposite.
    score: (Math.sign(exact) * Math.round(Math.abs(exact) * 10)) / 10 || 0,
    interval: {
      lowPercent: Math.max(-100, Math.floor((exact - half) * 10 + 1e-9) / 10),
      highPercent: Math.min(100, Math.ceil((exact + half) * 10 - 1e-9) / 10),
    },
  };
}

export const emptyRecommendations = (): number[] => RECOMMENDATIONS.map(() => 0);
