import { proportionTest, sampleVariance, welchTest, type Moments, type TestResult } from './significance.js';

/**
 * The champion/challenger comparison of one segment (docs/reporting.md): the two arms compared on collected per case
 * (Welch's t-test), kept promises and complaints (two-proportion z-test, Fisher's exact test for small counts) and
 * satisfaction (Welch's t-test), with the sample sizes, the effect, the p-value, a warning when a sample is too
 * small for its test, and a recommendation a manager decides on. Money in integer cents; statistics in floats. Pure.
 */

/** What the reporting job keeps per arm (summed over creditors, mandates and cohorts). */
export interface ArmFacts {
  cases: number;
  collectedCents: number;
  /** Σ of each case's collected cents squared, and cubed (floats: for the variance and the skew only). */
  collectedSq: number;
  collectedCube: number;
  payingCases: number;
  promisesKept: number;
  promisesBroken: number;
  complaintCases: number;
  satisfactionAnswers: number;
  satisfactionSum: number;
  satisfactionSq: number;
}

export const EMPTY_ARM: ArmFacts = {
  cases: 0,
  collectedCents: 0,
  collectedSq: 0,
  collectedCube: 0,
  payingCases: 0,
  promisesKept: 0,
  promisesBroken: 0,
  complaintCases: 0,
  satisfactionAnswers: 0,
  satisfactionSum: 0,
  satisfactionSq: 0,
};

export function addArms(a: ArmFacts, b: ArmFacts): ArmFacts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof ArmFacts)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** The significance level: a difference with p below it is called significant. */
export const ALPHA = 0.05;
/** Below this many cases in an arm, no mean is tested as if it were normal, however little skewed. */
export const MIN_CASES_PER_ARM = 30;

export type Warning = 'too_few_cases' | 'skewed_sample' | 'too_few_promises' | 'too_few_answers';
export type Recommendation = 'keep_champion' | 'promote_challenger' | 'keep_testing';
export type Reason =
  | 'challenger_collects_more'
  | 'challenger_collects_less'
  | 'no_significant_difference'
  | 'too_few_cases'
  | 'challenger_more_complaints'
  | 'challenger_less_satisfaction'
  | 'challenger_fewer_kept_promises';

export interface Test {
  test: TestResult['test'] | null;
  statistic: number | null;
  pValue: number | null;
  significant: boolean;
}

export interface MeanFigure extends Test {
  champion: { n: number; mean: number | null };
  challenger: { n: number; mean: number | null };
  /** Challenger minus champion. */
  difference: number | null;
  warnings: Warning[];
}

export interface RateFigure extends Test {
  champion: { n: number; k: number; rateBp: number | null };
  challenger: { n: number; k: number; rateBp: number | null };
  /** Challenger minus champion, basis points. */
  differenceBp: number | null;
  warnings: Warning[];
}

export interface Comparison {
  collected: MeanFigure;
  keptPromises: RateFigure;
  complaints: RateFigure;
  satisfaction: MeanFigure;
  recommendation: Recommendation;
  reasons: Reason[];
}

/** sum ÷ n rounded half up (away from zero for a negative sum), in integers: the same figure wherever computed. */
export function roundedRatio(sum: number, n: number): number | null {
  if (n === 0) return null;
  const numerator = BigInt(Math.abs(sum)) * 2n + BigInt(n);
  const rounded = Number(numerator / (2n * BigInt(n)));
  return sum < 0 ? -rounded : rounded;
}

/** k ÷ n in basis points, rounded half up. */
export const rateBp = (k: number, n: number) => roundedRatio(k * 10_000, n);

/** The sample skewness g1 of one arm's collected cents, from its sums (0 without spread). */
export function skewness(facts: Pick<ArmFacts, 'cases' | 'collectedCents' | 'collectedSq' | 'collectedCube'>): number {
  const n = facts.cases;
  if (n < 2) return 0;
  const mean = facts.collectedCents / n;
  const m2 = facts.collectedSq / n - mean * mean;
  if (m2 <= mean * mean * 1e-12 || m2 <= 0) return 0;
  const m3 = facts.collectedCube / n - 3 * mean * (facts.collectedSq / n) + 2 * mean * mean * mean;
  return m3 / Math.pow(m2, 1.5);
}

/**
 * Cochran's rule for a mean of skewed values: the normal approximation behind the t-test holds when n > 25·g1². A
 * collected amount, mostly zeros and a few large payments, is skewed: this says when its arm is still too small.
 */
export function tooSkewed(facts: ArmFacts): boolean {
  const g1 = skewness(facts);
  return facts.cases <= 25 * g1 * g1;
}

const asTest = (result: TestResult | null): Test => ({
  test: result?.test ?? null,
  statistic: result?.statistic ?? null,
  pValue: result?.pValue ?? null,
  significant: result !== null && result.pValue < ALPHA,
});

function collectedFigure(champion: ArmFacts, challenger: ArmFacts): MeanFigure {
  const moments = (f: ArmFacts): Moments => ({ n: f.cases, sum: f.collectedCents, sumSq: f.collectedSq });
  const warnings: Warning[] = [];
  if (champion.cases < MIN_CASES_PER_ARM || challenger.cases < MIN_CASES_PER_ARM) warnings.push('too_few_cases');
  else if (tooSkewed(champion) || tooSkewed(challenger)) warnings.push('skewed_sample');
  const difference =
    champion.cases === 0 || challenger.cases === 0
      ? null
      : differenceOfMeans(challenger.collectedCents, challenger.cases, champion.collectedCents, champion.cases);
  return {
    ...asTest(welchTest(moments(champion), moments(challenger))),
    champion: { n: champion.cases, mean: roundedRatio(champion.collectedCents, champion.cases) },
    challenger: { n: challenger.cases, mean: roundedRatio(challenger.collectedCents, challenger.cases) },
    difference,
    warnings,
  };
}

/** sumB/nB − sumA/nA in cents, rounded half up from the exact rational. */
function differenceOfMeans(sumB: number, nB: number, sumA: number, nA: number): number {
  const numerator = BigInt(sumB) * BigInt(nA) - BigInt(sumA) * BigInt(nB);
  const denominator = BigInt(nA) * BigInt(nB);
  const negative = numerator < 0n;
  const magnitude = (2n * (negative ? -numerator : numerator) + denominator) / (2n * denominator);
  return Number(negative ? -magnitude : magnitude);
}

function rateFigure(
  champion: { k: number; n: number },
  challenger: { k: number; n: number },
  smallWarning: Warning,
): RateFigure {
  const championBp = rateBp(champion.k, champion.n);
  const challengerBp = rateBp(challenger.k, challenger.n);
  return {
    ...asTest(proportionTest(champion, challenger)),
    champion: { ...champion, rateBp: championBp },
    challenger: { ...challenger, rateBp: challengerBp },
    differenceBp: championBp === null || challengerBp === null ? null : challengerBp - championBp,
    warnings: champion.n < MIN_CASES_PER_ARM || challenger.n < MIN_CASES_PER_ARM ? [smallWarning] : [],
  };
}

/**
 * Satisfaction: the mean score (1–5) in hundredths, null for an arm with fewer answers than the survey's smallest
 * group (`minimumAnswers`, as on the listening page); no test then either.
 */
function satisfactionFigure(champion: ArmFacts, challenger: ArmFacts, minimumAnswers: number): MeanFigure {
  const enough = (f: ArmFacts) => f.satisfactionAnswers >= Math.max(1, minimumAnswers);
  const shown = enough(champion) && enough(challenger);
  const moments = (f: ArmFacts): Moments => ({
    n: f.satisfactionAnswers,
    sum: f.satisfactionSum,
    sumSq: f.satisfactionSq,
  });
  const mean = (f: ArmFacts) => (enough(f) ? roundedRatio(f.satisfactionSum * 100, f.satisfactionAnswers) : null);
  const championMean = mean(champion);
  const challengerMean = mean(challenger);
  return {
    ...asTest(shown ? welchTest(moments(champion), moments(challenger)) : null),
    champion: { n: champion.satisfactionAnswers, mean: championMean },
    challenger: { n: challenger.satisfactionAnswers, mean: challengerMean },
    difference: championMean === null || challengerMean === null ? null : challengerMean - championMean,
    warnings:
      champion.satisfactionAnswers < MIN_CASES_PER_ARM || challenger.satisfactionAnswers < MIN_CASES_PER_ARM
        ? ['too_few_answers']
        : [],
  };
}

/**
 * The recommendation, for a manager to decide on: money alone never promotes a challenger. A challenger that draws
 * significantly more complaints, less satisfaction or fewer kept promises is not promoted (keep the champion); one
 * that collects significantly more per case, on arms large enough for the test, is; one that collects significantly
 * less is not; otherwise the test goes on.
 */
export function recommend(figures: Omit<Comparison, 'recommendation' | 'reasons'>): {
  recommendation: Recommendation;
  reasons: Reason[];
} {
  const worse: Reason[] = [];
  const { complaints, satisfaction, keptPromises, collected } = figures;
  if (complaints.significant && (complaints.differenceBp ?? 0) > 0) worse.push('challenger_more_complaints');
  if (satisfaction.significant && (satisfaction.difference ?? 0) < 0) worse.push('challenger_less_satisfaction');
  if (keptPromises.significant && (keptPromises.differenceBp ?? 0) < 0) worse.push('challenger_fewer_kept_promises');
  if (worse.length > 0) return { recommendation: 'keep_champion', reasons: worse };
  if (collected.warnings.length > 0) return { recommendation: 'keep_testing', reasons: ['too_few_cases'] };
  if (!collected.significant) return { recommendation: 'keep_testing', reasons: ['no_significant_difference'] };
  return (collected.difference ?? 0) > 0
    ? { recommendation: 'promote_challenger', reasons: ['challenger_collects_more'] }
    : { recommendation: 'keep_champion', reasons: ['challenger_collects_less'] };
}

/** Both arms of one segment compared. `minimumAnswers`: the survey's smallest group shown. */
export function compareArms(champion: ArmFacts, challenger: ArmFacts, minimumAnswers: number): Comparison {
  const figures = {
    collected: collectedFigure(champion, challenger),
    keptPromises: rateFigure(
      { k: champion.promisesKept, n: champion.promisesKept + champion.promisesBroken },
      { k: challenger.promisesKept, n: challenger.promisesKept + challenger.promisesBroken },
      'too_few_promises',
    ),
    complaints: rateFigure(
      { k: champion.complaintCases, n: champion.cases },
      { k: challenger.complaintCases, n: challenger.cases },
      'too_few_cases',
    ),
    satisfaction: satisfactionFigure(champion, challenger, minimumAnswers),
  };
  return { ...figures, ...recommend(figures) };
}

/** The standard deviation of collected per case of one arm, in cents (for the table; null below two cases). */
export function collectedSpread(facts: ArmFacts): number | null {
  if (facts.cases < 2) return null;
  return Math.round(Math.sqrt(sampleVariance({ n: facts.cases, sum: facts.collectedCents, sumSq: facts.collectedSq })));
}
