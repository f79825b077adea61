import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISPUTE_DECISIONS, DISPUTE_STATUSES } from '../../disputes/core/dispute.js';
import { portalDisputeState } from './dispute-state.js';

describe('a dispute, as the person reads it', () => {
  it('is being checked until decided, whatever the creditor has answered', () => {
    expect(portalDisputeState('evidence_requested', null)).toBe('being_checked');
    expect(portalDisputeState('answered', null)).toBe('being_checked');
  });

  it('says what the decision did to the debt', () => {
    expect(portalDisputeState('decided', 'resume')).toBe('confirmed');
    expect(portalDisputeState('decided', 'adjust')).toBe('corrected');
    expect(portalDisputeState('decided', 'close')).toBe('closed');
  });

  it('names a joined dispute as joined, and only a decided one as decided', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISPUTE_STATUSES),
        fc.option(fc.constantFrom(...DISPUTE_DECISIONS), { nil: null }),
        (status, decision) => {
          const state = portalDisputeState(status, decision);
          expect(state === 'joined').toBe(status === 'linked');
          const decided = ['confirmed', 'corrected', 'closed'].includes(state);
          expect(decided).toBe(status === 'decided' && decision !== null);
        },
      ),
    );
  });
});
