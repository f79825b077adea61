import type { ReferenceData, ScaleBracket, SeizureScale } from './types.js';

/** The figures of shared/domain/REGULATION.md §2, as the migration loads them (tests keep the two in step). */
function scale(
  year: number,
  thresholdsEuros: number[],
  upliftEuros: number,
  status: SeizureScale['status'],
): SeizureScale {
  const fractions: [number, number][] = [
    [1, 20],
    [1, 10],
    [1, 5],
    [1, 4],
    [1, 3],
    [2, 3],
    [1, 1],
  ];
  const brackets: ScaleBracket[] = fractions.map(([numerator, denominator], i) => ({
    upToCents: i < thresholdsEuros.length ? thresholdsEuros[i]! * 100 : null,
    numerator,
    denominator,
  }));
  return { year, brackets, upliftPerDependantCents: upliftEuros * 100, status, source: 'REGULATION.md' };
}

export const REGULATION_REFERENCE: ReferenceData = {
  scales: [
    scale(2024, [4370, 8520, 12690, 16820, 20970, 25200], 1690, 'law'),
    scale(2025, [4440, 8660, 12890, 17090, 21300, 25600], 1720, 'law'),
    scale(2026, [4480, 8730, 13000, 17230, 21470, 25810], 1740, 'check'),
  ],
  rsa: [
    {
      effectiveFrom: '2025-04-01',
      singleCents: 64652,
      coupleCents: 96978,
      coupleOneChildCents: 116374,
      coupleTwoChildrenCents: 135770,
      furtherPersonCents: 25861,
      status: 'law',
      source: 'REGULATION.md',
    },
    {
      effectiveFrom: '2026-04-01',
      singleCents: 65233,
      coupleCents: 97850,
      coupleOneChildCents: 117419,
      coupleTwoChildrenCents: 136990,
      furtherPersonCents: 26093,
      status: 'check',
      source: 'REGULATION.md',
    },
  ],
  allowances: [
    {
      category: 'food_household',
      effectiveFrom: '2025-01-01',
      baseCents: 30000,
      perExtraPersonCents: 10000,
      status: 'placeholder',
      source: 'placeholder',
    },
    {
      category: 'food_household',
      effectiveFrom: '2026-01-01',
      baseCents: 32000,
      perExtraPersonCents: 11000,
      status: 'placeholder',
      source: 'placeholder',
    },
  ],
  floors: [
    {
      effectiveFrom: '2025-01-01',
      baseCents: 10_000,
      perExtraPersonCents: 5_000,
      status: 'placeholder',
      source: 'indicative',
    },
  ],
};
