import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOLDS_FORBIDDING_A_PORTAL_PLAN, nextInstalment, planRefusal, proposalInWords } from './plan-choice.js';

const facts = fc.record({
  status: fc.constantFrom('open', 'on_hold', 'closed'),
  stage: fc.constantFrom('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'deceased', 'closed'),
  balanceCents: fc.integer({ min: 0, max: 10_000_000 }),
  activeHolds: fc.array(fc.constantFrom(...HOLDS_FORBIDDING_A_PORTAL_PLAN), { maxLength: 3 }),
  livePlan: fc.boolean(),
  hasBudget: fc.boolean(),
});

describe('whether a plan may be chosen on the portal', () => {
  it('never on a closed file, under a hold, in a procedure, or with nothing owed, a live plan or no budget', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const refusal = planRefusal(f);
        if (f.status === 'closed' || f.stage === 'closed') expect(refusal).toBe('case_closed');
        else if (f.activeHolds.length > 0 || ['dispute', 'overindebtedness', 'judicial', 'deceased'].includes(f.stage))
          expect(refusal).toBe('on_hold');
        else if (f.balanceCents <= 0) expect(refusal).toBe('nothing_owed');
        else if (f.livePlan) expect(refusal).toBe('plan_exists');
        else if (!f.hasBudget) expect(refusal).toBe('budget_required');
        else expect(refusal).toBeNull();
      }),
    );
  });

  it('on an open amicable file with a budget, something owed, no plan and no hold', () => {
    expect(
      planRefusal({
        status: 'open',
        stage: 'amicable',
        balanceCents: 1,
        activeHolds: [],
        livePlan: false,
        hasBudget: true,
      }),
    ).toBeNull();
  });
});

const schedule = fc
  .tuple(fc.integer({ min: 1, max: 84 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }))
  .map(([count, amount, last]) =>
    Array.from({ length: count }, (_, k) => ({
      number: k + 1,
      dueOn: `2027-${String((k % 12) + 1).padStart(2, '0')}-05`,
      amountCents: k === count - 1 ? Math.min(amount, last) : amount,
    })),
  );

describe('a proposal in words', () => {
  it('counts the payments, totals them exactly, names the first and last dates and what is waived', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 50_000 }), fc.boolean(), (instalments, discount, review) => {
        const said = proposalInWords({
          kind: 'instalments',
          agreedCents: instalments.reduce((a, i) => a + i.amountCents, 0),
          discountCents: discount,
          schedule: instalments,
          approvalReasons: review ? ['beyond_agent_months'] : [],
        });
        expect(said.count).toBe(instalments.length);
        expect(said.totalCents).toBe(instalments.reduce((a, i) => a + i.amountCents, 0));
        expect(said.firstDueOn).toBe(instalments[0]!.dueOn);
        expect(said.lastDueOn).toBe(instalments.at(-1)!.dueOn);
        expect(said.amountCents).toBe(instalments[0]!.amountCents);
        const last = instalments.at(-1)!.amountCents;
        expect(said.lastAmountCents).toBe(instalments.length > 1 && last !== said.amountCents ? last : null);
        expect(said.waivedCents).toBe(discount);
        expect(said.needsApproval).toBe(review);
      }),
    );
  });

  it('finds the next payment to make: the first by number not yet paid', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('due', 'paid', 'late'), { maxLength: 30 }), (statuses) => {
        const instalments = statuses.map((status, k) => ({ number: k + 1, status })).reverse();
        const next = nextInstalment(instalments);
        const expected = statuses.findIndex((s) => s !== 'paid');
        expect(next?.number ?? null).toBe(expected === -1 ? null : expected + 1);
      }),
    );
  });
});
