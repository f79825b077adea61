import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareArms, EMPTY_ARM, roundedRatio, skewness, tooSkewed, type ArmFacts } from './champion-challenger.js';
import { fisherExact, proportionTest, studentTwoSided, welchTest } from './significance.js';

/** An arm from each case's collected cents and the other counts. */
function arm(collected: number[], rest: Partial<ArmFacts> = {}): ArmFacts {
  return {
    ...EMPTY_ARM,
    cases: collected.length,
    collectedCents: collected.reduce((s, x) => s + x, 0),
    collectedSq: collected.reduce((s, x) => s + x * x, 0),
    collectedCube: collected.reduce((s, x) => s + x * x * x, 0),
    payingCases: collected.filter((x) => x > 0).length,
    ...rest,
  };
}

const moments = (values: number[]) => ({
  n: values.length,
  sum: values.reduce((s, x) => s + x, 0),
  sumSq: values.reduce((s, x) => s + x * x, 0),
});

describe('significance tests, against values computed by hand (and checked with scipy)', () => {
  it('gives Student’s two-sided p for t = 2 on 10 degrees of freedom', () => {
    expect(studentTwoSided(2, 10)).toBeCloseTo(0.073388, 5);
    expect(studentTwoSided(0, 10)).toBeCloseTo(1, 10);
  });

  it('runs Welch’s t-test on skewed collected amounts, mostly zeros', () => {
    const champion = [0, 0, 0, 0, 10_000, 0, 0, 5_000];
    const challenger = [0, 20_000, 0, 15_000, 0, 0, 10_000, 0, 0, 5_000];
    const result = welchTest(moments(champion), moments(challenger))!;
    expect(result.test).toBe('welch_t');
    expect(result.statistic).toBeCloseTo(1.157767, 5);
    expect(result.pValue).toBeCloseTo(0.266658, 5);
    expect(welchTest(moments([1]), moments(challenger))).toBeNull();
  });

  it('runs Welch’s t-test on satisfaction scores', () => {
    const result = welchTest(moments([3, 2, 4, 3, 3, 1]), moments([5, 4, 4, 5, 3, 5]))!;
    expect(result.statistic).toBeCloseTo(3.100868, 5);
    expect(result.pValue).toBeCloseTo(0.011929, 5);
  });

  it('uses the two-proportion z-test when every expected cell is at least 5, Fisher’s exact test otherwise', () => {
    const z = proportionTest({ k: 40, n: 200 }, { k: 60, n: 200 })!;
    expect(z.test).toBe('two_proportion_z');
    expect(z.statistic).toBeCloseTo(2.309401, 5);
    expect(z.pValue).toBeCloseTo(0.020921, 5);
    // Expected cells of 2.5: too few for the normal approximation.
    const small = proportionTest({ k: 1, n: 20 }, { k: 4, n: 20 })!;
    expect(small.test).toBe('fisher_exact');
    expect(small.pValue).toBeCloseTo(0.3416493, 6);
    expect(fisherExact({ k: 1, n: 10 }, { k: 11, n: 14 }).pValue).toBeCloseTo(0.0027595, 6);
    expect(fisherExact({ k: 2, n: 30 }, { k: 9, n: 30 }).pValue).toBeCloseTo(0.0419001, 6);
    expect(proportionTest({ k: 0, n: 0 }, { k: 1, n: 3 })).toBeNull();
  });
});

describe('the comparison of two arms', () => {
  it('gives the means in cents rounded half up, the effect, and keeps testing on arms too small', () => {
    const result = compareArms(
      arm([0, 0, 0, 0, 10_000, 0, 0, 5_001]),
      arm([0, 20_000, 0, 15_000, 0, 0, 10_000, 0, 0, 5_000]),
      5,
    );
    // 15 001 / 8 = 1 875.125 → 1 875; 50 000 / 10 = 5 000; difference 3 124.875 → 3 125.
    expect(result.collected.champion).toEqual({ n: 8, mean: 1_875 });
    expect(result.collected.challenger).toEqual({ n: 10, mean: 5_000 });
    expect(result.collected.difference).toBe(3_125);
    expect(result.collected.warnings).toEqual(['too_few_cases']);
    expect(result.recommendation).toBe('keep_testing');
    expect(result.reasons).toEqual(['too_few_cases']);
  });

  it('promotes a challenger that collects significantly more on large arms, with no worse complaints', () => {
    const champion = arm([...Array(300).fill(0), ...Array(100).fill(10_000)], { complaintCases: 4 });
    const challenger = arm([...Array(250).fill(0), ...Array(150).fill(10_000)], { complaintCases: 5 });
    const result = compareArms(champion, challenger, 5);
    expect(result.collected.champion.mean).toBe(2_500);
    expect(result.collected.challenger.mean).toBe(3_750);
    expect(result.collected.significant).toBe(true);
    expect(result.complaints).toMatchObject({ test: 'fisher_exact', significant: false, differenceBp: 25 });
    expect(result.recommendation).toBe('promote_challenger');
  });

  it('keeps the champion when the challenger collects more but draws significantly more complaints', () => {
    const champion = arm([...Array(300).fill(0), ...Array(100).fill(10_000)], { complaintCases: 4 });
    const challenger = arm([...Array(250).fill(0), ...Array(150).fill(10_000)], { complaintCases: 30 });
    const result = compareArms(champion, challenger, 5);
    expect(result.complaints.significant).toBe(true);
    expect(result.recommendation).toBe('keep_champion');
    expect(result.reasons).toEqual(['challenger_more_complaints']);
  });

  it('withholds satisfaction below the survey’s smallest group, and rates kept promises over promises resolved', () => {
    const result = compareArms(
      arm([0, 100], {
        satisfactionAnswers: 4,
        satisfactionSum: 16,
        satisfactionSq: 66,
        promisesKept: 3,
        promisesBroken: 1,
      }),
      arm([0, 100], {
        satisfactionAnswers: 6,
        satisfactionSum: 27,
        satisfactionSq: 125,
        promisesKept: 1,
        promisesBroken: 3,
      }),
      5,
    );
    expect(result.satisfaction).toMatchObject({ champion: { n: 4, mean: null }, challenger: { n: 6, mean: 450 } });
    expect(result.satisfaction.pValue).toBeNull();
    expect(result.keptPromises).toMatchObject({
      champion: { k: 3, n: 4, rateBp: 7_500 },
      challenger: { k: 1, n: 4, rateBp: 2_500 },
      differenceBp: -5_000,
      test: 'fisher_exact',
    });
  });

  it('calls a payment-or-nothing amount skewed: a large arm of rare large payments is still too small for the t-test', () => {
    const rare = arm([...Array(199).fill(0), 500_000]);
    expect(skewness(rare)).toBeGreaterThan(10);
    expect(tooSkewed(rare)).toBe(true);
    expect(tooSkewed(arm([...Array(100).fill(0), ...Array(100).fill(5_000)]))).toBe(false);
    expect(compareArms(rare, rare, 5).collected.warnings).toEqual(['skewed_sample']);
  });

  it('rounds a ratio half up in integers', () => {
    expect(roundedRatio(5, 2)).toBe(3);
    expect(roundedRatio(-5, 2)).toBe(-3);
    expect(roundedRatio(4, 3)).toBe(1);
    expect(roundedRatio(1, 0)).toBeNull();
  });
});

describe('properties of the comparison', () => {
  const amounts = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 2_000_000 })), {
    minLength: 0,
    maxLength: 60,
  });
  const arms = fc
    .record({
      collected: amounts,
      promisesKept: fc.nat(50),
      promisesBroken: fc.nat(50),
      complaintShare: fc.double({ min: 0, max: 1, noNaN: true }),
      scores: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }),
    })
    .map((a) =>
      arm(a.collected, {
        promisesKept: a.promisesKept,
        promisesBroken: a.promisesBroken,
        complaintCases: Math.floor(a.complaintShare * a.collected.length),
        satisfactionAnswers: a.scores.length,
        satisfactionSum: a.scores.reduce((s, x) => s + x, 0),
        satisfactionSq: a.scores.reduce((s, x) => s + x * x, 0),
      }),
    );
  const figures = (c: ReturnType<typeof compareArms>) => [c.collected, c.keptPromises, c.complaints, c.satisfaction];

  it('keeps every p-value within [0, 1] and every rate within 0–100 %', () => {
    fc.assert(
      fc.property(arms, arms, (a, b) => {
        const result = compareArms(a, b, 5);
        for (const figure of figures(result)) {
          if (figure.pValue !== null) {
            expect(figure.pValue).toBeGreaterThanOrEqual(0);
            expect(figure.pValue).toBeLessThanOrEqual(1);
          }
        }
        for (const rate of [result.keptPromises, result.complaints])
          for (const side of [rate.champion, rate.challenger])
            if (side.rateBp !== null) expect(side.rateBp >= 0 && side.rateBp <= 10_000).toBe(true);
      }),
    );
  });

  it('gives the same p-values and the opposite effects when the arms are swapped', () => {
    fc.assert(
      fc.property(arms, arms, (a, b) => {
        const ab = compareArms(a, b, 5);
        const ba = compareArms(b, a, 5);
        figures(ab).forEach((figure, index) => {
          const swapped = figures(ba)[index]!;
          if (figure.pValue === null) expect(swapped.pValue).toBeNull();
          else expect(swapped.pValue).toBeCloseTo(figure.pValue, 9);
          expect(swapped.test).toBe(figure.test);
        });
        if (ab.collected.difference !== null) expect(ba.collected.difference! + ab.collected.difference).toBe(0);
        if (ab.complaints.differenceBp !== null)
          expect(ba.complaints.differenceBp! + ab.complaints.differenceBp).toBe(0);
      }),
    );
  });

  it('finds no significant difference between identical arms, and never promotes a challenger identical to its champion', () => {
    fc.assert(
      fc.property(arms, (a) => {
        const result = compareArms(a, a, 5);
        for (const figure of figures(result)) {
          expect(figure.significant).toBe(false);
          if (figure.pValue !== null) expect(figure.pValue).toBeCloseTo(1, 6);
        }
        expect(result.recommendation).toBe('keep_testing');
      }),
    );
  });
});
