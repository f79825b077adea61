import { z } from 'zod';
import { CHANNELS } from '../contact-policy/core/policy-document.js';
import { strategyDocumentSchema } from './core/strategy-document.js';
import { centsAmount } from '../platform/money.js';
import { calendarDate, exportFormatQuery, int4Param } from '../platform/http/schemas.js';

/**
 * The agent workspace as the API gives it. The web app infers its types from these schemas (type-only imports),
 * so the two cannot drift apart. Texts meant for a person (reasons, the standing panel, the call script) come in
 * the reader's language.
 */

export const CALL_OUTCOMES = ['right_party', 'no_answer', 'busy', 'voicemail', 'wrong_number', 'third_party'] as const;
export const CALL_RESULTS = [
  'promise',
  'callback',
  'refusal',
  'dispute',
  'hardship',
  'bereavement',
  'already_paid',
  'information',
] as const;
export const TASK_KINDS = [
  'promise_broken',
  'callback_missed',
  'dispute_review',
  'care_referral',
  'payment_check',
  'trace_contact',
  'refusal_review',
  'liabilities_statement',
  'vulnerability_review',
  'sms_reply',
  'contact_check',
  'card_payment_check',
] as const;
export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export const TIERS = ['callback', 'promise', 'follow_up', 'standard'] as const;

export const queueEntrySchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  debtorName: z.string(),
  creditorName: z.string(),
  balanceCents: z.number().int(),
  currency: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  segment: z.object({ id: z.string(), name: z.string() }),
  arm: z.enum(['champion', 'challenger']),
  strategyVersion: z.number().int(),
  /** Why the case is at this place in the queue: tier first (a callback due, a promise due or broken), then priority. */
  tier: z.enum(TIERS),
  priority: z.number().int(),
  channels: z.array(z.enum(CHANNELS)),
  reasons: z.array(z.string()),
  /** When the contact policy next allows a call; null while only an act can lift the refusal, or when no call is planned. */
  callableFrom: z.string().nullable(),
  paused: z.boolean(),
  assignedUser: z.object({ id: z.string(), name: z.string() }).nullable(),
  lease: z.object({ userId: z.string(), userName: z.string(), until: z.string() }).nullable(),
});
export type QueueEntryView = z.infer<typeof queueEntrySchema>;

export const nextCaseSchema = z.object({
  /** The case now leased to the caller, or null when nothing in the queue may be called now. */
  entry: queueEntrySchema.nullable(),
  /**
   * Cases in the caller's queues: callable now (not leased), and waiting for a later moment. Counted now when no case
   * was leased; with a case leased, the team's last counts, at most ten seconds old.
   */
  waiting: z.object({ callableNow: z.number().int(), later: z.number().int() }),
  /**
   * With no case leased: the earliest moment a case of the caller's queue may be called (the contact hours open on
   * Monday, a spacing ends), so the agent knows when to come back; null with a case leased, or when none waits.
   */
  nextCallableAt: z.string().nullable(),
});

export const workspaceSummarySchema = z.object({
  current: queueEntrySchema.nullable(),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  waiting: z.object({ callableNow: z.number().int(), later: z.number().int() }),
  today: z.object({ calls: z.number().int(), conversations: z.number().int(), promises: z.number().int() }),
  openTasks: z.array(z.lazy(() => taskSchema)),
});

export const promiseSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  amountCents: z.number().int(),
  paidCents: z.number().int(),
  currency: z.string(),
  dueOn: z.string(),
  status: z.enum(PROMISE_STATUSES),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type PromiseView = z.infer<typeof promiseSchema>;

export const taskSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  dueAt: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  note: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskSchema>;

export const conversationStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  guidance: z.string(),
  /** Said or done only in a conversation with the debtor, identity confirmed. */
  rightPartyOnly: z.boolean(),
});

export const standingSchema = z.object({
  /** The procedure engaged, in plain words. */
  procedure: z.string(),
  /** What happens next and when. */
  next: z.string(),
  /** What happens if no solution is found. */
  ifNoSolution: z.string(),
  /** Dates the texts cite, for the page to show beside them. */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
});

export const caseWorkspaceSchema = z.object({
  caseId: z.string(),
  debtorLocalTime: z.object({ at: z.string(), timeZone: z.string(), country: z.string() }),
  standing: standingSchema,
  queue: queueEntrySchema.nullable(),
  promises: z.array(promiseSchema),
  tasks: z.array(taskSchema),
  script: z.array(conversationStepSchema),
  /** The neutral voicemail text: no mention of the debt, the creditor or the agency's trade. */
  voicemailScript: z.string(),
  noteMaxLength: z.number().int(),
  promiseMaxDays: z.number().int(),
});
export type CaseWorkspaceView = z.infer<typeof caseWorkspaceSchema>;

export const callBodySchema = z.strictObject({
  outcome: z.enum(CALL_OUTCOMES),
  /** What the conversation came to: only after `right_party`. */
  result: z.enum(CALL_RESULTS).optional(),
  contactPointId: z.string().uuid().optional(),
  /** The script's steps checked off during the call, by step id. */
  checklist: z.record(z.string(), z.boolean()).default({}),
  note: z.string().max(2000).optional(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  promise: z.strictObject({ amountCents: centsAmount, dueOn: calendarDate }).optional(),
  callbackAt: z.iso.datetime({ offset: true }).optional(),
  /** For a dispute or hardship: what the debtor said, in words fit for the file (no health details). */
  reason: z.string().max(500).optional(),
});
export type CallBody = z.infer<typeof callBodySchema>;

export const callActionSchema = z.object({
  kind: z.enum([
    'promise_created',
    'callback_booked',
    'hold_placed',
    'task_created',
    'queue_moved',
    'contact_point_flagged',
    'queue_refreshed',
  ]),
  message: z.string(),
  id: z.string().nullable(),
});

export const callResultSchema = z.object({
  contactId: z.string(),
  outcome: z.enum(CALL_OUTCOMES),
  result: z.enum(CALL_RESULTS).nullable(),
  checklist: z.record(z.string(), z.boolean()),
  actions: z.array(callActionSchema),
  queue: queueEntrySchema.nullable(),
});

export const strategyVersionSchema = z.object({
  version: z.number().int(),
  note: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  document: strategyDocumentSchema,
});

export const segmentStatsSchema = z.object({
  segmentId: z.string(),
  name: z.string(),
  arm: z.enum(['champion', 'challenger']),
  cases: z.number().int(),
  callableNow: z.number().int(),
  leased: z.number().int(),
  paused: z.boolean(),
  priorityBoost: z.number().int(),
});

export const teamQueueSchema = z.object({
  team: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  segments: z.array(segmentStatsSchema),
  agents: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      current: z.object({ caseId: z.string(), reference: z.string(), since: z.string() }).nullable(),
      callsToday: z.number().int(),
      conversationsToday: z.number().int(),
      promisesToday: z.number().int(),
    }),
  ),
  openTasks: z.number().int(),
});

export const segmentControlSchema = z.object({
  segmentId: z.string(),
  paused: z.boolean(),
  priorityBoost: z.number().int(),
  note: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const leaseSchema = z.object({ until: z.string() });
export const cancelPromiseBody = z.strictObject({ reason: z.string().max(500) });
export const taskDoneBody = z.strictObject({ note: z.string().max(2000).optional() });
export const teamQueueListSchema = z.object({ items: z.array(teamQueueSchema) });
export const teamQueuesExportQuery = z.strictObject(exportFormatQuery);
export const segmentControlParams = z.strictObject({ segmentId: z.string().min(1).max(48) });
export const segmentControlBody = z.strictObject({
  paused: z.boolean(),
  priorityBoost: z.number().int().min(-500).max(500),
  note: z.string().max(500),
});
export const assignmentBody = z.strictObject({
  teamId: z.string().uuid(),
  userId: z.string().uuid().nullable(),
  note: z.string().max(500),
});

export const strategyVersionSummarySchema = z.object({
  version: z.number().int(),
  note: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
});
export const strategiesSchema = z.object({
  inForce: strategyVersionSchema,
  versions: z.array(strategyVersionSummarySchema),
});
export const strategyVersionParams = z.strictObject({ version: int4Param });
/** The document is checked by the strategy's own schema (422 strategy.invalid with the issues by path). */
export const publishStrategyBody = z.strictObject({
  document: z.unknown(),
  note: z.string().trim().min(3, 'write a note of at least 3 characters').max(500),
});

/** A draft to preview: checked by the strategy's own schema, as a publication is. */
export const strategyPreviewBody = z.strictObject({ document: z.unknown() });
export const strategyPreviewSchema = z.object({
  total: z.number().int().describe('Open cases in the reader’s scope'),
  segments: z.array(
    z.object({
      segmentId: z.string(),
      name: z.string(),
      cases: z.number().int().describe('Open cases the segment would take under the draft, today'),
      inQueueNow: z.number().int().describe('Cases the queue holds in a segment of this id now'),
    }),
  ),
});

export const sweepReportSchema = z.object({
  promisesBroken: z.number().int(),
  callbacksMissed: z.number().int(),
  leasesExpired: z.number().int(),
  debtorsRefreshed: z.number().int(),
  entriesRefreshed: z.number().int(),
});

export type NextCase = z.infer<typeof nextCaseSchema>;
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;
export type CallResult = z.infer<typeof callResultSchema>;
export type CallAction = z.infer<typeof callActionSchema>;
export type StrategyVersionView = z.infer<typeof strategyVersionSchema>;
export type StrategyVersionSummary = z.infer<typeof strategyVersionSummarySchema>;
export type TeamQueue = z.infer<typeof teamQueueSchema>;
export type SegmentControlView = z.infer<typeof segmentControlSchema>;
export type SegmentControlChange = z.infer<typeof segmentControlBody>;
export type Assignment = z.infer<typeof assignmentBody>;
export type SweepReport = z.infer<typeof sweepReportSchema>;
export type StrategyPreview = z.infer<typeof strategyPreviewSchema>;

/** The strategy document's types, which the web app's strategy editor uses. */
export type { Conditions, Segment, StrategyDocument, Treatment } from './core/strategy-document.js';
/** The document's schema and value lists: the web app's form editor checks a draft with the server's own schema. */
export {
  LANGUAGES as STRATEGY_LANGUAGES,
  LAST_OUTCOMES,
  PLAN_STATES,
  STRATEGY_STAGES,
  TEAM_KINDS,
  strategyDocumentSchema,
} from './core/strategy-document.js';
export { CHANNELS as STRATEGY_CHANNELS } from '../contact-policy/core/policy-document.js';
