import { addDays } from '../../platform/calendar/dates.js';
import type { Instalment } from './schedule.js';

/**
 * The life of a plan and of its instalments (pure; `today` is a parameter, never the clock).
 *
 * proposed ─submit─► pending_approval ─approve─► agreed ─start / pay─► active ─pay (last)─► completed
 *    │ (no approval needed) ───────────────────────►│                     │ ─break─► broken
 *    └─ every live state ─cancel─► cancelled;  pending_approval ─refuse─► refused;
 *       agreed, active, broken, pending_approval ─renegotiate─► proposed (a new version)
 */
export const PLAN_STATUSES = [
  'proposed',
  'pending_approval',
  'agreed',
  'active',
  'completed',
  'broken',
  'cancelled',
  'refused',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const TERMINAL_STATUSES: readonly PlanStatus[] = ['completed', 'cancelled', 'refused'];

export type PlanEvent =
  | { type: 'submit'; needsApproval: boolean }
  | { type: 'approve' }
  | { type: 'refuse' }
  | { type: 'start' }
  | { type: 'pay'; allPaid: boolean }
  /** A payment that had paid an instalment was reversed: the instalment owes again. */
  | { type: 'unpay' }
  | { type: 'break' }
  | { type: 'renegotiate' }
  | { type: 'cancel' };

/** The status after an event, or null when the event is not allowed in that status. */
export function nextStatus(from: PlanStatus, event: PlanEvent): PlanStatus | null {
  switch (event.type) {
    case 'submit':
      return from === 'proposed' ? (event.needsApproval ? 'pending_approval' : 'agreed') : null;
    case 'approve':
      return from === 'pending_approval' ? 'agreed' : null;
    case 'refuse':
      return from === 'pending_approval' ? 'refused' : null;
    case 'start':
      return from === 'agreed' ? 'active' : null;
    case 'pay':
      if (from !== 'agreed' && from !== 'active' && from !== 'broken') return null;
      if (event.allPaid) return 'completed';
      // A payment starts an agreed plan; a broken plan stays broken until it is renegotiated.
      return from === 'broken' ? 'broken' : 'active';
    case 'unpay':
      if (from === 'completed') return 'active';
      return from === 'agreed' || from === 'active' || from === 'broken' ? from : null;
    case 'break':
      return from === 'active' ? 'broken' : null;
    case 'renegotiate':
      return from === 'agreed' || from === 'active' || from === 'broken' || from === 'pending_approval'
        ? 'proposed'
        : null;
    case 'cancel':
      return TERMINAL_STATUSES.includes(from) ? null : 'cancelled';
  }
}

export type InstalmentStatus = 'due' | 'paid' | 'late';

export interface InstalmentState extends Instalment {
  status: InstalmentStatus;
}

/** Day arithmetic is the calendar's (re-exported for the plans' callers). */
export { addDays };

export interface FollowUp {
  /** Instalments still due whose due date has passed: they become late. */
  late: number[];
  /** An unpaid instalment is late by more than the grace period: the plan is broken. */
  broken: boolean;
  /** The first such instalment, for the follow-up's reason. */
  brokenBy: number | null;
}

/**
 * Which instalments become late on `today` (the day after their due date) and whether the plan breaks: an
 * instalment still unpaid more than `graceDays` days after its due date (the mandate's grace period).
 */
export function followUp(instalments: readonly InstalmentState[], today: string, graceDays: number): FollowUp {
  const late = instalments.filter((i) => i.status === 'due' && i.dueOn < today).map((i) => i.number);
  const breaking = instalments.find((i) => i.status !== 'paid' && addDays(i.dueOn, graceDays) < today);
  return { late, broken: breaking !== undefined, brokenBy: breaking?.number ?? null };
}
