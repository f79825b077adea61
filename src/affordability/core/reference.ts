import { invalid } from '../../platform/errors.js';
import type { ExpenseCategory, ReferenceData, ReferenceInForce, SeizureScale, StandardAllowance } from './types.js';

/**
 * The reference data in force at a date (pure). The seizure scale is the one of the date's calendar year (it changes
 * each 1 January); the RSA is the latest one effective on or before the date (it changes each 1 April), so January to
 * March combines the new scale with the previous year's RSA. Standard allowances: the latest per category;
 * the living floor: the latest effective on or before the date.
 */
export function referenceInForce(data: ReferenceData, date: string): ReferenceInForce {
  const year = Number(date.slice(0, 4));
  const scale = data.scales.find((s) => s.year === year);
  if (!scale) {
    throw invalid(
      'affordability.no_seizure_scale',
      `There is no wage-seizure scale for ${year}: an administrator must add it to the reference data.`,
      {
        year,
      },
    );
  }
  const rsa = latestOnOrBefore(data.rsa, date);
  if (!rsa) {
    throw invalid(
      'affordability.no_rsa_amounts',
      `No RSA amounts are in force on ${date}: an administrator must add them to the reference data.`,
      { date },
    );
  }
  const allowances: Partial<Record<ExpenseCategory, StandardAllowance>> = {};
  for (const allowance of data.allowances) {
    const current = allowances[allowance.category];
    if (allowance.effectiveFrom <= date && (!current || current.effectiveFrom < allowance.effectiveFrom))
      allowances[allowance.category] = allowance;
  }
  assertScale(scale);
  const floor = latestOnOrBefore(data.floors, date) ?? null;
  return { scale, rsa, allowances, floor };
}

function latestOnOrBefore<T extends { effectiveFrom: string }>(rows: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const row of rows)
    if (row.effectiveFrom <= date && (!best || best.effectiveFrom < row.effectiveFrom)) best = row;
  return best;
}

/** What must never be: thresholds not strictly rising, a bracket after the open one, a fraction above 1. */
export function scaleProblems(scale: Pick<SeizureScale, 'brackets' | 'upliftPerDependantCents'>): string[] {
  const problems: string[] = [];
  const { brackets } = scale;
  if (brackets.length === 0) problems.push('the scale has no bracket');
  brackets.forEach((b, i) => {
    const last = i === brackets.length - 1;
    if (last !== (b.upToCents === null))
      problems.push(`bracket ${i + 1}: only the last bracket is open (no upper bound)`);
    if (!(b.denominator > 0 && b.numerator >= 0 && b.numerator <= b.denominator))
      problems.push(`bracket ${i + 1}: the fraction must be between 0 and 1`);
    const previous = i === 0 ? 0 : brackets[i - 1]!.upToCents;
    if (b.upToCents !== null && previous !== null && b.upToCents <= previous)
      problems.push(`bracket ${i + 1}: thresholds must rise`);
  });
  if (!(scale.upliftPerDependantCents >= 0)) problems.push('the uplift per dependant cannot be negative');
  return problems;
}

function assertScale(scale: SeizureScale): void {
  const problems = scaleProblems(scale);
  if (problems.length > 0) {
    throw invalid(
      'affordability.invalid_seizure_scale',
      `The wage-seizure scale for ${scale.year} is not valid (${problems.join('; ')}): an administrator must correct it.`,
    );
  }
}
