import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../contact-policy/core/default-policy.js';
import {
  contactDistribution,
  deadlineStatus,
  histogramMedian,
  perCaseWeekHundredths,
  periodsPerWeek,
  weeklyCap,
  type CapLike,
} from './conduct.js';

const cap = (over: Partial<CapLike>): CapLike => ({
  id: 'c',
  channels: ['phone'],
  counts: 'attempts',
  max: 1,
  per: { rollingDays: 7 },
  ...over,
});

describe('weekly caps', () => {
  it('counts the periods of a cap one calendar week holds', () => {
    expect(periodsPerWeek({ localDay: true })).toBe(7);
    expect(periodsPerWeek({ rollingDays: 7 })).toBe(1);
    expect(periodsPerWeek({ rollingDays: 30 })).toBe(1);
    expect(periodsPerWeek({ rollingDays: 3 })).toBe(3);
    expect(periodsPerWeek({ rollingHours: 24 })).toBe(7);
    expect(periodsPerWeek({ rollingHours: 100 })).toBe(2);
  });

  it("reads the default policy's caps by hand: 7 calls, 2 messages, 1 letter, 10 contacts a week", () => {
    // phone: min(2 a day × 7 = 14, 7 in 7 days, 10 in 30 days) = 7; the Italian conversation caps count conversations.
    expect(weeklyCap(DEFAULT_POLICY.caps, 'phone')).toEqual({ max: 7, capId: 'phone.attempts.7d' });
    expect(weeklyCap(DEFAULT_POLICY.caps, 'sms')).toEqual({ max: 2, capId: 'messages.7d' });
    expect(weeklyCap(DEFAULT_POLICY.caps, 'email')).toEqual({ max: 2, capId: 'messages.7d' });
    expect(weeklyCap(DEFAULT_POLICY.caps, 'letter')).toEqual({ max: 1, capId: 'letters.14d' });
    expect(weeklyCap(DEFAULT_POLICY.caps, 'all')).toEqual({ max: 10, capId: 'all.30d' });
  });

  it('leaves out caps on conversations, caps for some countries, and caps that do not cover the channel', () => {
    const caps = [
      cap({ id: 'talks', counts: 'conversations', max: 0 }),
      cap({ id: 'italy', countries: ['IT'], max: 0 }),
      cap({ id: 'sms', channels: ['sms'], max: 0 }),
      cap({ id: 'calls', max: 5 }),
    ];
    expect(weeklyCap(caps, 'phone')).toEqual({ max: 5, capId: 'calls' });
    expect(weeklyCap(caps, 'letter')).toBeNull();
    expect(weeklyCap(caps, 'all')).toBeNull();
  });

  it('is never above what any single cap covering the channel allows in a week', () => {
    const arbitraryCap = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      channels: fc.subarray(['phone', 'sms', 'email', 'letter'], { minLength: 1 }),
      counts: fc.constant('attempts' as const),
      max: fc.nat(50),
      per: fc.oneof(
        fc.constant({ localDay: true as const }),
        fc.record({ rollingDays: fc.integer({ min: 1, max: 60 }) }),
        fc.record({ rollingHours: fc.integer({ min: 1, max: 700 }) }),
      ),
    });
    fc.assert(
      fc.property(fc.array(arbitraryCap, { maxLength: 6 }), (caps) => {
        const bound = weeklyCap(caps, 'phone');
        const covering = caps.filter((one) => one.channels.includes('phone'));
        expect(bound === null).toBe(covering.length === 0);
        for (const one of covering) expect(bound!.max).toBeLessThanOrEqual(one.max * periodsPerWeek(one.per));
      }),
    );
  });
});

describe('contacts per case and per week', () => {
  it('counts a small portfolio by hand', () => {
    // 10 open case-weeks: 4 with one call, 2 with three, 1 with eight (above a cap of 7), so 3 with none.
    const figures = contactDistribution(
      10,
      new Map([
        [1, 4],
        [3, 2],
        [8, 1],
      ]),
      7,
    );
    expect(figures.buckets.map((bucket) => bucket.caseWeeks)).toEqual([3, 4, 0, 2, 0, 0, 0, 0]);
    expect(figures.overCap).toEqual([{ contacts: 8, caseWeeks: 1 }]);
    expect(figures.overCapCaseWeeks).toBe(1);
    expect(figures.caseWeeks).toBe(10);
    expect(figures.attempts).toBe(4 + 6 + 8);
    expect(perCaseWeekHundredths(figures.attempts, figures.caseWeeks)).toBe(180);
  });

  it('without a cap, draws up to the most attempts seen; never fewer than no case-week without contact', () => {
    const figures = contactDistribution(1, new Map([[2, 3]]), null);
    expect(figures.buckets).toEqual([
      { contacts: 0, caseWeeks: 0 },
      { contacts: 1, caseWeeks: 0 },
      { contacts: 2, caseWeeks: 3 },
    ]);
    expect(figures.overCap).toEqual([]);
    expect(perCaseWeekHundredths(0, 0)).toBeNull();
  });

  it('adds up: buckets and case-weeks above the cap make every case-week; none above when all are within', () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.nat(50)), { maxLength: 10 }),
        fc.option(fc.nat(15)),
        (open, pairs, cap) => {
          const contacted = new Map<number, number>(pairs);
          const figures = contactDistribution(open, contacted, cap);
          const inBuckets = figures.buckets.reduce((sum, bucket) => sum + bucket.caseWeeks, 0);
          expect(inBuckets + figures.overCapCaseWeeks).toBe(figures.caseWeeks);
          expect(figures.caseWeeks).toBeGreaterThanOrEqual(open);
          const beyond = [...contacted].some(([contacts, weeks]) => cap !== null && contacts > cap && weeks > 0);
          expect(figures.overCapCaseWeeks > 0).toBe(beyond);
          const mean = perCaseWeekHundredths(figures.attempts, figures.caseWeeks);
          if (mean !== null) expect(mean).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('complaint deadlines and dispute answers', () => {
  it('places a complaint against its answer day', () => {
    expect(deadlineStatus('2026-03-10', '2026-03-10', '2026-04-01')).toBe('answered_in_time');
    expect(deadlineStatus('2026-03-10', '2026-03-11', '2026-04-01')).toBe('answered_late');
    expect(deadlineStatus('2026-03-10', null, '2026-03-10')).toBe('open_in_time');
    expect(deadlineStatus('2026-03-10', null, '2026-03-11')).toBe('open_overdue');
  });

  it('takes the lower median of a histogram, as the care report does of a list', () => {
    expect(
      histogramMedian(
        new Map([
          [2, 1],
          [5, 2],
          [9, 1],
        ]),
      ),
    ).toBe(5);
    expect(
      histogramMedian(
        new Map([
          [1, 1],
          [4, 1],
        ]),
      ),
    ).toBe(1);
    expect(histogramMedian(new Map())).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 60 }), (values) => {
        const histogram = new Map<number, number>();
        for (const value of values) histogram.set(value, (histogram.get(value) ?? 0) + 1);
        const sorted = [...values].sort((a, b) => a - b);
        expect(histogramMedian(histogram)).toBe(sorted[Math.floor((sorted.length - 1) / 2)]);
      }),
    );
  });
});
