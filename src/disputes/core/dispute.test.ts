import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  decide,
  DISPUTE_ANSWERS,
  DISPUTE_DECISIONS,
  DISPUTE_GROUNDS,
  DISPUTE_STATUSES,
  evidenceDueOn,
  evidenceToRequest,
  isOverdue,
  linkTarget,
  type ExistingDispute,
} from './dispute.js';

const contractTypes = fc.constantFrom(
  'consumer_credit' as const,
  'overdraft' as const,
  'energy' as const,
  'telecom' as const,
  'rent' as const,
  'other' as const,
);

describe('disputes', () => {
  it('asks for the evidence REGULATION §9 lists, by contract and grounds', () => {
    expect(evidenceToRequest('amount_wrong', { contractType: 'consumer_credit', assigned: true })).toEqual([
      'contract',
      'statement',
      'formal_notice',
      'assignment',
    ]);
    expect(evidenceToRequest('not_delivered', { contractType: 'overdraft', assigned: false })).toEqual([
      'contract',
      'statement',
      'delivery',
    ]);
    fc.assert(
      fc.property(
        fc.constantFrom(...DISPUTE_GROUNDS),
        contractTypes,
        fc.boolean(),
        (grounds, contractType, assigned) => {
          const asked = evidenceToRequest(grounds, { contractType, assigned });
          expect(asked.slice(0, 2)).toEqual(['contract', 'statement']);
          expect(asked.includes('assignment')).toBe(assigned);
          expect(asked.includes('formal_notice')).toBe(contractType === 'consumer_credit');
          expect(new Set(asked).size).toBe(asked.length);
        },
      ),
    );
  });

  it('dates the request from the mandate and finds it overdue only after its day, while unanswered', () => {
    expect(evidenceDueOn('2026-12-03', 30)).toBe('2027-01-02');
    expect(isOverdue({ status: 'evidence_requested', evidenceDueOn: '2027-01-02' }, '2027-01-02')).toBe(false);
    expect(isOverdue({ status: 'evidence_requested', evidenceDueOn: '2027-01-02' }, '2027-01-03')).toBe(true);
    expect(isOverdue({ status: 'answered', evidenceDueOn: '2027-01-02' }, '2027-01-03')).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 200 }), (days) => {
        expect(evidenceDueOn('2026-12-03', days) > '2026-12-03').toBe(true);
      }),
    );
  });

  it('links a second dispute on the same claim and grounds to the first still waiting, never to a decided one', () => {
    const dispute = fc.record<ExistingDispute>({
      id: fc.uuid(),
      claimId: fc.constantFrom('c1', 'c2'),
      grounds: fc.constantFrom(...DISPUTE_GROUNDS),
      status: fc.constantFrom(...DISPUTE_STATUSES),
    });
    fc.assert(
      fc.property(fc.array(dispute, { maxLength: 8 }), fc.constantFrom(...DISPUTE_GROUNDS), (existing, grounds) => {
        const target = linkTarget(existing, 'c1', grounds);
        const waiting = existing.filter(
          (d) => d.claimId === 'c1' && d.grounds === grounds && ['evidence_requested', 'answered'].includes(d.status),
        );
        expect(target).toBe(waiting[0] ?? null);
      }),
    );
  });

  it('holds an answer together: a correction only with an adjusted answer, and adjusting only after one', () => {
    expect(checkAnswer('adjusted', null)).toBe('disputes.adjustment_required');
    expect(checkAnswer('adjusted', { component: 'fees', amountCents: 0 })).toBe('disputes.adjustment_required');
    expect(checkAnswer('adjusted', { component: 'fees', amountCents: -4_000 })).toBeNull();
    expect(checkAnswer('confirmed', { component: 'fees', amountCents: -4_000 })).toBe(
      'disputes.adjustment_not_allowed',
    );
    fc.assert(
      fc.property(fc.constantFrom(...DISPUTE_ANSWERS), fc.constantFrom(...DISPUTE_DECISIONS), (answer, decision) => {
        const effects = decide(answer, decision);
        if (typeof effects === 'string') {
          expect(decision).toBe('adjust');
          expect(answer).not.toBe('adjusted');
          return;
        }
        expect(effects.postAdjustment).toBe(decision === 'adjust');
        expect(effects.recallClaim).toBe(decision === 'close');
        expect(effects.tellDebtor).toBe(decision);
      }),
    );
  });
});
