import { z } from 'zod';
import { calendarDate as isoDate } from '../platform/http/schemas.js';
import { PLAN_STATUSES } from './core/index.js';
import { centsAmountOrZero } from '../platform/money.js';

const cents = z.number().int().min(0);
const kind = z.enum(['pay_in_full', 'instalments', 'settlement']);
const reasonText = z.string().trim().min(3).max(1000);

const termsFields = {
  kind,
  firstDueOn: isoDate,
  months: z.number().int().min(1).max(84).optional(),
  discountCents: centsAmountOrZero.optional(),
  knowinglyAboveCapacity: z.boolean().optional(),
};

export const createPlanBody = z.strictObject({ ...termsFields, note: z.string().trim().max(1000).optional() });
export const renegotiateBody = z.strictObject({ ...termsFields, reason: reasonText });
export const reasonBody = z.strictObject({ reason: reasonText });
export const decisionBody = z.strictObject({ decision: z.enum(['accept', 'refuse']), reason: reasonText });
export const paymentBody = z.strictObject({ paidOn: isoDate, reference: z.string().trim().min(1).max(200) });
export const orientationBody = z.strictObject({ note: z.string().trim().max(1000).optional() });
export const closeReviewBody = z.strictObject({ outcome: reasonText });

const instalment = z.object({ number: z.number().int(), dueOn: z.string(), amountCents: cents });
const status = z.enum(PLAN_STATUSES);

export const proposalsSchema = z.object({
  caseId: z.string(),
  balanceCents: cents,
  firstDueOn: z.string(),
  capacity: z
    .object({ assessmentId: z.string(), version: z.number().int(), date: z.string(), householdCapacityCents: cents, capacityCents: cents, debtorOpenBalanceCents: cents })
    .nullable(),
  mandate: z.object({ maxPlanMonths: z.number().int(), maxDiscountBp: z.number().int(), settlementsAllowed: z.boolean(), graceDays: z.number().int() }),
  authority: z.object({ maxPlanMonths: z.number().int(), maxDiscountBp: z.number().int() }),
  orientation: z.boolean(),
  proposals: z.array(z.object({ kind, agreedCents: cents, discountCents: cents, schedule: z.array(instalment), approvalReasons: z.array(z.string()) })),
  notProposed: z.array(z.object({ kind, reasons: z.array(z.string()) })),
});

export const planSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  debtorId: z.string(),
  status,
  currentVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      kind,
      reason: z.string(),
      balanceCents: cents,
      agreedCents: cents,
      discountCents: cents,
      capacityCents: cents,
      assessmentId: z.string(),
      approvalReasons: z.array(z.string()),
      knowinglyAboveCapacity: z.boolean(),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
      instalments: z.array(instalment.extend({ status: z.enum(['due', 'paid', 'late']), paidOn: z.string().nullable() })),
    }),
  ),
  events: z.array(z.object({ version: z.number().int(), fromStatus: status.nullable(), toStatus: status, reason: z.string(), actor: z.string().nullable(), occurredAt: z.string() })),
  approvals: z.array(
    z.object({ id: z.string(), version: z.number().int(), reasons: z.array(z.string()), status: z.string(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), decisionReason: z.string().nullable() }),
  ),
});

export const reviewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorName: z.string(),
  planId: z.string().nullable(),
  kind: z.enum(['orientation', 'broken_plan']),
  reasons: z.array(z.string()),
  status: z.enum(['open', 'closed']),
  openedBy: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
});

export const approvalItemSchema = z.object({
  id: z.string(),
  planId: z.string(),
  version: z.number().int(),
  reasons: z.array(z.string()),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorName: z.string(),
  kind: z.string(),
  agreedCents: cents,
  discountCents: cents,
  balanceCents: cents,
  capacityCents: cents,
  instalments: z.number().int(),
  largestInstalmentCents: cents,
  knowinglyAboveCapacity: z.boolean(),
});
