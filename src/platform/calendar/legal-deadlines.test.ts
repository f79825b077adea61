import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import { isBusinessDay } from './business-days.js';
import { countDeadline, legalRuleOn, type LegalDeadlineRule } from './legal-deadlines.js';

const rule = (over: Partial<LegalDeadlineRule<'d'>>): LegalDeadlineRule<'d'> => ({
  deadline: 'd',
  amount: 15,
  unit: 'days',
  movesToWorkingDay: true,
  tag: 'law',
  source: 'test',
  validFrom: '2016-07-01',
  ...over,
});
const day = fc.integer({ min: 0, max: 365 * 15 }).map((offset) => addDays('2015-01-01', offset));

describe('deadlines counted with dated rules', () => {
  it('counts 15 days from Thursday 23 April 2026 to Friday 8 May, a holiday, moved to Monday 11 May (CPC 642)', () => {
    const counted = countDeadline({ place: { country: 'FR' }, rules: [rule({})] }, 'd', '2026-04-23');
    expect(counted).toMatchObject({ countEndsOn: '2026-05-08', dueOn: '2026-05-11' });
  });

  it('counts with the row in force on the count’s first day: a new row changes no count that started before it', () => {
    // A correction comes after the first row (rows are added from today on, never back-dated before it).
    const laterDay = day.filter((d) => d > '2016-07-01');
    fc.assert(
      fc.property(day, laterDay, fc.integer({ min: 1, max: 60 }), (from, newFrom, amount) => {
        const old = rule({});
        const corrected = rule({ amount, validFrom: newFrom });
        const before = countDeadline({ place: { country: 'FR' }, rules: [old] }, 'd', from);
        const after = countDeadline({ place: { country: 'FR' }, rules: [old, corrected] }, 'd', from);
        if (from < newFrom && from >= old.validFrom) expect(after).toEqual(before);
        else if (from >= newFrom) expect(after.rule).toBe(corrected);
      }),
    );
  });

  it('never leaves a moving deadline on a closed day, and never before the count ends', () => {
    fc.assert(
      fc.property(
        day,
        fc.constantFrom('FR', 'IT'),
        fc.constantFrom<'days' | 'months'>('days', 'months'),
        (from, country, unit) => {
          const counted = countDeadline({ place: { country }, rules: [rule({ unit, amount: 2 })] }, 'd', from);
          expect(isBusinessDay(counted.dueOn, { country })).toBe(true);
          expect(counted.dueOn >= counted.countEndsOn).toBe(true);
        },
      ),
    );
  });

  it('uses the earliest row for a count older than every row, and says when a deadline has none', () => {
    expect(legalRuleOn([rule({ validFrom: '2020-01-01', amount: 9 })], 'd', '2019-01-01').amount).toBe(9);
    expect(() => legalRuleOn([], 'd', '2020-01-01')).toThrow(/No reference data for the deadline d/);
  });
});
