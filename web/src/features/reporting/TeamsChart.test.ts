import { describe, expect, it } from 'vitest';
import { weekTicks } from './TeamsChart.js';

const weeks = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const monday = new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10);
    return { key: `2026-W${String(37 + i).padStart(2, '0')}`, first: monday };
  });

describe('the teams chart by week', () => {
  it("puts one tick on each week's Monday, named by its number", () => {
    const axis = weekTicks({ granularity: 'week', periods: weeks(4) }, (week) => `S${week}`);
    expect(axis.ticks!.map((date) => date.toISOString().slice(0, 10))).toEqual([
      '2026-09-07',
      '2026-09-14',
      '2026-09-21',
      '2026-09-28',
    ]);
    expect(axis.ticks!.map(axis.tickFormat!)).toEqual(['S37', 'S38', 'S39', 'S40']);
  });

  it('takes every second week past thirteen, and leaves the days to the scale', () => {
    const axis = weekTicks({ granularity: 'week', periods: weeks(20) }, (week) => `W${week}`);
    expect(axis.ticks!.map(axis.tickFormat!)).toEqual([
      'W37',
      'W39',
      'W41',
      'W43',
      'W45',
      'W47',
      'W49',
      'W51',
      'W53',
      'W55',
    ]);
    expect(weekTicks({ granularity: 'day', periods: weeks(4) }, String)).toEqual({});
  });
});
