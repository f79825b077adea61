import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTerms } from './index.js';

const PARIS = { country: 'FR', region: '75' };
const CTX = {
  owedCents: 250_000,
  capacityCents: 20_000,
  mandate: { maxPlanMonths: 24, maxDiscountBp: 2000, settlementsAllowed: true },
  authority: { maxPlanMonths: 12, maxDiscountBp: 1000 },
  place: PARIS,
};
const codeOf = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('checked terms', () => {
  it('a schedule it accepts pays the agreed amount, which is what is owed less the discount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('pay_in_full' as const, 'instalments' as const, 'settlement' as const),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        fc.integer({ min: 100, max: 1_000_000 }),
        (kind, months, owedCents) => {
          const terms = { kind, months, firstDueOn: '2026-01-30', knowinglyAboveCapacity: true };
          let checked;
          try {
            checked = checkTerms(terms, { ...CTX, owedCents });
          } catch {
            return;
          }
          const paid = checked.schedule.reduce((total, i) => total + i.amountCents, 0);
          expect(paid).toBe(checked.agreedCents);
          expect(checked.agreedCents + checked.discountCents).toBe(owedCents);
          expect(checked.schedule.length).toBeLessThanOrEqual(CTX.mandate.maxPlanMonths);
        },
      ),
    );
  });

  it('refuses a discount outside a settlement, a plan beyond the mandate, and unchosen excess over capacity', () => {
    const day = '2026-01-30';
    expect(codeOf(() => checkTerms({ kind: 'instalments', firstDueOn: day, discountCents: 10 }, CTX))).toBe(
      'plans.discount_not_settlement',
    );
    expect(codeOf(() => checkTerms({ kind: 'instalments', firstDueOn: day, months: 30 }, CTX))).toBe(
      'plans.beyond_mandate',
    );
    expect(codeOf(() => checkTerms({ kind: 'instalments', firstDueOn: day, months: 2 }, CTX))).toBe(
      'plans.above_capacity_not_chosen',
    );
  });

  it('asks for approval beyond the authority, and agrees at once within it', () => {
    const within = checkTerms({ kind: 'instalments', firstDueOn: '2026-01-30' }, { ...CTX, owedCents: 200_000 });
    expect(within.approvalReasons).toEqual([]);
    const longer = checkTerms({ kind: 'instalments', firstDueOn: '2026-01-30', months: 20 }, CTX);
    expect(longer.approvalReasons.length).toBeGreaterThan(0);
    expect(longer.aboveCapacity).toBe(false);
  });
});
