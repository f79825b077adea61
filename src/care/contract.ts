import { z } from 'zod';
import { contactAdaptationsSchema } from '../contact-policy/core/adaptations.js';
import { calendarDate, pagingQuery } from '../platform/http/schemas.js';
import {
  CARE_QUEUE_KINDS,
  CONSENTS,
  DRIVERS,
  LEGAL_BASES,
  REVIEW_OUTCOMES,
  SIGNAL_KINDS,
  SIGNAL_STATUSES,
  VULNERABILITY_STATUSES,
} from './core/vocabulary.js';

export { contactAdaptationsSchema };
export { DEFAULT_REVIEW_MONTHS, REVIEW_MAX_MONTHS } from './core/record.js';
export {
  CARE_QUEUE_KINDS,
  CONSENTS,
  DRIVERS,
  LEGAL_BASES,
  REVIEW_OUTCOMES,
  SIGNAL_KINDS,
  SIGNAL_STATUSES,
  VULNERABILITY_STATUSES,
};

/** The care unit's API shapes (REGULATION §4, §5): vulnerability records, reviews, breathing spaces, signals, queue. */

const text500 = z.string().trim().min(1).max(500);
const drivers = z.array(z.enum(DRIVERS)).min(1).max(DRIVERS.length);

export const recordVulnerabilityBody = z.strictObject({
  drivers: drivers.describe("FG21/1's drivers: health, life event, resilience, capability (one or more)"),
  note: text500.describe('how colleagues adapt ("written contact only", "calls after 17:00"), never a diagnosis'),
  adaptations: contactAdaptationsSchema.prefault({}),
  legalBasis: z.enum(LEGAL_BASES),
  consent: z.enum(CONSENTS),
  consentAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .default(null)
    .describe('when the debtor gave or refused consent; null when it was not asked'),
  reviewOn: calendarDate.describe('the day a person reviews the record: after today, at most 12 months ahead'),
  caseId: z.string().uuid().optional().describe('the case the record was made from (its timeline line goes there)'),
  signalId: z.string().uuid().optional().describe('the open signal this record confirms'),
  breathingSpace: z.boolean().default(false).describe('start a breathing space with the record'),
});

export const reviewVulnerabilityBody = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('kept'), reviewOn: calendarDate, note: text500.optional() }),
  z.strictObject({
    outcome: z.literal('changed'),
    reviewOn: calendarDate,
    note: text500.optional().describe("the review's own note"),
    drivers: drivers.optional(),
    recordNote: text500.optional().describe("the record's new note"),
    adaptations: contactAdaptationsSchema.optional(),
  }),
  z.strictObject({ outcome: z.literal('ended'), note: text500.describe('why the record ends') }),
]);

export const endVulnerabilityBody = z.strictObject({ reason: text500 });
export const breathingSpaceBody = z.strictObject({
  caseId: z.string().uuid().optional(),
  reason: text500.describe('why collection pauses, in neutral words'),
});
export const renewalBody = z.strictObject({ reason: text500.describe('why the breathing space is renewed') });
export const dismissSignalBody = z.strictObject({
  note: text500.describe('why the signal does not call for a record'),
});
export const vulnerabilitiesQuery = z.strictObject({
  reason: z.string().max(500).optional().describe('a team leader or manager states why they read outside their cases'),
});
export const careQueueQuery = z.strictObject({ kind: z.enum(CARE_QUEUE_KINDS).optional(), ...pagingQuery });

const reviewSchema = z.object({
  id: z.string(),
  outcome: z.enum(REVIEW_OUTCOMES),
  reviewedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewOnBefore: z.string(),
  reviewOnAfter: z.string().nullable(),
  note: z.string().nullable(),
});

export const vulnerabilitySchema = z.object({
  id: z.string(),
  debtorId: z.string(),
  drivers: z.array(z.enum(DRIVERS)),
  note: z.string(),
  adaptations: contactAdaptationsSchema,
  legalBasis: z.enum(LEGAL_BASES),
  consent: z.enum(CONSENTS),
  consentAt: z.string().nullable(),
  reviewOn: z.string(),
  status: z.enum(VULNERABILITY_STATUSES),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  signalId: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  reviews: z.array(reviewSchema),
});

export const signalSchema = z.object({
  id: z.string(),
  debtorId: z.string(),
  caseId: z.string().nullable(),
  kind: z.enum(SIGNAL_KINDS),
  /** What the person declared on the debtor portal behind this signal (kind, their words), newest first. */
  declarations: z.array(
    z.object({
      kind: z.enum(['job_loss', 'illness', 'bereavement', 'separation', 'other']),
      note: z.string().nullable(),
      declaredAt: z.string(),
    }),
  ),
  reasons: z.record(z.string(), z.union([z.string(), z.number()])),
  detectedAt: z.string(),
  status: z.enum(SIGNAL_STATUSES),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  vulnerabilityId: z.string().nullable(),
});

export const breathingSpaceSchema = z.object({
  holdId: z.string(),
  caseId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['active', 'lifted', 'lapsed']),
  renewedAt: z.string().nullable(),
  renewalReason: z.string().nullable(),
  mayRenew: z.boolean(),
});

export const careViewSchema = z.discriminatedUnion('restricted', [
  z.object({
    restricted: z.literal(false),
    records: z.array(vulnerabilitySchema),
    signals: z.array(signalSchema),
    breathingSpaces: z.array(breathingSpaceSchema),
  }),
  z
    .object({
      restricted: z.literal(true),
      adapted: z.boolean(),
      adaptedUntil: z.string().nullable().describe('the day the adaptation is next looked at; null when none is known'),
    })
    .describe('what a reader without need-to-know reads: that collection is adapted, and until when'),
]);

export const careQueueItemSchema = z.object({
  kind: z.enum(CARE_QUEUE_KINDS),
  itemId: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  dueOn: z.string(),
});
export const careQueueSchema = z.object({
  items: z.array(careQueueItemSchema),
  total: z.number().int(),
  counts: z.object(
    Object.fromEntries(CARE_QUEUE_KINDS.map((kind) => [kind, z.number().int()])) as {
      [K in (typeof CARE_QUEUE_KINDS)[number]]: z.ZodNumber;
    },
  ),
});

export type RecordVulnerabilityBody = z.infer<typeof recordVulnerabilityBody>;
export type ReviewVulnerabilityBody = z.infer<typeof reviewVulnerabilityBody>;
export type BreathingSpaceBody = z.infer<typeof breathingSpaceBody>;
export type VulnerabilityView = z.infer<typeof vulnerabilitySchema>;
export type SignalView = z.infer<typeof signalSchema>;
export type BreathingSpaceView = z.infer<typeof breathingSpaceSchema>;
export type CareView = z.infer<typeof careViewSchema>;
export type CareQueue = z.infer<typeof careQueueSchema>;
export type CareQueueItem = z.infer<typeof careQueueItemSchema>;
export type CareQueueQuery = z.infer<typeof careQueueQuery>;
