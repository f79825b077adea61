import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonView, readReason, writeReason } from './event-reasons.js';

describe('plan history reasons', () => {
  it('reads back every reason the system writes, and keeps a written one as it is', () => {
    expect(readReason(writeReason.withinAuthority())).toEqual({ code: 'within_authority' });
    expect(readReason(writeReason.chosenWithDebtor())).toEqual({ code: 'chosen_with_debtor' });
    expect(readReason(writeReason.needsApproval(['beyond_agent_months', 'above_capacity']))).toEqual({
      code: 'needs_approval',
      reasons: ['beyond_agent_months', 'above_capacity'],
    });
    expect(readReason(writeReason.instalmentPaid(3, 'VIR 0001 (juin)'))).toEqual({
      code: 'instalment_paid',
      number: 3,
      reference: 'VIR 0001 (juin)',
      byPayment: false,
    });
    expect(readReason(writeReason.instalmentPaid(2, '0b6e0c4e-9d1f-4d5c-8a3e-2f1a7c9b0d11:2'))).toMatchObject({
      code: 'instalment_paid',
      byPayment: true,
    });
    expect(readReason(writeReason.firstDue('2026-06-05'))).toEqual({ code: 'first_due', date: '2026-06-05' });
    expect(readReason(writeReason.unpaidBeyondGrace(2, 10))).toEqual({
      code: 'unpaid_beyond_grace',
      number: 2,
      days: 10,
    });
    expect(readReason(writeReason.adjustedToBalance('payment', 456_525, 441_475))).toEqual({
      code: 'adjusted_to_balance',
      cause: 'payment',
      fromCents: 456_525,
      toCents: 441_475,
    });
    expect(readReason(writeReason.caseClosed('returned_unpaid'))).toEqual({
      code: 'case_closed',
      closeReason: 'returned_unpaid',
    });
    expect(readReason('dossier clos (not_a_reason)')).toEqual({ code: 'written', text: 'dossier clos (not_a_reason)' });
    expect(readReason('approval: le débiteur a insisté')).toEqual({
      code: 'written',
      text: 'approval: le débiteur a insisté',
    });
    expect(readReason('Le débiteur a changé d’avis')).toEqual({ code: 'written', text: 'Le débiteur a changé d’avis' });
  });

  it('gives the system’s reasons as texts of the case file, by key with their parameters, and a person’s as written', () => {
    expect(reasonView(writeReason.withinAuthority())).toEqual({
      reasonText: { key: 'plan_within_authority', params: {} },
      reason: null,
    });
    expect(reasonView(writeReason.needsApproval(['beyond_agent_months', 'above_capacity']))).toEqual({
      reasonText: { key: 'plan_needs_approval', params: { reasons: 'beyond_agent_months, above_capacity' } },
      reason: null,
    });
    expect(reasonView(writeReason.instalmentPaid(2, '0b6e0c4e-9d1f-4d5c-8a3e-2f1a7c9b0d11:2')).reasonText).toEqual({
      key: 'plan_instalment_paid_by_payment',
      params: { instalment: 2 },
    });
    expect(reasonView(writeReason.firstDue('2026-06-05')).reasonText).toEqual({
      key: 'plan_first_due',
      params: { dueOn: '2026-06-05' },
    });
    expect(reasonView(writeReason.unpaidBeyondGrace(2, 10)).reasonText).toEqual({
      key: 'plan_unpaid_beyond_grace',
      params: { instalment: 2, graceDays: 10 },
    });
    expect(reasonView(writeReason.adjustedToBalance('approval', 456_525, 441_475)).reasonText).toEqual({
      key: 'plan_adjusted_to_balance',
      params: { cause: 'approval', fromCents: 456_525, toCents: 441_475 },
    });
    expect(reasonView(writeReason.dueAgain([2, 3], 'Q-2026-000123')).reasonText).toEqual({
      key: 'plan_due_again',
      params: { instalments: '2, 3', receiptNumber: 'Q-2026-000123' },
    });
    expect(reasonView('Le débiteur a changé d’avis')).toEqual({
      reasonText: null,
      reason: 'Le débiteur a changé d’avis',
    });
  });

  it('reads back any instalment paid and any payment reversal, whatever the references', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 84 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 84 }), { minLength: 1, maxLength: 5 }),
        (number, reference, numbers) => {
          expect(readReason(writeReason.instalmentPaid(number, reference))).toMatchObject({ number, reference });
          expect(readReason(writeReason.dueAgain(numbers, reference))).toEqual({
            code: 'due_again',
            numbers,
            receiptNumber: reference,
          });
        },
      ),
    );
  });
});
