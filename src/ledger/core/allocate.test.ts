import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocatePayment,
  commissionCents,
  COMPONENTS,
  DEFAULT_ALLOCATION_ORDER,
  proRata,
  type OpenClaim,
} from './allocate.js';
import { allocationEntries, assertBalanced, receiptEntries, reversalEntries } from './postings.js';

const claim = (id: string, dueOn: string, principal: number, interest = 0, fees = 0): OpenClaim => ({
  id,
  dueOn,
  outstanding: { principal, interest, fees },
});

describe('allocation by law (dated cases)', () => {
  it('pays interest before principal on the same debt (C. civ. 1343-1)', () => {
    const result = allocatePayment({
      amountCents: 15_000,
      paidOn: '2026-11-24',
      claims: [claim('A', '2026-01-10', 100_000, 10_000, 2_000)],
      order: DEFAULT_ALLOCATION_ORDER,
    });
    expect(result.allocations).toEqual([
      { claimId: 'A', component: 'interest', amountCents: 10_000 },
      { claimId: 'A', component: 'fees', amountCents: 2_000 },
      { claimId: 'A', component: 'principal', amountCents: 3_000 },
    ]);
    expect(result.unallocatedCents).toBe(0);
  });

  it('settles debts already due before those not yet due, then the oldest (C. civ. 1342-10)', () => {
    const claims = [
      claim('future', '2027-02-01', 50_000),
      claim('recent', '2026-06-01', 50_000),
      claim('old', '2025-03-01', 30_000),
    ];
    const result = allocatePayment({
      amountCents: 60_000,
      paidOn: '2026-11-24',
      claims,
      order: DEFAULT_ALLOCATION_ORDER,
    });
    expect(result.allocations.map((a) => [a.claimId, a.amountCents])).toEqual([
      ['old', 30_000],
      ['recent', 30_000],
    ]);
  });

  it("follows the debtor's own choice first", () => {
    const claims = [claim('old', '2025-03-01', 30_000), claim('chosen', '2026-06-01', 50_000)];
    const result = allocatePayment({
      amountCents: 40_000,
      paidOn: '2026-11-24',
      claims,
      order: DEFAULT_ALLOCATION_ORDER,
      debtorChoice: ['chosen'],
    });
    expect(result.allocations.map((a) => [a.claimId, a.amountCents])).toEqual([['chosen', 40_000]]);
  });

  it('shares pro rata between debts no rule separates, to the cent', () => {
    const claims = [claim('a', '2026-01-01', 10_000), claim('b', '2026-01-01', 20_000)];
    const result = allocatePayment({
      amountCents: 10_001,
      paidOn: '2026-11-24',
      claims,
      order: ['due_first', 'pro_rata'],
    });
    const byClaim = Object.fromEntries(result.allocations.map((a) => [a.claimId, a.amountCents]));
    expect(byClaim).toEqual({ a: 3_334, b: 6_667 });
  });

  it('keeps an overpayment as the debtor’s credit, never lost', () => {
    const result = allocatePayment({
      amountCents: 12_345,
      paidOn: '2026-11-24',
      claims: [claim('A', '2026-01-01', 10_000)],
      order: DEFAULT_ALLOCATION_ORDER,
    });
    expect(result.unallocatedCents).toBe(2_345);
  });

  it('computes the commission half up to the cent, exact on large amounts', () => {
    expect(commissionCents(10_001, 1_500)).toBe(1_500);
    expect(commissionCents(10_003, 1_500)).toBe(1_500);
    expect(commissionCents(10_004, 1_500)).toBe(1_501);
    expect(commissionCents(900_719_925_474_099, 1_234)).toBe(111_148_838_803_504);
  });
});

const claimsArbitrary = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    dueOn: fc.constantFrom('2025-01-01', '2025-06-15', '2026-03-01', '2026-11-24', '2027-01-01'),
    outstanding: fc.record({
      interest: fc.integer({ min: 0, max: 50_000 }),
      fees: fc.integer({ min: 0, max: 5_000 }),
      principal: fc.integer({ min: 0, max: 500_000 }),
    }),
  }),
  { selector: (c) => c.id, maxLength: 8 },
);
const orderArbitrary = fc.shuffledSubarray([
  'debtor_choice',
  'due_first',
  'interest_before_principal',
  'oldest_first',
  'pro_rata',
] as const);

describe('allocation properties', () => {
  it('lands every cent: allocations plus credit equal the payment, and no component is paid beyond what is owed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        claimsArbitrary,
        orderArbitrary,
        (amountCents, claims, order) => {
          const result = allocatePayment({
            amountCents,
            paidOn: '2026-11-24',
            claims,
            order,
            debtorChoice: claims.slice(0, 1).map((c) => c.id),
          });
          const allocated = result.allocations.reduce((sum, a) => sum + a.amountCents, 0);
          expect(allocated + result.unallocatedCents).toBe(amountCents);
          expect(result.unallocatedCents).toBeGreaterThanOrEqual(0);
          for (const c of claims) {
            for (const component of COMPONENTS) {
              const paid = result.allocations
                .filter((a) => a.claimId === c.id && a.component === component)
                .reduce((sum, a) => sum + a.amountCents, 0);
              expect(paid).toBeLessThanOrEqual(c.outstanding[component]);
            }
          }
          const owed = claims.reduce(
            (sum, c) => sum + c.outstanding.interest + c.outstanding.fees + c.outstanding.principal,
            0,
          );
          expect(result.unallocatedCents).toBe(Math.max(0, amountCents - owed));
          for (const a of result.allocations) expect(a.amountCents).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('never pays principal of a claim while its interest is unpaid, under the law’s order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), claimsArbitrary, (amountCents, claims) => {
        const result = allocatePayment({ amountCents, paidOn: '2026-11-24', claims, order: DEFAULT_ALLOCATION_ORDER });
        for (const c of claims) {
          const paid = (component: string) =>
            result.allocations
              .filter((a) => a.claimId === c.id && a.component === component)
              .reduce((s, a) => s + a.amountCents, 0);
          if (paid('principal') > 0) expect(paid('interest')).toBe(c.outstanding.interest);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('pro rata shares sum to the amount and never exceed a weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 10 }),
        (amount, weights) => {
          const shares = proRata(amount, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(
            Math.min(
              amount,
              weights.reduce((a, b) => a + b, 0),
            ),
          );
          shares.forEach((share, index) => expect(share).toBeLessThanOrEqual(weights[index]!));
        },
      ),
    );
  });
});

describe('postings', () => {
  it('balance for any allocation and commission, and a reversal cancels them exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        claimsArbitrary,
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (amountCents, claims, rate, purchased) => {
          const { allocations } = allocatePayment({
            amountCents,
            paidOn: '2026-11-24',
            claims,
            order: DEFAULT_ALLOCATION_ORDER,
          });
          const receipt = receiptEntries('debtor', amountCents);
          assertBalanced(receipt);
          if (allocations.length === 0) return;
          const entries = allocationEntries({
            debtorId: 'debtor',
            creditorId: 'creditor',
            allocations,
            commissionRateBp: rate,
            purchased,
          });
          assertBalanced(entries);
          const reversed = reversalEntries(entries);
          const net = new Map<string, number>();
          for (const entry of [...entries, ...reversed]) {
            const key = `${entry.account}|${entry.claimId ?? ''}|${entry.component ?? ''}`;
            net.set(key, (net.get(key) ?? 0) + entry.amountCents);
          }
          for (const value of net.values()) expect(value).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
