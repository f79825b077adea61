import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../platform/calendar/dates.js';
import {
  BLOCKING_HOLDS,
  checkEscalation,
  escalationBlocks,
  fileNotBefore,
  isDueForReview,
  keepAmicableProblem,
  proposedDecision,
  reviewDueOn,
  type EscalationFacts,
  type ReviewDueFacts,
} from './review.js';
import { JUDICIAL_ROUTES, proposeRoute } from './route.js';

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
const maybeDay = fc.option(day, { nil: null });

const dueFacts: fc.Arbitrary<ReviewDueFacts> = fc.record({
  stage: fc.constantFrom('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'deceased', 'closed'),
  status: fc.constantFrom('open', 'on_hold', 'closed'),
  openedOn: day,
  reviewDays: fc.integer({ min: 60, max: 365 }),
  livePlan: fc.boolean(),
  lastPaymentOn: maybeDay,
  lastPlanEndedOn: maybeDay,
  returnedOn: maybeDay,
  keptUntil: maybeDay,
});

const escalationFacts: fc.Arbitrary<EscalationFacts> = fc.record({
  stage: fc.constantFrom('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'deceased', 'closed'),
  status: fc.constantFrom('open', 'on_hold', 'closed'),
  openClaims: fc.integer({ min: 0, max: 3 }),
  amountCents: fc.integer({ min: 0, max: 2_000_000 }),
  thresholdCents: fc.integer({ min: 0, max: 100_000 }),
  timeBarredClaims: fc.integer({ min: 0, max: 2 }),
  openDisputes: fc.integer({ min: 0, max: 2 }),
  activeHoldKinds: fc.subarray([...Object.keys(BLOCKING_HOLDS), 'represented']),
  forbearanceOffers: fc.integer({ min: 0, max: 3 }),
  debtorDeceased: fc.boolean(),
});

const clear: EscalationFacts = {
  stage: 'amicable',
  status: 'open',
  openClaims: 1,
  amountCents: 120_000,
  thresholdCents: 30_000,
  timeBarredClaims: 0,
  openDisputes: 0,
  activeHoldKinds: [],
  forbearanceOffers: 1,
  debtorDeceased: false,
};

describe('the judicial review', () => {
  it('is due the mandate delay after placement without a payment or a plan', () => {
    const facts: ReviewDueFacts = {
      stage: 'amicable',
      status: 'open',
      openedOn: '2026-08-01',
      reviewDays: 120,
      livePlan: false,
      lastPaymentOn: null,
      lastPlanEndedOn: null,
      returnedOn: null,
      keptUntil: null,
    };
    expect(reviewDueOn(facts)).toBe('2026-11-29');
    expect(isDueForReview(facts, '2026-11-28')).toBe(false);
    expect(isDueForReview(facts, '2026-11-29')).toBe(true);
    expect(reviewDueOn({ ...facts, lastPaymentOn: '2026-10-01' })).toBe('2027-01-29');
    expect(reviewDueOn({ ...facts, keptUntil: '2027-03-01' })).toBe('2027-03-01');
    expect(reviewDueOn({ ...facts, livePlan: true })).toBeNull();
    expect(reviewDueOn({ ...facts, stage: 'judicial' })).toBeNull();
  });

  it('is never due before the delay has run from the last sign of an amicable solution, nor before a kept date', () => {
    fc.assert(
      fc.property(dueFacts, (facts) => {
        const due = reviewDueOn(facts);
        if (due === null) return;
        expect(facts.livePlan).toBe(false);
        expect(facts.status).not.toBe('closed');
        for (const sign of [facts.openedOn, facts.lastPaymentOn, facts.lastPlanEndedOn, facts.returnedOn])
          if (sign) expect(compareDates(due, addDays(sign, facts.reviewDays))).toBeGreaterThanOrEqual(0);
        if (facts.keptUntil) expect(compareDates(due, facts.keptUntil)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('lets a clear case be escalated by an allowed route only', () => {
    expect(escalationBlocks(clear)).toEqual([]);
    const { allowed } = proposeRoute({ amountCents: clear.amountCents, hasTitle: false, today: '2026-12-03' });
    expect(checkEscalation(clear, 'psrpc', allowed)).toEqual({ outcome: 'allowed', route: 'psrpc' });
    expect(checkEscalation(clear, 'injonction_de_payer', allowed)).toEqual({
      outcome: 'refused',
      block: 'route_not_allowed',
    });
  });

  it('names each block', () => {
    expect(escalationBlocks({ ...clear, timeBarredClaims: 1 })).toEqual(['time_barred']);
    expect(escalationBlocks({ ...clear, stage: 'dispute', openDisputes: 1 })).toEqual(['dispute_open']);
    expect(escalationBlocks({ ...clear, stage: 'overindebtedness' })).toEqual(['overindebtedness']);
    expect(escalationBlocks({ ...clear, activeHoldKinds: ['debt_advice'] })).toEqual(['enforcement_stayed']);
    expect(escalationBlocks({ ...clear, debtorDeceased: true })).toEqual(['debtor_deceased']);
    expect(escalationBlocks({ ...clear, activeHoldKinds: ['vulnerability'] })).toEqual(['vulnerability_review']);
    expect(escalationBlocks({ ...clear, amountCents: 29_999 })).toEqual(['below_threshold']);
    expect(escalationBlocks({ ...clear, amountCents: 30_000 })).toEqual([]);
    expect(escalationBlocks({ ...clear, forbearanceOffers: 0 })).toEqual(['no_forbearance_offered']);
    expect(escalationBlocks({ ...clear, stage: 'judicial' })).toEqual(['already_judicial']);
  });

  it('never proposes or allows an escalation for a blocked case, whatever the route', () => {
    fc.assert(
      fc.property(escalationFacts, fc.constantFrom(...JUDICIAL_ROUTES), (facts, route) => {
        const blocks = escalationBlocks(facts);
        const check = checkEscalation(facts, route, JUDICIAL_ROUTES);
        if (blocks.length > 0) {
          expect(check).toEqual({ outcome: 'refused', block: blocks[0] });
          expect(proposedDecision(blocks)).not.toBe('escalate');
        } else {
          expect(check.outcome).toBe('allowed');
          expect(proposedDecision(blocks)).toBe('escalate');
        }
        if (facts.timeBarredClaims > 0) expect(blocks).toContain('time_barred');
        if (facts.openDisputes > 0) expect(blocks).toContain('dispute_open');
      }),
    );
  });

  it('sets the first filing day after the notice, and a new review date within a year', () => {
    expect(fileNotBefore('2026-12-03')).toBe('2026-12-11');
    expect(keepAmicableProblem('2026-12-03', '2026-12-03')).toBe('judicial.next_review_invalid');
    expect(keepAmicableProblem('2026-12-03', '2026-12-04')).toBeNull();
    expect(keepAmicableProblem('2026-12-03', '2027-12-03')).toBeNull();
    expect(keepAmicableProblem('2026-12-03', '2027-12-04')).toBe('judicial.next_review_invalid');
  });
});
