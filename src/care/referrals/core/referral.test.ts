import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/dates.js';
import { HELPS_WITH, REFERRAL_OUTCOMES, SENT_HOW, type HelpsWith } from '../../core/vocabulary.js';
import {
  close,
  DEFAULT_FOLLOW_UP_DAYS,
  followUpDue,
  outcomesFor,
  propose,
  reschedule,
  send,
  type Decision,
  type ReferralState,
} from './referral.js';

const TODAY = '2026-12-04';
const active = { active: true, country: 'FR' };
const proposed = (followUpOn = addDays(TODAY, 14)): ReferralState => ({
  status: 'proposed',
  followUpOn,
  sentHow: null,
  outcome: null,
});
const stateOf = (decision: Decision) => {
  if (!decision.ok) throw new Error(decision.refusal);
  return decision.state;
};

const day = fc.integer({ min: -400, max: 400 }).map((offset) => addDays(TODAY, offset));
const helpsWith = fc.uniqueArray(fc.constantFrom(...HELPS_WITH), { minLength: 1 });
/** Any act a person may try on a referral, in any order. */
const act = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), how: fc.constantFrom(...SENT_HOW) }),
  fc.record({ kind: fc.constant('reschedule' as const), on: day }),
  fc.record({ kind: fc.constant('close' as const), outcome: fc.constantFrom(...REFERRAL_OUTCOMES) }),
);

function apply(state: ReferralState, step: StepOf, helps: HelpsWith[]) {
  switch (step.kind) {
    case 'send':
      return send(state, step.how);
    case 'reschedule':
      return reschedule(state, step.on, TODAY);
    default:
      return close(state, step.outcome, helps);
  }
}
type StepOf =
  | { kind: 'send'; how: (typeof SENT_HOW)[number] }
  | { kind: 'reschedule'; on: string }
  | { kind: 'close'; outcome: (typeof REFERRAL_OUTCOMES)[number] };

describe('a referral', () => {
  it('is proposed only with consent, to an active organisation of the debtor’s country', () => {
    const facts = { consent: true, organisation: active, debtorCountry: 'FR', followUpOn: null, today: TODAY };
    expect(propose(facts)).toEqual({ ok: true, state: proposed(addDays(TODAY, DEFAULT_FOLLOW_UP_DAYS)) });
    expect(propose({ ...facts, consent: false })).toEqual({ ok: false, refusal: 'care.referral_consent_required' });
    expect(propose({ ...facts, organisation: { active: false, country: 'FR' } })).toEqual({
      ok: false,
      refusal: 'care.organisation_inactive',
    });
    expect(propose({ ...facts, debtorCountry: 'IT' })).toEqual({
      ok: false,
      refusal: 'care.organisation_other_country',
    });
  });

  it('takes a follow-up date from today on, two weeks ahead by default', () => {
    const facts = { consent: true, organisation: active, debtorCountry: 'FR', today: TODAY };
    fc.assert(
      fc.property(day, (on) => {
        const decision = propose({ ...facts, followUpOn: on });
        expect(decision.ok).toBe(on >= TODAY);
        if (decision.ok) expect(decision.state.followUpOn).toBe(on);
      }),
    );
    expect(stateOf(propose({ ...facts, followUpOn: null })).followUpOn).toBe('2026-12-18');
  });

  it('goes proposed → sent → closed, and proposed → closed when the debtor declines', () => {
    const sent = stateOf(send(proposed(), 'letter'));
    expect(sent).toMatchObject({ status: 'sent', sentHow: 'letter' });
    expect(stateOf(close(sent, 'helped', ['budget_advice']))).toMatchObject({ status: 'closed', outcome: 'helped' });
    expect(stateOf(close(proposed(), 'refused', ['budget_advice']))).toMatchObject({ outcome: 'refused' });
    expect(send(sent, 'email')).toEqual({ ok: false, refusal: 'care.referral_not_proposed' });
  });

  it('says helped or file lodged only once sent, file lodged only for over-indebtedness', () => {
    expect(close(proposed(), 'helped', ['housing'])).toEqual({ ok: false, refusal: 'care.outcome_needs_sending' });
    const sent = stateOf(send(proposed(), 'warm_handoff'));
    expect(close(sent, 'file_lodged', ['housing'])).toEqual({
      ok: false,
      refusal: 'care.file_lodged_not_over_indebtedness',
    });
    expect(close(sent, 'file_lodged', ['over_indebtedness']).ok).toBe(true);
    expect(outcomesFor(proposed(), ['over_indebtedness'])).toEqual(['not_reached', 'refused']);
    expect(outcomesFor(sent, ['over_indebtedness'])).toEqual(['helped', 'file_lodged', 'not_reached', 'refused']);
    expect(outcomesFor(sent, ['housing'])).toEqual(['helped', 'not_reached', 'refused']);
  });

  it('whatever is tried in whatever order: an outcome only when closed, closing final, follow-up never in the past', () => {
    fc.assert(
      fc.property(fc.array(act, { maxLength: 12 }), helpsWith, (steps, helps) => {
        let state = proposed();
        let closedAt: number | null = null;
        steps.forEach((step, index) => {
          const decision = apply(state, step as StepOf, helps);
          if (closedAt !== null) expect(decision).toEqual({ ok: false, refusal: 'care.referral_closed' });
          if (!decision.ok) return;
          const before = state;
          state = decision.state;
          // The outcome is set exactly when closed.
          expect(state.outcome !== null).toBe(state.status === 'closed');
          // A follow-up date that moved moved to today or later.
          if (state.followUpOn !== before.followUpOn) expect(state.followUpOn >= TODAY).toBe(true);
          // Sent once: how it was sent never changes afterwards.
          if (before.sentHow !== null) expect(state.sentHow).toBe(before.sentHow);
          if (state.outcome === 'helped' || state.outcome === 'file_lodged') expect(state.sentHow).not.toBeNull();
          if (state.outcome === 'file_lodged') expect(helps).toContain('over_indebtedness');
          if (state.status === 'closed') closedAt = index;
        });
        if (state.status === 'closed') expect(followUpDue(state, addDays(TODAY, 1000))).toBe(false);
      }),
    );
  });

  it('is due for follow-up from its day while open', () => {
    expect(followUpDue(proposed(TODAY), TODAY)).toBe(true);
    expect(followUpDue(proposed(addDays(TODAY, 1)), TODAY)).toBe(false);
  });
});
