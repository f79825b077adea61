import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';
import {
  CLAIM_KINDS,
  INTERRUPTION_EFFECTS,
  INTERRUPTION_KINDS,
  RECORDED_INTERRUPTION_KINDS,
  TIME_BAR_STATUSES,
  TIME_BAR_TAGS,
} from './core/time-bar.js';

/** The API of time bars: a case's claims and their bars, recording an interruption, claims nearing the bar. */

export { CLAIM_KINDS, INTERRUPTION_KINDS, RECORDED_INTERRUPTION_KINDS, TIME_BAR_STATUSES };
export type { ClaimKind, InterruptionKind, TimeBarStatus } from './core/time-bar.js';

export const timeBarRuleSchema = z.object({
  claimKind: z.enum(CLAIM_KINDS),
  country: z.enum(['FR', 'IT']),
  years: z.number().int(),
  source: z.string(),
  /** 'check': found only in secondary sources, an administrator may correct it. */
  tag: z.enum(TIME_BAR_TAGS),
  validFrom: calendarDate,
});

export const claimTimeBarSchema = z.object({
  claimId: z.string(),
  reference: z.string(),
  rule: timeBarRuleSchema,
  startOn: calendarDate,
  interruptions: z.array(
    z.object({ kind: z.enum(INTERRUPTION_KINDS), on: calendarDate, effect: z.enum(INTERRUPTION_EFFECTS) }),
  ),
  lastDay: calendarDate,
  barredFrom: calendarDate,
  status: z.enum(TIME_BAR_STATUSES),
  daysLeft: z.number().int(),
});

export const caseTimeBarsSchema = z.object({
  caseId: z.string(),
  /** The worst of its open claims: time-barred when any is. */
  status: z.enum(TIME_BAR_STATUSES).nullable(),
  /** The earliest last day among its open claims. */
  lastDay: calendarDate.nullable(),
  claims: z.array(claimTimeBarSchema),
  reviewLeadDays: z.number().int(),
});

export const interruptionBody = z.strictObject({
  claimId: z.uuid(),
  kind: z.enum(RECORDED_INTERRUPTION_KINDS),
  occurredOn: calendarDate,
  note: z.string().trim().max(1000).optional(),
});
export const interruptionRecordedSchema = z.object({ id: z.string(), claim: claimTimeBarSchema });

export const approachingQuery = z.strictObject({
  leadDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(730)
    .optional()
    .describe("days ahead; the agency's TIME_BAR_REVIEW_DAYS (90 unless set) when absent"),
  /** Include claims already time-barred on open cases (they need a person's decision too). */
  includeBarred: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export const approachingItemSchema = z.object({
  caseId: z.string(),
  caseReference: z.string(),
  creditorName: z.string(),
  debtorName: z.string(),
  claimReference: z.string(),
  status: z.enum(TIME_BAR_STATUSES),
  lastDay: calendarDate,
  daysLeft: z.number().int(),
  ruleSource: z.string(),
});
export const approachingListSchema = z.object({
  items: z.array(approachingItemSchema),
  leadDays: z.number().int(),
  /** More claims than shown matched (the list shows the nearest first). */
  truncated: z.boolean(),
});

export type ClaimTimeBarView = z.infer<typeof claimTimeBarSchema>;
export type CaseTimeBarsView = z.infer<typeof caseTimeBarsSchema>;
export type InterruptionBody = z.infer<typeof interruptionBody>;
export type ApproachingQuery = z.infer<typeof approachingQuery>;
export type ApproachingList = z.infer<typeof approachingListSchema>;
export type ApproachingItem = z.infer<typeof approachingItemSchema>;
