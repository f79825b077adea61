import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, weekdayOf } from '../../platform/calendar/index.js';
import {
  COUNT_FIELDS,
  figuresOf,
  MIN_REVIEWS,
  periodsBetween,
  rollUp,
  sumCounts,
  zeroCounts,
  type Counts,
  type DayCounts,
} from './agents-teams.js';

const day = (date: string, counts: Partial<Counts>): DayCounts => ({ ...zeroCounts(), ...counts, day: date });

describe('the agents and teams arithmetic, by hand', () => {
  it('adds the days of an ISO week together, the week running Monday to Sunday across a year end', () => {
    // Monday 29 December 2025 to Sunday 4 January 2026 is week 1 of 2026 (it holds the first Thursday of 2026).
    const days = [
      day('2025-12-28', { calls: 1 }), // Sunday: week 52 of 2025
      day('2025-12-29', { calls: 2, collectedCents: 1_000 }),
      day('2026-01-01', { calls: 3, promises: 1 }),
      day('2026-01-04', { calls: 4, collectedCents: 250 }),
      day('2026-01-05', { calls: 5 }), // Monday: week 2
    ];
    const weeks = rollUp(days, '2025-12-22', '2026-01-11', 'week');
    expect(weeks.map((w) => [w.period.key, w.period.first, w.counts.calls, w.counts.collectedCents])).toEqual([
      ['2025-W52', '2025-12-22', 1, 0],
      ['2026-W01', '2025-12-29', 9, 1_250],
      ['2026-W02', '2026-01-05', 5, 0],
    ]);
    expect(weeks[1]!.counts.promises).toBe(1);
  });

  it('lists every day of the period, empty ones as zeros, and leaves out days outside it', () => {
    const days = rollUp(
      [day('2026-03-02', { calls: 2 }), day('2026-03-09', { calls: 7 })],
      '2026-03-01',
      '2026-03-03',
      'day',
    );
    expect(days.map((d) => [d.period.key, d.counts.calls])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 2],
      ['2026-03-03', 0],
    ]);
  });

  it('gives the mean review score half up, the small-sample marker, CSAT and the conversation rate', () => {
    const figures = figuresOf(
      {
        ...zeroCounts(),
        reviews: 3,
        reviewScoreBpSum: 25_000,
        answers: 10,
        satisfied: 7,
        calls: 40,
        conversations: 10,
      },
      5,
    );
    expect(figures.meanScoreBp).toBe(8_333); // 25,000 / 3 = 8,333.3…
    expect(figures.fewReviews).toBe(true); // 3 < MIN_REVIEWS
    expect(figures.csat).toMatchObject({ status: 'rate', answers: 10, satisfied: 7, percent: 70 });
    expect(figures.conversationRateBp).toBe(2_500);
    expect(figuresOf({ ...zeroCounts(), reviews: 2, reviewScoreBpSum: 15_001 }, 5).meanScoreBp).toBe(7_501); // 7,500.5 up
    expect(figuresOf({ ...zeroCounts(), reviews: MIN_REVIEWS, reviewScoreBpSum: 40_000 }, 5).fewReviews).toBe(false);
  });

  it('shows no CSAT under the survey’s minimum, nor a mean or a rate without reviews or calls', () => {
    const figures = figuresOf({ ...zeroCounts(), answers: 4, satisfied: 4 }, 5);
    expect(figures.csat).toEqual({ status: 'too_few', answers: 4, minimum: 5 });
    expect(figures.meanScoreBp).toBeNull();
    expect(figures.conversationRateBp).toBeNull();
  });
});

const isoDay = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2020-01-01', n));
const counts = fc
  .record({
    calls: fc.nat(50),
    conversations: fc.nat(50),
    promises: fc.nat(10),
    plans: fc.nat(5),
    payments: fc.nat(10),
    collectedCents: fc.nat(1_000_000),
    reviews: fc.nat(6),
    answers: fc.nat(10),
  })
  .chain((c) =>
    fc.record({
      reviewScoreBpSum: fc.nat(10_000 * c.reviews),
      satisfied: fc.nat(c.answers),
      ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, fc.constant(v)])),
    }),
  ) as fc.Arbitrary<Counts>;

describe('the agents and teams arithmetic, as properties', () => {
  it('weeks sum their days, and the whole period sums both', () => {
    fc.assert(
      fc.property(
        isoDay,
        fc.nat(120),
        fc.array(fc.tuple(fc.nat(140), counts), { maxLength: 30 }),
        (from, length, raw) => {
          const to = addDays(from, length);
          const days = raw.map(([offset, c]) => ({ ...c, day: addDays(from, offset) }));
          const byDay = rollUp(days, from, to, 'day');
          // The weeks over whole weeks around the same days.
          const weeks = rollUp(days, from, to, 'week');
          const inside = days.filter((d) => d.day >= from && d.day <= to);
          const total = sumCounts(inside);
          for (const field of COUNT_FIELDS) {
            expect(sumCounts(byDay.map((d) => d.counts))[field]).toBe(total[field]);
            expect(sumCounts(weeks.map((w) => w.counts))[field]).toBe(total[field]);
          }
          // Each week is the sum of its days.
          for (const week of weeks) {
            const ofWeek = byDay.filter(
              (d) => d.period.key >= week.period.first && d.period.key <= addDays(week.period.first, 6),
            );
            expect(sumCounts(ofWeek.map((d) => d.counts)).calls).toBe(week.counts.calls);
          }
        },
      ),
    );
  });

  it('weeks start on a Monday, follow each other by seven days, and cover the period once', () => {
    fc.assert(
      fc.property(isoDay, fc.nat(400), (from, length) => {
        const to = addDays(from, length);
        const weeks = periodsBetween(from, to, 'week');
        weeks.forEach((week, i) => {
          expect(weekdayOf(week.first)).toBe(1);
          if (i > 0) expect(daysBetween(weeks[i - 1]!.first, week.first)).toBe(7);
        });
        expect(weeks[0]!.first <= from && addDays(weeks.at(-1)!.first, 6) >= to).toBe(true);
        expect(periodsBetween(from, to, 'day')).toHaveLength(length + 1);
      }),
    );
  });

  it('keeps the rates within 0–100 % and the mean score within the scores, and hides a CSAT under the minimum', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 30 }), (c, minimum) => {
        const figures = figuresOf(c, minimum);
        if (figures.conversationRateBp !== null)
          expect(figures.conversationRateBp >= 0 && figures.conversationRateBp <= 10_000).toBe(true);
        if (figures.meanScoreBp !== null) expect(figures.meanScoreBp >= 0 && figures.meanScoreBp <= 10_000).toBe(true);
        expect(figures.fewReviews).toBe(c.reviews < MIN_REVIEWS);
        expect(figures.csat.status).toBe(c.answers >= minimum ? 'rate' : 'too_few');
        if (figures.csat.status === 'rate') expect(figures.csat.percent >= 0 && figures.csat.percent <= 100).toBe(true);
      }),
    );
  });
});
