import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isBusinessDay } from '../../platform/calendar/index.js';
import { addMonths, proposePlans, review, scheduleByAmount, scheduleByMonths, type ProposalContext } from './index.js';

const PARIS = { country: 'FR', region: '75' };
const MOSELLE = { country: 'FR', region: '57' };
const ROME = { country: 'IT', region: 'RM' };
const sum = (xs: { amountCents: number }[]) => xs.reduce((a, x) => a + x.amountCents, 0);
const CTX: ProposalContext = {
  balanceCents: 250_000,
  capacityCents: 20_000,
  mandate: { maxPlanMonths: 24, maxDiscountBp: 2000, settlementsAllowed: true },
  authority: { maxPlanMonths: 12, maxDiscountBp: 1000 },
  firstDueOn: '2026-01-30',
  place: PARIS,
};

describe('schedules', () => {
  it('repeats the largest instalment that fits and puts the remainder last', () => {
    const s = scheduleByAmount(250_000, 20_000, '2026-01-31', PARIS);
    expect(s).toHaveLength(13);
    expect(s.slice(0, 12).every((i) => i.amountCents === 20_000)).toBe(true);
    // 31 January 2027 is a Sunday: that instalment is due on Monday 1 February.
    expect(s[12]).toEqual({ number: 13, dueOn: '2027-02-01', amountCents: 10_000 });
    expect(s.map((i) => i.dueOn).slice(0, 3)).toEqual(['2026-02-02', '2026-03-02', '2026-03-31']);
  });

  it('n equal instalments, the last absorbing the rounding', () => {
    expect(scheduleByMonths(100_000, 3, '2026-05-15', PARIS).map((i) => i.amountCents)).toEqual([
      33_333, 33_333, 33_334,
    ]);
  });

  it('refuses a schedule without bound', () => {
    expect(() => scheduleByAmount(100_000, 1, '2026-01-01', PARIS)).toThrow(RangeError);
    expect(() => scheduleByMonths(100_000, 121, '2026-01-01', PARIS)).toThrow(RangeError);
  });

  it('keeps the day of the month, clamped to the month end, without drifting', () => {
    expect([1, 2, 12, 13].map((m) => addMonths('2027-01-31', m))).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2028-01-31',
      '2028-02-29',
    ]);
  });

  it('always sums to the agreed amount, with positive instalments and rising due dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 84 }),
        (total, count, months) => {
          const monthly = Math.ceil(total / count);
          const byAmount = scheduleByAmount(total, monthly, '2026-08-31', PARIS);
          expect(sum(byAmount)).toBe(total);
          expect(byAmount.every((i) => i.amountCents > 0 && i.amountCents <= monthly)).toBe(true);
          expect(byAmount.slice(0, -1).every((i) => i.amountCents === monthly)).toBe(true);
          if (months <= total) {
            const byMonths = scheduleByMonths(total, months, '2026-08-31', PARIS);
            expect(sum(byMonths)).toBe(total);
            expect(byMonths).toHaveLength(months);
            const each = byMonths[0]!.amountCents;
            expect(byMonths.slice(0, -1).every((i) => i.amountCents === each)).toBe(true);
            expect(byMonths.at(-1)!.amountCents - each).toBeGreaterThanOrEqual(0);
            expect(byMonths.at(-1)!.amountCents - each).toBeLessThan(months);
            expect(byMonths.every((i, k) => k === 0 || i.dueOn > byMonths[k - 1]!.dueOn)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('due dates on open days', () => {
  it('a due date that falls on a closed day moves to the next business day, without drifting the next ones', () => {
    // 1 January 2027 is a Friday and a public holiday: the instalment is due on Monday 4 January.
    expect(scheduleByMonths(120_000, 3, '2026-12-01', PARIS).map((i) => i.dueOn)).toEqual([
      '2026-12-01',
      '2027-01-04',
      '2027-02-01',
    ]);
    // Saturday 31 January 2026 moves to Monday 2 February; 28 February 2026 is a Saturday too.
    expect(scheduleByAmount(60_000, 20_000, '2026-01-31', PARIS).map((i) => i.dueOn)).toEqual([
      '2026-02-02',
      '2026-03-02',
      '2026-03-31',
    ]);
    // Good Friday is closed in Moselle (then a weekend and Easter Monday), not in Paris.
    expect(scheduleByMonths(10_000, 1, '2026-04-03', MOSELLE)[0]!.dueOn).toBe('2026-04-07');
    expect(scheduleByMonths(10_000, 1, '2026-04-03', PARIS)[0]!.dueOn).toBe('2026-04-03');
  });

  it('every due date is a business day of the place, within a few days of its month day, and they rise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2030-12-31') }),
        fc.integer({ min: 1, max: 36 }),
        fc.constantFrom(PARIS, MOSELLE, ROME),
        (ms, months, place) => {
          const first = new Date(ms).toISOString().slice(0, 10);
          const schedule = scheduleByMonths(1_000_000, months, first, place);
          schedule.forEach((i, k) => {
            expect(isBusinessDay(i.dueOn, place)).toBe(true);
            const nominal = addMonths(first, k);
            expect(i.dueOn >= nominal).toBe(true);
            expect(addDays(nominal, 5) >= i.dueOn).toBe(true);
            if (k > 0) expect(i.dueOn > schedule[k - 1]!.dueOn).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('proposals start on a business day', () => {
    const { proposals } = proposePlans({ ...CTX, firstDueOn: '2027-01-01' });
    expect(proposals.every((p) => p.schedule[0]!.dueOn === '2027-01-04')).toBe(true);
  });
});

describe('proposals', () => {
  it('pay in full, instalments at the capacity, a settlement within the mandate, each with its approvals', () => {
    const { proposals, orientation } = proposePlans(CTX);
    expect(orientation).toBe(false);
    const byKind = Object.fromEntries(proposals.map((p) => [p.kind, p]));
    expect(byKind.pay_in_full).toMatchObject({ agreedCents: 250_000, approvalReasons: ['above_capacity'] });
    expect(byKind.instalments!.schedule).toHaveLength(13);
    expect(byKind.instalments!.approvalReasons).toEqual(['beyond_agent_months']);
    expect(byKind.settlement).toMatchObject({
      agreedCents: 200_000,
      discountCents: 50_000,
      approvalReasons: ['above_capacity', 'beyond_agent_discount'],
    });
  });

  it('no plan is pushed at capacity zero, nor when it would take more than 84 months', () => {
    const zero = proposePlans({ ...CTX, capacityCents: 0 });
    expect(zero.orientation).toBe(true);
    expect(zero.proposals.map((p) => p.kind)).not.toContain('instalments');
    const long = proposePlans({ ...CTX, capacityCents: 2_900, mandate: { ...CTX.mandate, maxPlanMonths: 84 } });
    expect(long.orientation).toBe(true);
    expect(long.notProposed).toContainEqual({ kind: 'instalments', reasons: ['beyond_84_months'] });
  });

  it('never proposes beyond the mandate: a plan longer than the mandate allows is not offered', () => {
    const result = proposePlans({ ...CTX, capacityCents: 10_000 });
    expect(result.proposals.map((p) => p.kind)).not.toContain('instalments');
    expect(result.notProposed).toContainEqual({ kind: 'instalments', reasons: ['beyond_mandate_months'] });
  });

  it('properties: no proposal exceeds the mandate, and none exceeds the capacity or the authority without approval', () => {
    const ctx = fc.record({
      balanceCents: fc.integer({ min: 1, max: 50_000_000 }),
      capacityCents: fc.integer({ min: 0, max: 2_000_000 }),
      mandate: fc.record({
        maxPlanMonths: fc.integer({ min: 1, max: 84 }),
        maxDiscountBp: fc.integer({ min: 0, max: 10_000 }),
        settlementsAllowed: fc.boolean(),
      }),
      authority: fc.record({
        maxPlanMonths: fc.integer({ min: 1, max: 84 }),
        maxDiscountBp: fc.integer({ min: 0, max: 10_000 }),
      }),
      firstDueOn: fc.constantFrom('2026-01-31', '2026-02-28', '2026-06-15'),
      place: fc.constant(PARIS),
    });
    fc.assert(
      fc.property(ctx, (c) => {
        const { proposals, orientation } = proposePlans(c);
        for (const p of proposals) {
          expect(sum(p.schedule)).toBe(p.agreedCents);
          expect(p.agreedCents + p.discountCents).toBe(c.balanceCents);
          expect(p.schedule.length).toBeLessThanOrEqual(Math.min(c.mandate.maxPlanMonths, 84));
          expect(p.discountCents * 10_000).toBeLessThanOrEqual(c.balanceCents * c.mandate.maxDiscountBp);
          if (p.discountCents > 0) expect(c.mandate.settlementsAllowed).toBe(true);
          const aboveCapacity = p.schedule.some((i) => i.amountCents > c.capacityCents);
          expect(p.approvalReasons.includes('above_capacity')).toBe(aboveCapacity);
          expect(p.approvalReasons.includes('beyond_agent_months')).toBe(p.schedule.length > c.authority.maxPlanMonths);
          expect(p.approvalReasons.includes('beyond_agent_discount')).toBe(
            p.discountCents * 10_000 > c.balanceCents * c.authority.maxDiscountBp,
          );
        }
        if (orientation) expect(proposals.some((p) => p.kind === 'instalments')).toBe(false);
        expect(orientation).toBe(c.capacityCents === 0 || Math.ceil(c.balanceCents / c.capacityCents) > 84);
      }),
      { numRuns: 1000 },
    );
  });

  it('reviews an agent’s own plan: refused beyond the mandate, approval beyond the authority', () => {
    const plan = (months: number) => ({
      agreedCents: 250_000,
      discountCents: 0,
      schedule: scheduleByMonths(250_000, months, '2026-03-01', PARIS),
    });
    expect(review(plan(12), CTX)).toEqual({ refused: [], approvalReasons: ['above_capacity'] });
    expect(review(plan(18), CTX)).toEqual({ refused: [], approvalReasons: ['beyond_agent_months'] });
    expect(review(plan(30), CTX).refused).toEqual(['beyond_mandate_months']);
    expect(review(plan(85), { ...CTX, mandate: { ...CTX.mandate, maxPlanMonths: 120 } }).refused).toEqual([
      'beyond_84_months',
      'beyond_mandate_months',
    ]);
  });
});
