import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusalReason, reportOf, type CaseOutcome } from './run-report.js';

const outcome: fc.Arbitrary<CaseOutcome> = fc.oneof(
  fc.constant({ kind: 'queued' as const }),
  fc.constant({ kind: 'failed' as const }),
  fc.constantFrom('window.hours', 'cap.sms_email_7d', 'communications.no_recipient').map((reason) => ({
    kind: 'refused' as const,
    reason,
  })),
);

describe('a campaign run’s report', () => {
  it('counts every selected case exactly once (property)', () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 300 }), (outcomes) => {
        const report = reportOf(outcomes);
        expect(report.queued + report.refused + report.failed).toBe(report.selected);
        expect(Object.values(report.refusals).reduce((sum, n) => sum + n, 0)).toBe(report.refused);
      }),
    );
  });

  it('orders refusals by frequency', () => {
    const report = reportOf([
      { kind: 'refused', reason: 'a' },
      { kind: 'refused', reason: 'b' },
      { kind: 'refused', reason: 'b' },
      { kind: 'queued' },
    ]);
    expect(Object.keys(report.refusals)).toEqual(['b', 'a']);
  });

  it('names a refusal by the policy’s first rule, else by the problem', () => {
    expect(refusalReason('contact.refused', { reasons: [{ rule: 'window.hours' }, { rule: 'opt_out' }] })).toBe(
      'window.hours',
    );
    expect(refusalReason('communications.no_recipient', undefined)).toBe('communications.no_recipient');
  });
});
