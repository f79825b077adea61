import { z } from 'zod';
import { calendarDate, pagingQuery } from '../platform/http/schemas.js';
import { BLOCK_FILTERS, ESCALATION_BLOCKS, REVIEW_DECISIONS } from './core/review.js';
import { JUDICIAL_ROUTES } from './core/route.js';
import { CHARGEABLE_TO, COST_KINDS } from './core/costs.js';
import { DEADLINE_KINDS, END_OUTCOMES, NEXT_ACTIONS, OUTCOMES, STATES, STEP_KINDS } from './core/procedure-lists.js';
import { RECORDED_STEPS } from './core/procedure-lists.js';
import { PARTNER_STEP_KINDS, partnerReportSchema } from './core/partner-api.js';

export * from './core/partner-api.js';

// ROUTES: the routes a procedure follows are the ones the review proposes, one list.
export { BLOCK_FILTERS, ESCALATION_BLOCKS, JUDICIAL_ROUTES, JUDICIAL_ROUTES as ROUTES, REVIEW_DECISIONS };
export type { BlockFilter, EscalationBlock, ReviewDecision } from './core/review.js';
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
  blocked: z
    .enum(BLOCK_FILTERS)
    .optional()
    .describe('none: the cases a person may escalate now; any: the blocked ones; a block: those it blocks'),
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
export const reviewQueueSchema = z.object({
  items: z.array(reviewQueueItemSchema),
  total: z.number().int().describe('the waiting reviews the filter keeps'),
});

export const reviewQueueCountsQuery = z.strictObject({ creditorId: z.string().uuid().optional() });

export const reviewQueueCountsSchema = z.object({
  all: z.number().int(),
  escalable: z.number().int().describe('nothing blocks them: a person may escalate them now'),
  blocked: z.number().int().describe('something blocks them (each counted once)'),
  byBlock: z.record(blockEnum, z.number().int()).describe('by block (a review blocked twice counts under both)'),
});

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
export type ReviewQueueCountsQuery = z.infer<typeof reviewQueueCountsQuery>;
export type ReviewQueueCounts = z.infer<typeof reviewQueueCountsSchema>;
export type QueueRefreshView = z.infer<typeof queueRefreshSchema>;
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;
export type ReviewOutcomeList = z.infer<typeof reviewOutcomeListSchema>;
export type ReviewView = z.infer<typeof reviewSchema>;
export type ReviewDecisionBody = z.infer<typeof reviewDecisionBody>;

/* The judicial stage, procedure part (REGULATION §11): a case's procedure, its steps, costs and the judicial queue. */

export { CHARGEABLE_TO, COST_KINDS, DEADLINE_KINDS, END_OUTCOMES, NEXT_ACTIONS, OUTCOMES, STATES, STEP_KINDS };

/** A judicial procedure (REGULATION §11): the API's shapes. */

const note = z.string().trim().max(2000).default('');

export const openProcedureBody = z.strictObject({
  route: routeEnum
    .optional()
    .describe("the route; when absent, the one chosen at the case's judicial review (refused when there was none)"),
  partnerId: z.string().uuid().nullable().default(null).describe('the commissaire de justice or lawyer handling it'),
  titleObtainedOn: calendarDate
    .nullable()
    .default(null)
    .describe('for enforcement: the day the creditor obtained its enforceable title'),
  note,
});
export const procedureStepBody = z.strictObject({
  kind: z.enum(RECORDED_STEPS),
  occurredOn: calendarDate.describe('the day the act was done (a service, a filing, an ordonnance…)'),
  reportedBy: z.enum(['agency', 'partner']).default('agency').describe("'partner': the partner's update entered"),
  outcome: z.enum(END_OUTCOMES).optional().describe('how the procedure ended (procedure_ended only)'),
  inPerson: z
    .boolean()
    .optional()
    .describe('served only: to the debtor in person (the default) or not; not in person, CPC 1416 al. 2 applies'),
  note,
});
export const procedureCostBody = z.strictObject({
  kind: z.enum(COST_KINDS),
  amountCents: z.number().int().positive().max(100_000_000),
  chargeableTo: z.enum(CHARGEABLE_TO).optional().describe("who bears it; the kind's default when absent"),
  legalBasis: z.string().trim().max(200).optional().describe("the kind's basis when absent"),
  incurredOn: calendarDate,
  note,
});
export const partnerPaymentBody = z.strictObject({
  amountCents: z.number().int().positive().max(1_000_000_000),
  receivedOn: calendarDate.describe('the day the partner’s transfer reached the agency'),
  reference: z.string().trim().min(1).max(140),
  paymentKey: z.string().uuid().describe('the same key never records a second payment'),
  note,
});

const deadlineSchema = z.object({ kind: z.enum(DEADLINE_KINDS), on: z.string() });
const nextSchema = z.object({ action: z.enum(NEXT_ACTIONS), dueOn: z.string(), deadline: deadlineSchema.nullable() });

const stepSchema = z.object({
  id: z.string(),
  kind: z.enum(['opened', ...STEP_KINDS]).describe("'opened': the procedure's opening"),
  occurredOn: z.string(),
  fromState: z.enum(STATES).nullable(),
  toState: z.enum(STATES),
  deadline: deadlineSchema.nullable(),
  reportedBy: z.enum(['agency', 'partner']),
  note: z.string(),
  paymentId: z.string().nullable(),
  recordedAt: z.string(),
});
const costSchema = z.object({
  id: z.string(),
  kind: z.enum(COST_KINDS),
  amountCents: z.number().int(),
  chargeableTo: z.enum(CHARGEABLE_TO),
  legalBasis: z.string(),
  incurredOn: z.string(),
  note: z.string(),
  /** The claim whose balance carries a debtor's cost (in the ledger); null for the creditor's, or a line before 0049. */
  claimReference: z.string().nullable(),
  /** The payment a commissaire's A444-32 fee was computed on. */
  paymentId: z.string().nullable(),
});

export const procedureSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  route: routeEnum,
  state: z.enum(STATES),
  stateSince: z.string(),
  outcome: z.enum(OUTCOMES).nullable(),
  deadlines: z.array(deadlineSchema).describe("the deadlines running in the state, with the title's life"),
  next: nextSchema.nullable(),
  collection: z
    .object({ amicable_contact: z.boolean(), payment_request: z.boolean(), enforcement: z.boolean() })
    .describe('the collection acts the procedure permits today'),
  titleObtainedOn: z.string().nullable(),
  titleExpiresOn: z.string().nullable(),
  fileNotBefore: z.string().nullable(),
  /** How the injonction was served (null before): not in person, a late opposition stays possible (CPC 1416 al. 2). */
  servedInPerson: z.boolean().nullable(),
  /** The agency's staff only: a creditor user sees the procedure's state, not its acts, partner and costs. */
  allowedSteps: z.array(z.enum(STEP_KINDS)).nullable(),
  partnerId: z.string().nullable(),
  /** The partner's firm, as the partners' list names it. */
  partnerName: z.string().nullable(),
  steps: z.array(stepSchema).nullable(),
  costs: z.array(costSchema).nullable(),
  costTotals: z.object({ debtorCents: z.number().int(), creditorCents: z.number().int() }).nullable(),
  /** The partner's reports waiting for a person (the partner API's inbox), oldest first; null for a creditor user. */
  partnerReports: z.array(partnerReportSchema).nullable(),
});
export const caseProcedureSchema = z.object({
  procedure: procedureSchema.nullable(),
  /** The route the case's judicial review chose, to prefill the opening form (null without a review). */
  reviewRoute: routeEnum.nullable(),
});

export const procedureQueueSchema = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      reference: z.string(),
      debtorName: z.string(),
      creditorName: z.string(),
      balanceCents: z.number().int(),
      currency: z.string(),
      route: routeEnum.nullable(),
      state: z.enum(STATES).nullable(),
      next: z.union([
        nextSchema,
        z.object({ action: z.literal('open_procedure'), dueOn: z.string(), deadline: z.null() }),
      ]),
      partnerReports: z.number().int().describe("the partner's reports waiting to be applied or rejected"),
    }),
  ),
  total: z.number().int(),
});

const reportId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe("the partner's own id of the report: posting it again answers the same report");
/** A partner's report (the partner API): a step it says happened, or a payment it collected and passed on. */
export const partnerReportBody = z.discriminatedUnion('kind', [
  z.strictObject({
    externalId: reportId,
    kind: z.literal('step'),
    stepKind: z.enum(PARTNER_STEP_KINDS),
    occurredOn: calendarDate.describe('the day of the act (a service, a seizure, a judgment…)'),
    inPerson: z
      .boolean()
      .optional()
      .describe('served only: to the debtor in person (the default) or not; not in person, CPC 1416 al. 2 applies'),
    note,
  }),
  z.strictObject({
    externalId: reportId,
    kind: z.literal('payment'),
    amountCents: z.number().int().positive().max(1_000_000_000).describe('what the partner passed on, in cents'),
    receivedOn: calendarDate.describe('the day the transfer was sent to the agency'),
    reference: z.string().trim().min(1).max(140).describe("the transfer's reference"),
    note,
  }),
]);

export type PartnerReportBody = z.infer<typeof partnerReportBody>;
export type OpenProcedureBody = z.infer<typeof openProcedureBody>;
export type ProcedureStepBody = z.infer<typeof procedureStepBody>;
export type ProcedureCostBody = z.infer<typeof procedureCostBody>;
export type PartnerPaymentBody = z.infer<typeof partnerPaymentBody>;
export type ProcedureView = z.infer<typeof procedureSchema>;
export type CaseProcedure = z.infer<typeof caseProcedureSchema>;
export type ProcedureQueue = z.infer<typeof procedureQueueSchema>;
export type ProcedureQueueItem = ProcedureQueue['items'][number];

// ---------------------------------------------------------------------------------------------------------------
// Handoff file and judicial partners
// ---------------------------------------------------------------------------------------------------------------

export const PARTNER_KINDS = ['commissaire_de_justice', 'lawyer'] as const;
export const PARTNER_CHANNELS = ['email', 'portal', 'post'] as const;
export const HANDOFF_STATUSES = ['built', 'sent', 'acknowledged', 'withdrawn'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type PartnerChannel = (typeof PARTNER_CHANNELS)[number];
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value));

export const partnerBody = z
  .strictObject({
    firmName: z.string().trim().min(1).max(200),
    kind: z.enum(PARTNER_KINDS),
    contactName: optionalText(200),
    email: z
      .union([z.email().max(300), z.literal('')])
      .nullable()
      .default(null)
      .transform((value) => (value === '' ? null : value)),
    phone: optionalText(40),
    address: z.string().trim().min(1).max(500),
    channel: z.enum(PARTNER_CHANNELS),
    area: z.string().trim().min(1).max(120).describe("the cour d'appel whose area the partner works in"),
    active: z.boolean().default(true),
  })
  .refine((p) => p.channel !== 'email' || p.email !== null, {
    message: 'A partner reached by e-mail has an e-mail address',
    path: ['email'],
  });

export const partnerListQuery = z.strictObject({ active: z.enum(['true', 'all']).default('all') });

export const partnerSchema = z.object({
  id: z.string(),
  firmName: z.string(),
  kind: z.enum(PARTNER_KINDS),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string(),
  channel: z.enum(PARTNER_CHANNELS),
  area: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export const partnerListSchema = z.object({ items: z.array(partnerSchema) });

export const handoffSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  version: z.number().int(),
  builtAt: z.string(),
  builtBy: z.string().nullable(),
  jsonSha256: z.string(),
  pdfSha256: z.string(),
  /** What the file claims in total, in cents (the statement's total owed when it was built). */
  owedCents: z.number().int(),
  status: z.enum(HANDOFF_STATUSES),
  partner: z.object({ id: z.string(), firmName: z.string() }).nullable(),
  channel: z.enum(PARTNER_CHANNELS).nullable(),
  sentAt: z.string().nullable(),
  sentBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export const handoffListSchema = z.object({
  items: z.array(handoffSchema),
  /** Whether a new version may be built now: the case is at the judicial stage. */
  caseJudicial: z.boolean(),
});

export const handoffSendBody = z.strictObject({
  partnerId: z.uuid(),
  /** The channel it went by; the partner's own when absent. */
  channel: z.enum(PARTNER_CHANNELS).optional(),
  /** The day it was sent (by hand: Accord sends no e-mail itself), today or earlier. */
  sentOn: calendarDate,
});
export const handoffAcknowledgeBody = z.strictObject({ acknowledgedOn: calendarDate });

export type PartnerBody = z.infer<typeof partnerBody>;
export type PartnerBodyInput = z.input<typeof partnerBody>;
export type PartnerListQuery = z.infer<typeof partnerListQuery>;
export type PartnerView = z.infer<typeof partnerSchema>;
export type PartnerList = z.infer<typeof partnerListSchema>;
export type HandoffView = z.infer<typeof handoffSchema>;
export type HandoffList = z.infer<typeof handoffListSchema>;
export type HandoffSendBody = z.infer<typeof handoffSendBody>;
export type HandoffAcknowledgeBody = z.infer<typeof handoffAcknowledgeBody>;
