import { describe, expect, it } from 'vitest';
import { readReason, writeReason } from './event-reasons.js';

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
    expect(readReason('approval: le débiteur a insisté')).toEqual({
      code: 'written',
      text: 'approval: le débiteur a insisté',
    });
    expect(readReason('Le débiteur a changé d’avis')).toEqual({ code: 'written', text: 'Le débiteur a changé d’avis' });
  });
});
