import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  frenchReason,
  reasonColumns,
  reasonView,
  readReason,
  versionReasonView,
  writeReason,
  type PlanEventReason,
} from './event-reasons.js';

/** A row written before migration 0041: the reason in French, no key. */
const legacyView = (reason: string) => reasonView({ reason, reason_key: null, reason_params: {} });

describe('plan history reasons', () => {
  it('reads back every reason the system writes, and keeps a written one as it is', () => {
    expect(readReason(frenchReason.withinAuthority())).toEqual({ code: 'within_authority' });
    expect(readReason(frenchReason.chosenWithDebtor())).toEqual({ code: 'chosen_with_debtor' });
    expect(readReason(frenchReason.needsApproval(['beyond_agent_months', 'above_capacity']))).toEqual({
      code: 'needs_approval',
      reasons: ['beyond_agent_months', 'above_capacity'],
    });
    expect(readReason(frenchReason.instalmentPaid(3, 'VIR 0001 (juin)'))).toEqual({
      code: 'instalment_paid',
      number: 3,
      reference: 'VIR 0001 (juin)',
      byPayment: false,
    });
    expect(readReason(frenchReason.instalmentPaid(2, '0b6e0c4e-9d1f-4d5c-8a3e-2f1a7c9b0d11:2'))).toMatchObject({
      code: 'instalment_paid',
      byPayment: true,
    });
    expect(readReason(frenchReason.firstDue('2026-06-05'))).toEqual({ code: 'first_due', date: '2026-06-05' });
    expect(readReason(frenchReason.unpaidBeyondGrace(2, 10))).toEqual({
      code: 'unpaid_beyond_grace',
      number: 2,
      days: 10,
    });
    expect(readReason(frenchReason.adjustedToBalance('payment', 456_525, 441_475))).toEqual({
      code: 'adjusted_to_balance',
      cause: 'payment',
      fromCents: 456_525,
      toCents: 441_475,
    });
    expect(readReason(frenchReason.caseClosed('returned_unpaid'))).toEqual({
      code: 'case_closed',
      closeReason: 'returned_unpaid',
    });
    expect(readReason(frenchReason.commissionSchedule('BDF-69-2026-0042'))).toEqual({
      code: 'commission_schedule',
      decisionRef: 'BDF-69-2026-0042',
    });
    expect(readReason('dossier clos (not_a_reason)')).toEqual({ code: 'written', text: 'dossier clos (not_a_reason)' });
    expect(readReason('approval: le débiteur a insisté')).toEqual({
      code: 'written',
      text: 'approval: le débiteur a insisté',
    });
    expect(readReason('Le débiteur a changé d’avis')).toEqual({ code: 'written', text: 'Le débiteur a changé d’avis' });
  });

  it('stores the system’s reasons by key with their parameters, a person’s as written, and gives them back so', () => {
    const stored = (reason: PlanEventReason) => {
      const columns = reasonColumns(reason);
      return reasonView({ ...columns, reason_params: JSON.parse(columns.reason_params) as unknown });
    };
    expect(reasonColumns(writeReason.unpaidBeyondGrace(2, 10))).toEqual({
      reason: null,
      reason_key: 'plan_unpaid_beyond_grace',
      reason_params: JSON.stringify({ instalment: 2, graceDays: 10 }),
    });
    expect(stored(writeReason.adjustedToBalance('payment', 456_525, 441_475))).toEqual({
      reasonText: {
        key: 'plan_adjusted_to_balance',
        params: { cause: 'payment', fromCents: 456_525, toCents: 441_475 },
      },
      reason: null,
    });
    expect(stored(writeReason.instalmentPaid(2, '0b6e0c4e-9d1f-4d5c-8a3e-2f1a7c9b0d11:2')).reasonText).toEqual({
      key: 'plan_instalment_paid_by_payment',
      params: { instalment: 2 },
    });
    expect(stored(writeReason.instalmentPaid(3, 'VIR 0001')).reasonText).toEqual({
      key: 'plan_instalment_paid',
      params: { instalment: 3, reference: 'VIR 0001' },
    });
    expect(stored('Le débiteur a retrouvé un emploi')).toEqual({
      reasonText: null,
      reason: 'Le débiteur a retrouvé un emploi',
    });
  });

  it('reads an older row’s French reason back as a text of the case file, by key with its parameters', () => {
    expect(legacyView(frenchReason.withinAuthority())).toEqual({
      reasonText: { key: 'plan_within_authority', params: {} },
      reason: null,
    });
    expect(legacyView(frenchReason.needsApproval(['beyond_agent_months', 'above_capacity']))).toEqual({
      reasonText: { key: 'plan_needs_approval', params: { reasons: 'beyond_agent_months, above_capacity' } },
      reason: null,
    });
    expect(legacyView(frenchReason.instalmentPaid(2, '0b6e0c4e-9d1f-4d5c-8a3e-2f1a7c9b0d11:2')).reasonText).toEqual({
      key: 'plan_instalment_paid_by_payment',
      params: { instalment: 2 },
    });
    expect(legacyView(frenchReason.firstDue('2026-06-05')).reasonText).toEqual({
      key: 'plan_first_due',
      params: { dueOn: '2026-06-05' },
    });
    expect(legacyView(frenchReason.unpaidBeyondGrace(2, 10)).reasonText).toEqual({
      key: 'plan_unpaid_beyond_grace',
      params: { instalment: 2, graceDays: 10 },
    });
    expect(legacyView(frenchReason.adjustedToBalance('approval', 456_525, 441_475)).reasonText).toEqual({
      key: 'plan_adjusted_to_balance',
      params: { cause: 'approval', fromCents: 456_525, toCents: 441_475 },
    });
    expect(legacyView(frenchReason.dueAgain([2, 3], 'Q-2026-000123')).reasonText).toEqual({
      key: 'plan_due_again',
      params: { instalments: '2, 3', receiptNumber: 'Q-2026-000123' },
    });
    expect(legacyView('Le débiteur a changé d’avis')).toEqual({
      reasonText: null,
      reason: 'Le débiteur a changé d’avis',
    });
  });

  it('gives a plan version’s reason, kept in words, as the text its default stands for, a person’s as written', () => {
    expect(versionReasonView(frenchReason.chosenWithDebtor())).toEqual({
      reasonText: { key: 'plan_chosen_with_debtor', params: {} },
      reason: null,
    });
    expect(versionReasonView(frenchReason.commissionSchedule('BDF-69-2026-0042'))).toEqual({
      reasonText: { key: 'plan_commission_schedule', params: { decisionRef: 'BDF-69-2026-0042' } },
      reason: null,
    });
    expect(versionReasonView('Perte d’emploi, nouvel accord')).toEqual({
      reasonText: null,
      reason: 'Perte d’emploi, nouvel accord',
    });
  });

  it('reads back any instalment paid and any payment reversal, whatever the references', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 84 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 84 }), { minLength: 1, maxLength: 5 }),
        (number, reference, numbers) => {
          expect(readReason(frenchReason.instalmentPaid(number, reference))).toMatchObject({ number, reference });
          expect(readReason(frenchReason.dueAgain(numbers, reference))).toEqual({
            code: 'due_again',
            numbers,
            receiptNumber: reference,
          });
        },
      ),
    );
  });
});
