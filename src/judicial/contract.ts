import { z } from 'zod';
import { calendarDate, pagingQuery } from '../platform/http/schemas.js';
import { ESCALATION_BLOCKS, REVIEW_DECISIONS } from './core/review.js';
import { JUDICIAL_ROUTES } from './core/route.js';

export { ESCALATION_BLOCKS, JUDICIAL_ROUTES, REVIEW_DECISIONS };
export type { EscalationBlock, ReviewDecision } from './core/review.js';
export type { JudicialRoute } from './core/route.js';

/** The judicial stage, review part (issue 15): the review queue, the review screen's facts, the decision. */

/** The reasons a person closes a case for from a review (returning it to the creditor is its own decision). */
export const REVIEW_CLOSE_REASONS = ['settled', 'recalled', 'time_barred', 'deceased'] as const;

export const REVIEW_PROBLEM_CODES = [
  ...ESCALATION_BLOCKS.map((block) => `judicial.${block}` as const),
  'judicial.route_not_allowed',
  'judicial.route_required',
  'judicial.next_review_invalid',
  'judicial.close_reason_required',
  'judicial.review_decided',
] as const;

export const reviewQueueQuery = z.strictObject({
  creditorId: z.string().uuid().optional(),
  ...pagingQuery,
});

const routeEnum = z.enum(JUDICIAL_ROUTES);
const blockEnum = z.enum(ESCALATION_BLOCKS);

export const reviewQueueItemSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorName: z.string(),
  creditorName: z.string(),
  stage: z.string(),
  dueOn: z.string(),
  amountCents: z.number().int().describe('principal and interest still owed'),
  proposedRoute: routeEnum,
  blocks: z.array(blockEnum).describe('why the case may not be escalated now; empty when it may'),
});
export const reviewQueueSchema = z.object({ items: z.array(reviewQueueItemSchema), total: z.number().int() });

export const queueRefreshSchema = z.object({
  added: z.number().int(),
  moved: z.number().int(),
  removed: z.number().int(),
  waiting: z.number().int(),
});

export const reviewOutcomeSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  dueOn: z.string(),
  status: z.enum(['waiting', 'decided']),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  chosenRoute: routeEnum.nullable(),
  nextReviewOn: z.string().nullable(),
  decidedAt: z.string().nullable(),
  debtorToldAt: z.string().nullable(),
  fileNotBefore: z.string().nullable().describe('the first day anything may be filed, after the debtor was told'),
});
export const reviewOutcomeListSchema = z.object({ items: z.array(reviewOutcomeSchema) });

export const reviewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorName: z.string(),
  creditorName: z.string(),
  mandateCode: z.string(),
  stage: z.string(),
  status: z.enum(['waiting', 'decided']),
  dueOn: z.string(),
  reviewDays: z.number().int(),
  amounts: z.object({
    principalCents: z.number().int(),
    interestCents: z.number().int(),
    feesCents: z.number().int(),
    amountCents: z.number().int(),
    balanceCents: z.number().int(),
    thresholdCents: z.number().int(),
  }),
  route: z.object({
    proposed: routeEnum,
    allowed: z.array(routeEnum),
    ceilingCents: z.number().int(),
    ceilingSource: z.string(),
    hasTitle: z.boolean(),
  }),
  blocks: z.array(blockEnum),
  proposedDecision: z.enum(REVIEW_DECISIONS),
  timeBar: z.object({
    status: z.enum(['running', 'approaching', 'time_barred']).nullable(),
    lastDay: z.string().nullable(),
    claims: z.array(z.object({ reference: z.string(), lastDay: z.string(), status: z.string(), source: z.string() })),
  }),
  disputes: z.array(z.object({ claimReference: z.string(), grounds: z.string(), status: z.string() })),
  vulnerability: z
    .object({
      flagged: z.boolean(),
      restricted: z.boolean().describe('true: the reader has no need to know; the care unit has the details'),
      reason: z.string().nullable(),
      reviewOn: z.string().nullable(),
    })
    .describe('special-category data: the details only for those with a need to know, each read recorded'),
  contacts: z.object({
    total: z.number().int(),
    conversations: z.number().int(),
    byChannel: z.record(z.string(), z.number().int()),
    lastAt: z.string().nullable(),
  }),
  budget: z
    .object({ capacityCents: z.number().int(), assessedOn: z.string(), bindingConstraint: z.string() })
    .nullable(),
  offers: z.array(
    z.object({
      version: z.number().int(),
      kind: z.string(),
      agreedCents: z.number().int(),
      planStatus: z.string(),
      createdAt: z.string(),
    }),
  ),
  payments: z.object({ count: z.number().int(), totalCents: z.number().int(), lastOn: z.string().nullable() }),
  decision: z
    .object({
      decision: z.enum(REVIEW_DECISIONS),
      reason: z.string(),
      chosenRoute: routeEnum.nullable(),
      nextReviewOn: z.string().nullable(),
      decidedAt: z.string(),
      decidedBy: z.string().nullable(),
      debtorToldAt: z.string().nullable(),
      fileNotBefore: z.string().nullable(),
    })
    .nullable(),
});

export const reviewDecisionBody = z.strictObject({
  decision: z.enum(REVIEW_DECISIONS),
  reason: z.string().trim().min(10).max(2000).describe('why, in words: kept with the decision and on the case file'),
  route: routeEnum.optional().describe('escalate: the route chosen among those the facts allow'),
  nextReviewOn: calendarDate.optional().describe('keep_amicable: the day the case is reviewed again'),
  closeReason: z.enum(REVIEW_CLOSE_REASONS).optional().describe('close: why the case closes'),
});

export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
export type QueueRefreshView = z.infer<typeof queueRefreshSchema>;
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;
export type ReviewOutcomeList = z.infer<typeof reviewOutcomeListSchema>;
export type ReviewView = z.infer<typeof reviewSchema>;
export type ReviewDecisionBody = z.infer<typeof reviewDecisionBody>;
