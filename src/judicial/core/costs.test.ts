import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_FEE_TABLES,
  CHARGEABLE_TO,
  COST_KINDS,
  costLine,
  costTotals,
  feeOnCollection,
  feeTableOn,
  proportionalFeeCents,
} from './costs.js';

const TABLE = feeTableOn('2026-12-03', INITIAL_FEE_TABLES);

describe('cost lines', () => {
  it('never puts an amicable collection fee on the debtor (L111-8), whatever is asked', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COST_KINDS), fc.constantFrom(...CHARGEABLE_TO), (kind, chargeableTo) => {
        const line = costLine({ kind, chargeableTo, amountCents: 1000, incurredOn: '2026-12-01' }, '2026-12-03');
        if (kind === 'amicable_collection_fee' && chargeableTo === 'debtor')
          expect(line).toBe('judicial_procedure.cost_amicable_fee_on_debtor');
        if (typeof line !== 'string' && kind === 'amicable_collection_fee') expect(line.chargeableTo).toBe('creditor');
        if (typeof line !== 'string') expect(line.legalBasis.length).toBeGreaterThan(1);
      }),
    );
  });

  it('defaults the basis and the bearer by kind, and refuses the creditor’s fee on the debtor', () => {
    expect(
      costLine({ kind: 'commissaire_a444_31', amountCents: 5000, incurredOn: '2026-12-01' }, '2026-12-03'),
    ).toEqual({
      kind: 'commissaire_a444_31',
      amountCents: 5000,
      chargeableTo: 'debtor',
      legalBasis: 'C. com. A444-31 (n° 128)',
      incurredOn: '2026-12-01',
    });
    expect(
      costLine(
        { kind: 'commissaire_a444_32', chargeableTo: 'debtor', amountCents: 5000, incurredOn: '2026-12-01' },
        '2026-12-03',
      ),
    ).toBe('judicial_procedure.cost_not_chargeable');
    expect(costLine({ kind: 'other', amountCents: 100, incurredOn: '2026-12-01' }, '2026-12-03')).toBe(
      'judicial_procedure.cost_basis_required',
    );
    expect(costLine({ kind: 'court_fee', amountCents: 100, incurredOn: '2026-12-04' }, '2026-12-03')).toBe(
      'judicial_procedure.cost_in_future',
    );
    expect(
      costTotals([
        { amountCents: 300, chargeableTo: 'debtor' },
        { amountCents: 200, chargeableTo: 'creditor' },
      ]),
    ).toEqual({ debtorCents: 300, creditorCents: 200 });
  });
});

describe('the commissaire’s proportional fee A444-32', () => {
  it('is exact at the band edges, with the floor and the cap', () => {
    expect(proportionalFeeCents(10_000, TABLE)).toBe(2128); // ≤ 188 €: the floor
    expect(proportionalFeeCents(18_800, TABLE)).toBe(2128);
    // 125 × 11.61 % = 14.5125; 485 × 10.64 % = 51.604 → 66.1165 € → 66.12 €
    expect(proportionalFeeCents(61_000, TABLE)).toBe(6612);
    // + 915 × 10.16 % = 92.964 → 159.0805 € → 159.08 €
    expect(proportionalFeeCents(152_500, TABLE)).toBe(15_908);
    // + 50,875 × 3.87 % = 1,968.8625 → 2,127.943 € → 2,127.94 €
    expect(proportionalFeeCents(5_240_000, TABLE)).toBe(212_794);
    expect(proportionalFeeCents(100_000_000, TABLE)).toBe(554_000);
    expect(INITIAL_FEE_TABLES[0]!.tag).toBe('check');
  });

  it('grows with the amount and never passes the cap', () => {
    const amount = fc.integer({ min: 0, max: 50_000_000 });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(proportionalFeeCents(low, TABLE)).toBeLessThanOrEqual(proportionalFeeCents(high, TABLE));
        expect(proportionalFeeCents(high, TABLE)).toBeLessThanOrEqual(TABLE.capCents);
        expect(Number.isSafeInteger(proportionalFeeCents(high, TABLE))).toBe(true);
      }),
    );
  });

  it('charges each collected payment the fee on the running total less what was charged: the floor once, the sum exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3_000_000 }), { minLength: 1, maxLength: 12 }), (payments) => {
        let before = 0;
        let charged = 0;
        for (const paymentCents of payments) {
          const fee = feeOnCollection({ beforeCents: before, paymentCents, chargedBeforeCents: charged }, TABLE);
          expect(Number.isSafeInteger(fee) && fee >= 0).toBe(true);
          before += paymentCents;
          charged += fee;
        }
        expect(charged).toBe(proportionalFeeCents(before, TABLE));
        expect(charged).toBeLessThanOrEqual(TABLE.capCents);
      }),
    );
    // 100 € then 100 €: the floor on the first (21.28 €), then the fee on 200 € less it.
    expect(feeOnCollection({ beforeCents: 0, paymentCents: 10_000, chargedBeforeCents: 0 }, TABLE)).toBe(2128);
    expect(feeOnCollection({ beforeCents: 10_000, paymentCents: 10_000, chargedBeforeCents: 2128 }, TABLE)).toBe(
      proportionalFeeCents(20_000, TABLE) - 2128,
    );
    // A lower table later refunds nothing.
    expect(feeOnCollection({ beforeCents: 0, paymentCents: 100, chargedBeforeCents: 9_999 }, TABLE)).toBe(0);
  });
});
