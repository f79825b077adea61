import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  followUp,
  nextStatus,
  PLAN_STATUSES,
  scheduleByMonths,
  TERMINAL_STATUSES,
  type InstalmentState,
  type PlanEvent,
  type PlanStatus,
} from './index.js';

const PARIS = { country: 'FR', region: '75' };

const event: fc.Arbitrary<PlanEvent> = fc.oneof(
  fc.record({ type: fc.constant('submit' as const), needsApproval: fc.boolean() }),
  fc.constantFrom<PlanEvent>(
    { type: 'approve' },
    { type: 'refuse' },
    { type: 'start' },
    { type: 'break' },
    { type: 'renegotiate' },
    { type: 'cancel' },
  ),
  fc.record({ type: fc.constant('pay' as const), allPaid: fc.boolean() }),
);

describe('plan lifecycle', () => {
  it('follows the documented path', () => {
    const path: [PlanEvent, PlanStatus][] = [
      [{ type: 'submit', needsApproval: true }, 'pending_approval'],
      [{ type: 'approve' }, 'agreed'],
      [{ type: 'start' }, 'active'],
      [{ type: 'break' }, 'broken'],
      [{ type: 'renegotiate' }, 'proposed'],
      [{ type: 'submit', needsApproval: false }, 'agreed'],
      [{ type: 'pay', allPaid: false }, 'active'],
      [{ type: 'pay', allPaid: true }, 'completed'],
    ];
    let status: PlanStatus = 'proposed';
    for (const [e, expected] of path) {
      status = nextStatus(status, e)!;
      expect(status).toBe(expected);
    }
    expect(nextStatus('pending_approval', { type: 'refuse' })).toBe('refused');
    expect(nextStatus('broken', { type: 'pay', allPaid: false })).toBe('broken');
  });

  it('properties: terminal states stay terminal; approval is the only way past pending; completion only by payment', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let status: PlanStatus = 'proposed';
        for (const e of events) {
          const next = nextStatus(status, e);
          if (TERMINAL_STATUSES.includes(status)) expect(next).toBeNull();
          if (next === null) continue;
          expect(PLAN_STATUSES).toContain(next);
          if (status === 'pending_approval' && next !== 'cancelled' && next !== 'proposed')
            expect(['approve', 'refuse']).toContain(e.type);
          if (next === 'completed') expect(e).toEqual({ type: 'pay', allPaid: true });
          if (next === 'agreed') expect(e.type === 'approve' || (e.type === 'submit' && !e.needsApproval)).toBe(true);
          if (next === 'broken' && status !== 'broken') expect(status).toBe('active');
          status = next;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('instalment follow-up', () => {
  const states = (statuses: InstalmentState['status'][]) =>
    scheduleByMonths(30_000, statuses.length, '2026-01-27', PARIS).map((i, k) => ({ ...i, status: statuses[k]! }));

  it('late the day after the due date, broken after the grace period', () => {
    const schedule = states(['paid', 'due', 'due']); // due 2026-01-27, 2026-02-27, 2026-03-27 (open days)
    expect(followUp(schedule, '2026-02-27', 10)).toEqual({ late: [], broken: false, brokenBy: null });
    expect(followUp(schedule, '2026-02-28', 10)).toEqual({ late: [2], broken: false, brokenBy: null });
    expect(followUp(schedule, '2026-03-09', 10)).toEqual({ late: [2], broken: false, brokenBy: null });
    expect(followUp(schedule, '2026-03-10', 10)).toEqual({ late: [2], broken: true, brokenBy: 2 });
    expect(followUp(states(['paid', 'paid', 'paid']), '2030-01-01', 0).broken).toBe(false);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('properties: only past unpaid instalments turn late; broken means one is unpaid beyond the grace; applying it twice changes nothing more', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((d) => addDays('2026-01-01', d));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<InstalmentState['status']>('due', 'paid', 'late'), { minLength: 1, maxLength: 24 }),
        day,
        fc.integer({ min: 0, max: 60 }),
        (statuses, today, grace) => {
          const schedule = states(statuses);
          const result = followUp(schedule, today, grace);
          for (const n of result.late)
            expect(schedule[n - 1]!.status === 'due' && schedule[n - 1]!.dueOn < today).toBe(true);
          expect(result.broken).toBe(schedule.some((i) => i.status !== 'paid' && addDays(i.dueOn, grace) < today));
          const after = schedule.map((i) => (result.late.includes(i.number) ? { ...i, status: 'late' as const } : i));
          expect(followUp(after, today, grace)).toEqual({ ...result, late: [] });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
