import type { Household, LivingFloor } from './types.js';

/**
 * The floor on what a household keeps after its expenses and the repayment, as shipped (REGULATION.md §7 leaves the
 * margin to the agency): 100 € a month for one person and 50 € for each other one. Dated: a new row from a date
 * changes budgets evaluated from then on and leaves earlier ones as they were computed. A placeholder until the
 * agency sets its own.
 */
export const LIVING_FLOORS: readonly LivingFloor[] = [
  { effectiveFrom: '2025-01-01', baseCents: 10_000, perExtraPersonCents: 5_000, status: 'placeholder' },
];

/** The floor for a household under a floor row (none: 0). */
export function floorAmount(floor: LivingFloor | null, household: Household): number {
  if (!floor) return 0;
  return floor.baseCents + Math.max(0, household.adults + household.children - 1) * floor.perExtraPersonCents;
}
