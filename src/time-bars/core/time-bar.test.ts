import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, isoDateOf } from '../../platform/calendar/index.js';
import {
  claimKindOf,
  computeTimeBar,
  INTERRUPTION_KINDS,
  ruleInForce,
  type Interruption,
  type TimeBarInput,
  type TimeBarRule,
} from './time-bar.js';

/** The shipped rows of migration 0034. */
const RULES: TimeBarRule[] = [
  {
    country: 'FR',
    claimKind: 'consumer_goods_services',
    years: 2,
    source: 'C. conso L218-2',
    tag: 'law',
    validFrom: '2008-06-19',
  },
  {
    country: 'FR',
    claimKind: 'consumer_credit',
    years: 2,
    source: 'C. conso R312-35',
    tag: 'law',
    validFrom: '2008-06-19',
  },
  { country: 'FR', claimKind: 'general', years: 5, source: 'C. civ. 2224', tag: 'law', validFrom: '2008-06-19' },
  { country: 'FR', claimKind: 'judgment', years: 10, source: 'CPCE L111-4', tag: 'law', validFrom: '2008-06-19' },
  { country: 'IT', claimKind: 'general', years: 10, source: 'c.c. 2946', tag: 'check', validFrom: '1942-04-21' },
  { country: 'IT', claimKind: 'periodic', years: 5, source: 'c.c. 2948', tag: 'check', validFrom: '1942-04-21' },
  { country: 'IT', claimKind: 'judgment', years: 10, source: 'c.c. 2953', tag: 'check', validFrom: '1942-04-21' },
];

const base = (over: Partial<TimeBarInput> = {}): TimeBarInput => ({
  country: 'FR',
  claimKind: 'consumer_credit',
  startOn: '2024-03-15',
  interruptions: [],
  rules: RULES,
  today: '2025-01-01',
  reviewLeadDays: 90,
  ...over,
});

const day = fc.integer({ min: 12_000, max: 22_000 }).map((n) => isoDateOf(n));
const interruption: fc.Arbitrary<Interruption> = fc.record({ kind: fc.constantFrom(...INTERRUPTION_KINDS), on: day });
const input: fc.Arbitrary<TimeBarInput> = fc
  .record({
    country: fc.constantFrom('FR' as const, 'IT' as const),
    startOn: day,
    today: day,
    interruptions: fc.array(interruption, { maxLength: 6 }),
    reviewLeadDays: fc.integer({ min: 0, max: 400 }),
  })
  .chain((partial) =>
    fc
      .constantFrom(
        ...(partial.country === 'FR'
          ? (['consumer_goods_services', 'consumer_credit', 'general', 'judgment'] as const)
          : (['general', 'periodic', 'judgment'] as const)),
      )
      .map((claimKind) => ({ ...partial, claimKind, rules: RULES })),
  );

describe('computeTimeBar', () => {
  it('consumer credit in France: two years from the first unpaid instalment, the anniversary is the last day', () => {
    const bar = computeTimeBar(base());
    expect(bar.rule.source).toBe('C. conso R312-35');
    expect(bar.lastDay).toBe('2026-03-15');
    expect(bar.barredFrom).toBe('2026-03-16');
    expect(bar.status).toBe('running');
  });

  it('an acknowledgement before the bar starts a new period; one after it revives nothing', () => {
    const bar = computeTimeBar(
      base({
        interruptions: [
          { kind: 'acknowledgement', on: '2025-02-01' },
          { kind: 'payment', on: '2027-06-01' },
        ],
        today: '2027-07-01',
      }),
    );
    expect(bar.lastDay).toBe('2027-02-01');
    expect(bar.interruptions.map((i) => i.effect)).toEqual(['counted', 'after_bar']);
    expect(bar.status).toBe('time_barred');
  });

  it('a judgment starts the ten-year enforcement period', () => {
    const bar = computeTimeBar(base({ interruptions: [{ kind: 'judgment', on: '2025-05-10' }] }));
    expect(bar.rule.claimKind).toBe('judgment');
    expect(bar.lastDay).toBe('2035-05-10');
  });

  it('Italy: ten years, periodic sums five', () => {
    expect(computeTimeBar(base({ country: 'IT', claimKind: 'general' })).lastDay).toBe('2034-03-15');
    expect(computeTimeBar(base({ country: 'IT', claimKind: 'periodic' })).lastDay).toBe('2029-03-15');
  });

  it('approaching within the lead time, time-barred the day after the last day', () => {
    expect(computeTimeBar(base({ today: '2026-01-01' })).status).toBe('approaching');
    expect(computeTimeBar(base({ today: '2026-03-15' })).status).toBe('approaching');
    expect(computeTimeBar(base({ today: '2026-03-16' })).status).toBe('time_barred');
  });

  it('a figure corrected later applies to claims that start from its date', () => {
    const corrected: TimeBarRule = { ...RULES[4]!, years: 8, validFrom: '2030-01-01' };
    expect(ruleInForce([...RULES, corrected], 'IT', 'general', '2029-12-31').years).toBe(10);
    expect(ruleInForce([...RULES, corrected], 'IT', 'general', '2030-01-01').years).toBe(8);
    expect(ruleInForce(RULES, 'FR', 'general', '1999-01-01').years).toBe(5);
  });

  it('property: an interruption never shortens the bar', () => {
    fc.assert(
      fc.property(input, interruption, (claim, extra) => {
        const without = computeTimeBar(claim);
        const withIt = computeTimeBar({ ...claim, interruptions: [...claim.interruptions, extra] });
        expect(compareDates(withIt.lastDay, without.lastDay)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('property: the bar is never before the start plus the rule, and the order of interruptions does not matter', () => {
    fc.assert(
      fc.property(input, (claim) => {
        const bar = computeTimeBar(claim);
        const plain = computeTimeBar({ ...claim, interruptions: [] });
        expect(compareDates(bar.lastDay, plain.lastDay)).toBeGreaterThanOrEqual(0);
        expect(computeTimeBar({ ...claim, interruptions: [...claim.interruptions].reverse() }).lastDay).toBe(
          bar.lastDay,
        );
        expect(bar.barredFrom).toBe(addDays(bar.lastDay, 1));
        expect(bar.status === 'time_barred').toBe(compareDates(claim.today, bar.lastDay) > 0);
        for (const counted of bar.interruptions.filter((i) => i.effect === 'counted'))
          expect(compareDates(counted.on, bar.lastDay)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('claimKindOf', () => {
  it('reads the contract type, the country and whether the debtor is a consumer', () => {
    expect(claimKindOf('consumer_credit', 'FR', true)).toBe('consumer_credit');
    expect(claimKindOf('overdraft', 'FR', true)).toBe('consumer_credit');
    expect(claimKindOf('telecom', 'FR', true)).toBe('consumer_goods_services');
    expect(claimKindOf('telecom', 'FR', false)).toBe('general');
    expect(claimKindOf('rent', 'FR', true)).toBe('general');
    expect(claimKindOf('energy', 'IT', true)).toBe('periodic');
    expect(claimKindOf('other', 'IT', true)).toBe('general');
  });
});
