/**
 * Significance tests for the champion/challenger comparison (docs/reporting.md), from sufficient statistics only
 * (counts, sums, sums of squares), so that they run on the reporting job's summary rows. Floats inside, as statistics
 * are; every p-value is clamped to [0, 1]. Pure.
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i += 1) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the regularized incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** I_x(a, b), the regularized incomplete beta function. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

const clamp01 = (p: number) => Math.min(1, Math.max(0, p));

/** Two-sided p-value of Student's t with `df` degrees of freedom. */
export function studentTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return clamp01(incompleteBeta(df / (df + t * t), df / 2, 0.5));
}

/** erfc(x) (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal statistic. */
export function normalTwoSided(z: number): number {
  return clamp01(erfc(Math.abs(z) / Math.SQRT2));
}

/** What one arm contributes to a mean's test: how many values, their sum and the sum of their squares. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export interface TestResult {
  test: 'welch_t' | 'two_proportion_z' | 'fisher_exact';
  statistic: number | null;
  pValue: number;
}

/** The sample variance (n − 1), never below 0 whatever the rounding of the sums. */
export function sampleVariance(m: Moments): number {
  if (m.n < 2) return 0;
  const mean = m.sum / m.n;
  return Math.max(0, (m.sumSq - m.n * mean * mean) / (m.n - 1));
}

/**
 * Welch's t-test of two means (unequal variances, Welch–Satterthwaite degrees of freedom). Null when an arm has fewer
 * than two values. Two arms without any spread: p = 1 when their means are equal, 0 otherwise.
 */
export function welchTest(a: Moments, b: Moments): TestResult | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = sampleVariance(a) / a.n;
  const vb = sampleVariance(b) / b.n;
  const difference = b.sum / b.n - a.sum / a.n;
  const se2 = va + vb;
  if (se2 <= 0) return { test: 'welch_t', statistic: null, pValue: Math.abs(difference) < 1e-12 ? 1 : 0 };
  const t = difference / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return { test: 'welch_t', statistic: t, pValue: studentTwoSided(t, df) };
}

/** A count of successes out of trials. */
export interface Proportion {
  k: number;
  n: number;
}

/** ln P(X = x) for the hypergeometric law of the first row's successes, margins fixed. */
function logHypergeometric(x: number, n1: number, n2: number, successes: number): number {
  const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return logChoose(n1, x) + logChoose(n2, successes - x) - logChoose(n1 + n2, successes);
}

/** Fisher's exact test, two-sided: the probability of every table with margins fixed no likelier than the one seen. */
export function fisherExact(a: Proportion, b: Proportion): TestResult {
  const successes = a.k + b.k;
  const low = Math.max(0, successes - b.n);
  const high = Math.min(a.n, successes);
  const observed = logHypergeometric(a.k, a.n, b.n, successes);
  let p = 0;
  for (let x = low; x <= high; x += 1) {
    const logP = logHypergeometric(x, a.n, b.n, successes);
    if (logP <= observed + 1e-7) p += Math.exp(logP);
  }
  return { test: 'fisher_exact', statistic: null, pValue: clamp01(p) };
}

/**
 * Two proportions compared: the pooled two-proportion z-test when every expected cell of the 2×2 table is at least
 * 5, Fisher's exact test otherwise (small samples, rare events such as complaints). Null when an arm has no trial.
 */
export function proportionTest(a: Proportion, b: Proportion): TestResult | null {
  if (a.n === 0 || b.n === 0) return null;
  const n = a.n + b.n;
  const successes = a.k + b.k;
  const expected = [a.n, b.n].flatMap((rows) => [(rows * successes) / n, (rows * (n - successes)) / n]);
  if (expected.some((cell) => cell < 5)) return fisherExact(a, b);
  const pooled = successes / n;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const z = (b.k / b.n - a.k / a.n) / se;
  return { test: 'two_proportion_z', statistic: z, pValue: normalTwoSided(z) };
}
