import { z } from 'zod';
import { capacityResultSchema } from '../../affordability/contract.js';
import { EXPENSE_CATEGORIES, RESOURCE_TYPES } from '../../affordability/core/index.js';
import { calendarDate } from '../../platform/http/schemas.js';
import { PLAN_STATUSES } from '../../plans/core/index.js';
import { PLAN_CONSENT_VERSION } from '../core/plan-choice.js';

/**
 * The portal's budget and plans (docs/portal.md, "A budget and a plan"): the person's budget as they declare it,
 * computed as the agent's is, the plans the agency proposes within it, the one they sign, its schedule.
 */

/** A monthly amount in cents, as the agents' budget takes it (at most 10 million euros). */
const monthlyCents = z.number().int().min(0).max(1_000_000_000);

/** A budget as the person declares it: their household, monthly income and charges (amounts they give: "actual"). */
export const portalBudgetBody = z.strictObject({
  household: z.strictObject({
    adults: z.number().int().min(1).max(20),
    children: z.number().int().min(0).max(30),
    dependants: z.number().int().min(0).max(50),
  }),
  resources: z.array(z.strictObject({ type: z.enum(RESOURCE_TYPES), amountCents: monthlyCents })).max(50),
  expenses: z.array(z.strictObject({ category: z.enum(EXPENSE_CATEGORIES), amountCents: monthlyCents })).max(50),
});
export type PortalBudgetInput = z.infer<typeof portalBudgetBody>;

/** The budget on file: its date, who gave it, and its capacity with the agent's explanation, step by step. */
export const portalBudgetSchema = z.object({
  version: z.number().int(),
  date: z.string(),
  source: z.enum(['agent', 'portal']),
  result: capacityResultSchema,
});

const instalment = z.object({ number: z.number().int(), dueOn: z.string(), amountCents: z.number().int() });
const kind = z.enum(['pay_in_full', 'instalments', 'settlement']);

export const portalProposalSchema = z.object({
  kind,
  count: z.number().int(),
  amountCents: z.number().int(),
  lastAmountCents: z.number().int().nullable(),
  firstDueOn: z.string(),
  lastDueOn: z.string(),
  totalCents: z.number().int(),
  waivedCents: z.number().int(),
  needsApproval: z.boolean(),
  schedule: z.array(instalment),
});

export const portalCurrentPlanSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(PLAN_STATUSES),
  kind,
  totalCents: z.number().int(),
  waivedCents: z.number().int(),
  instalments: z.array(instalment.extend({ status: z.enum(['due', 'paid', 'late']) })),
  next: instalment.extend({ status: z.enum(['due', 'paid', 'late']) }).nullable(),
  /** The schedule document exists once the plan is agreed. */
  scheduleAvailable: z.boolean(),
});

export const portalPlansSchema = z.object({
  balanceCents: z.number().int(),
  budget: portalBudgetSchema.nullable(),
  /** This file's share of the household's capacity (several files share it, in proportion to what each owes). */
  capacityCents: z.number().int().nullable(),
  /** Why no plan can be chosen here now (null: the proposals below may be chosen). */
  refusal: z.enum(['case_closed', 'on_hold', 'nothing_owed', 'plan_exists', 'budget_required']).nullable(),
  /** No plan within the law's 84 months, or no capacity: free help is suggested. */
  orientation: z.boolean(),
  proposals: z.array(portalProposalSchema),
  consentVersion: z.literal(PLAN_CONSENT_VERSION),
  current: portalCurrentPlanSchema.nullable(),
});

/** The plan the person signs: the one shown (its kind, first date, count and total), with their explicit consent. */
export const signPlanBody = z.strictObject({
  kind,
  firstDueOn: calendarDate,
  count: z.number().int().min(1).max(84),
  totalCents: z.number().int().min(1).max(1e12),
  consent: z.literal(true),
  consentVersion: z.literal(PLAN_CONSENT_VERSION),
});

export const planSignedSchema = z.object({
  planId: z.string().uuid(),
  status: portalCurrentPlanSchema.shape.status,
  /** Beyond what an adviser may agree alone: the agency approves it first. */
  awaitingApproval: z.boolean(),
  signedAt: z.string().datetime(),
});

export type PortalBudget = z.infer<typeof portalBudgetSchema>;
export type PortalProposal = z.infer<typeof portalProposalSchema>;
export type PortalCurrentPlan = z.infer<typeof portalCurrentPlanSchema>;
export type PortalPlans = z.infer<typeof portalPlansSchema>;
export type SignPlanInput = z.infer<typeof signPlanBody>;
export type PlanSigned = z.infer<typeof planSignedSchema>;
export { EXPENSE_CATEGORIES, RESOURCE_TYPES };
