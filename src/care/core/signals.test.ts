import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/calendar/local-time.js';
import { addDays } from '../../platform/calendar/dates.js';
import {
  BREATHING_SPACE_FALLBACK_DAYS,
  breathingSpaceDays,
  breathingSpaceEnd,
  renewBreathingSpace,
} from './breathing-space.js';
import { DISMISSAL_QUIET_DAYS, detectSignals, type SignalFacts } from './signals.js';
import { SIGNAL_KINDS } from './vocabulary.js';

const TODAY = '2026-12-04';
const CASE = '00000000-0000-7000-8000-000000000001';

const none: SignalFacts = {
  budget: null,
  lifeEvents: [],
  brokenPromises: [],
  hasLiveRecord: false,
  openKinds: [],
  dismissed: [],
};

const day = fc.integer({ min: -200, max: 0 }).map((offset) => addDays(TODAY, offset));
const caseId = fc.constantFrom(CASE, '00000000-0000-7000-8000-000000000002');
const facts: fc.Arbitrary<SignalFacts> = fc.record({
  budget: fc.option(
    fc.record({
      assessedOn: day,
      capacityCents: fc.integer({ min: -50_000, max: 50_000 }),
      resourcesCents: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
      householdRsaCents: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
    }),
    { nil: null },
  ),
  lifeEvents: fc.array(
    fc.record({ kind: fc.constantFrom('hardship' as const, 'bereavement' as const), on: day, caseId }),
  ),
  brokenPromises: fc.array(fc.record({ dueOn: day, caseId })),
  hasLiveRecord: fc.boolean(),
  openKinds: fc.subarray([...SIGNAL_KINDS]),
  dismissed: fc.array(fc.record({ kind: fc.constantFrom(...SIGNAL_KINDS), on: day })),
});

describe('signal detection', () => {
  it('suggests from a budget with no capacity below the RSA, with the figures as reasons', () => {
    const found = detectSignals(
      {
        ...none,
        budget: { assessedOn: '2026-12-01', capacityCents: 0, resourcesCents: 50_000, householdRsaCents: 64_600 },
      },
      TODAY,
    );
    expect(found).toEqual([
      { kind: 'no_capacity', caseId: null, reasons: { assessedOn: '2026-12-01', capacityCents: 0 } },
      {
        kind: 'below_minimum_income',
        caseId: null,
        reasons: { assessedOn: '2026-12-01', resourcesCents: 50_000, householdRsaCents: 64_600 },
      },
    ]);
  });

  it('suggests from a recent hardship outcome, and from promises broken after it', () => {
    const found = detectSignals(
      {
        ...none,
        lifeEvents: [{ kind: 'hardship', on: '2026-11-01', caseId: CASE }],
        brokenPromises: [
          { dueOn: '2026-10-01', caseId: CASE },
          { dueOn: '2026-11-10', caseId: CASE },
          { dueOn: '2026-11-25', caseId: CASE },
        ],
      },
      TODAY,
    );
    expect(found).toEqual([
      { kind: 'hardship_outcome', caseId: CASE, reasons: { on: '2026-11-01', calls: 1 } },
      {
        kind: 'broken_promises_after_life_event',
        caseId: CASE,
        reasons: { count: 2, since: '2026-11-01', lastDueOn: '2026-11-25' },
      },
    ]);
  });

  it('says nothing of an old outcome, or when a record is already live', () => {
    expect(
      detectSignals({ ...none, lifeEvents: [{ kind: 'hardship', on: '2026-01-01', caseId: CASE }] }, TODAY),
    ).toEqual([]);
    expect(
      detectSignals(
        { ...none, hasLiveRecord: true, lifeEvents: [{ kind: 'hardship', on: TODAY, caseId: CASE }] },
        TODAY,
      ),
    ).toEqual([]);
  });

  it('asks again about a dismissed kind only after the quiet period', () => {
    const hardship = { ...none, lifeEvents: [{ kind: 'hardship' as const, on: TODAY, caseId: CASE }] };
    const dismissedOn = (days: number) => [{ kind: 'hardship_outcome' as const, on: addDays(TODAY, -days) }];
    expect(detectSignals({ ...hardship, dismissed: dismissedOn(DISMISSAL_QUIET_DAYS - 1) }, TODAY)).toEqual([]);
    expect(detectSignals({ ...hardship, dismissed: dismissedOn(DISMISSAL_QUIET_DAYS) }, TODAY)).toHaveLength(1);
  });

  it('never yields a record, never an open kind, never a kind dismissed in the last 90 days, each kind once', () => {
    fc.assert(
      fc.property(facts, (input) => {
        const found = detectSignals(input, TODAY);
        const quietSince = addDays(TODAY, -DISMISSAL_QUIET_DAYS);
        for (const suggestion of found) {
          expect(Object.keys(suggestion).sort()).toEqual(['caseId', 'kind', 'reasons']);
          expect(input.openKinds).not.toContain(suggestion.kind);
          expect(input.dismissed.some((d) => d.kind === suggestion.kind && d.on > quietSince)).toBe(false);
          for (const value of Object.values(suggestion.reasons)) expect(['string', 'number']).toContain(typeof value);
        }
        expect(new Set(found.map((suggestion) => suggestion.kind)).size).toBe(found.length);
        if (input.hasLiveRecord) expect(found).toEqual([]);
      }),
    );
  });
});

describe('breathing space', () => {
  const start = new Date('2026-12-04T10:00:00Z');
  const hold = {
    kind: 'vulnerability',
    status: 'active' as const,
    startsAt: start,
    endsAt: breathingSpaceEnd(start, 30),
    renewedAt: null,
  };

  it('lasts the policy default, 30 days when the policy names none', () => {
    expect(breathingSpaceDays(undefined)).toBe(BREATHING_SPACE_FALLBACK_DAYS);
    expect(breathingSpaceDays(45)).toBe(45);
  });

  it('renews exactly once, with a reason, by the same number of days', () => {
    const renewed = renewBreathingSpace(hold, 'Appointment with the Point Conseil Budget', start, 30);
    expect(renewed).toEqual({ endsAt: new Date(start.getTime() + 60 * DAY_MS) });
    expect(renewBreathingSpace({ ...hold, renewedAt: start }, 'again', start, 30)).toBe('care.breathing_space_renewed');
    expect(renewBreathingSpace(hold, '  ', start, 30)).toBe('care.reason_length');
    expect(renewBreathingSpace({ ...hold, status: 'lifted' }, 'why', start, 30)).toBe(
      'care.breathing_space_not_active',
    );
    expect(renewBreathingSpace({ ...hold, endsAt: null }, 'why', start, 30)).toBe('care.not_a_breathing_space');
    expect(renewBreathingSpace({ ...hold, kind: 'dispute' }, 'why', start, 30)).toBe('care.not_a_breathing_space');
  });

  it('a renewal always ends exactly the days later than the end it extends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 0, max: 29 * DAY_MS }), (days, elapsed) => {
        const now = new Date(start.getTime() + elapsed);
        const result = renewBreathingSpace(hold, 'reason', now, days);
        expect(result).toEqual({ endsAt: new Date(hold.endsAt.getTime() + days * DAY_MS) });
      }),
    );
  });
});
