import { z } from 'zod';
import { calendarDate as isoDate } from '../platform/http/schemas.js';
import { centsAmountOrZero } from '../platform/money.js';
import { recordTextSchema } from '../cases/contract.js';
import { PLAN_STATUSES } from './core/index.js';

/**
 * The API of payment plans: what can be offered on a case, the plans with their versions and history, approvals,
 * instalment payments and review items.
 */

const cents = z.number().int().min(0);
const kind = z.enum(['pay_in_full', 'instalments', 'settlement']);
const reasonText = z.string().trim().min(3).max(1000);

const termsFields = {
  kind,
  firstDueOn: isoDate,
  /** n equal instalments; without it, instalments repeat the capacity (the largest that fits) and the others are paid at once. */
  months: z.number().int().min(1).max(84).optional(),
  /** A settlement's discount; without it, the mandate's largest. */
  discountCents: centsAmountOrZero.optional(),
  /** The debtor chose it knowing that it exceeds the capacity (then a team leader reviews it). */
  knowinglyAboveCapacity: z.boolean().optional(),
};
export const planTermsSchema = z.strictObject(termsFields);

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
    .object({
      assessmentId: z.string(),
      version: z.number().int(),
      date: z.string(),
      householdCapacityCents: cents,
      capacityCents: cents,
      debtorOpenBalanceCents: cents,
    })
    .nullable(),
  mandate: z.object({
    maxPlanMonths: z.number().int(),
    maxDiscountBp: z.number().int(),
    settlementsAllowed: z.boolean(),
    graceDays: z.number().int(),
  }),
  authority: z.object({ maxPlanMonths: z.number().int(), maxDiscountBp: z.number().int() }),
  orientation: z.boolean(),
  proposals: z.array(
    z.object({
      kind,
      agreedCents: cents,
      discountCents: cents,
      schedule: z.array(instalment),
      approvalReasons: z.array(z.string()),
    }),
  ),
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
      /** The system's reason (a default the version was written with), said in the reader's language. */
      reasonText: recordTextSchema.nullable(),
      /** A person's reason as written (a renegotiation's; null when the system wrote it). */
      reason: z.string().nullable(),
      balanceCents: cents,
      agreedCents: cents,
      discountCents: cents,
      capacityCents: cents,
      /** The budget the plan was drawn from; null for a plan the over-indebtedness commission imposed. */
      assessmentId: z.string().nullable(),
      approvalReasons: z.array(z.string()),
      knowinglyAboveCapacity: z.boolean(),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
      instalments: z.array(
        instalment.extend({ status: z.enum(['due', 'paid', 'late']), paidOn: z.string().nullable() }),
      ),
    }),
  ),
  events: z.array(
    z.object({
      version: z.number().int(),
      fromStatus: status.nullable(),
      toStatus: status,
      /** The system's reason, said in the reader's language (a text of the case file: key and parameters). */
      reasonText: recordTextSchema.nullable(),
      /** A person's reason as written (null when the system wrote it). */
      reason: z.string().nullable(),
      actor: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
  approvals: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      reasons: z.array(z.string()),
      status: z.string(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decisionReason: z.string().nullable(),
    }),
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
  /** What the plan still asks for: the agreed amount, brought down when the balance fell below it. */
  scheduledCents: cents,
  knowinglyAboveCapacity: z.boolean(),
});

export const proposalsQuery = z.strictObject({ firstDueOn: isoDate.optional() });
export const casePlansSchema = z.object({ items: z.array(planSchema), reviews: z.array(reviewSchema) });
export const instalmentParams = z.strictObject({
  id: z.string().uuid(),
  number: z.coerce.number().int().min(1).max(120),
});
export const approvalListSchema = z.object({ items: z.array(approvalItemSchema) });
export const reviewListSchema = z.object({ items: z.array(reviewSchema) });

export type PlanTerms = z.infer<typeof planTermsSchema>;
export type NewPlan = z.infer<typeof createPlanBody>;
export type InstalmentPayment = z.infer<typeof paymentBody>;
export type ProposalsView = z.infer<typeof proposalsSchema>;
export type PlanView = z.infer<typeof planSchema>;
export type PlanVersionView = PlanView['versions'][number];
export type InstalmentView = PlanVersionView['instalments'][number];
export type CasePlans = z.infer<typeof casePlansSchema>;
export type CaseReviewView = z.infer<typeof reviewSchema>;
export type ApprovalItem = z.infer<typeof approvalItemSchema>;
