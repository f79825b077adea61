import type { Household, LivingFloor } from './types.js';

/**
 * The floor for a household under the floor row in force (none: 0): one person's base plus an amount for each other
 * person. The rows are reference data (table `affordability_living_floors`), edited like the RSA.
 */
export function floorAmount(floor: LivingFloor | null, household: Household): number {
  if (!floor) return 0;
  return floor.baseCents + Math.max(0, household.adults + household.children - 1) * floor.perExtraPersonCents;
}
