import { z } from 'zod';
import { CHANNELS } from '../../contact-policy/core/policy-document.js';

/**
 * A collection strategy: ordered segments, each a set of conditions on a case and the treatment its cases get
 * (which team works them, over which channels, at what priority). The first segment whose conditions all hold
 * takes the case, and the last segment must hold for every case, so no open case is left out of the queues.
 * A segment may send a share of its cases to a challenger treatment, to compare the two in the reports.
 */

export const STRATEGY_STAGES = ['amicable', 'plan', 'dispute', 'overindebtedness', 'judicial'] as const;
export const TEAM_KINDS = ['amicable', 'care', 'overindebtedness', 'judicial'] as const;
export const PLAN_STATES = [
  'none',
  'proposed',
  'pending_approval',
  'agreed',
  'active',
  'late',
  'broken',
  'completed',
  'cancelled',
  'refused',
] as const;
/** The last contact's outcome or, after a conversation, what it came to. */
export const LAST_OUTCOMES = [
  'none',
  'no_answer',
  'busy',
  'voicemail',
  'wrong_number',
  'third_party',
  'right_party',
  'promise',
  'callback',
  'refusal',
  'dispute',
  'hardship',
  'bereavement',
  'already_paid',
  'information',
] as const;
export const LANGUAGES = ['fr', 'en', 'it'] as const;

const segmentId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, 'lower-case letters, digits, - and _ (at most 48)');
const cents = z.number().int().min(0).max(1_000_000_000_00);
const days = z.number().int().min(0).max(36_500);

export const treatmentSchema = z.strictObject({
  /** The kind of team that works the case; a case already with a team of that kind stays with it. */
  team: z.enum(TEAM_KINDS),
  /** The channels to use, in order of preference. Without `phone` the case is in no calling queue. */
  channels: z
    .array(z.enum(CHANNELS))
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'each channel once'),
  /** 0–1000: higher first, after callbacks due and promises due or broken. */
  priority: z.number().int().min(0).max(1000),
});
export type Treatment = z.infer<typeof treatmentSchema>;

export const conditionsSchema = z
  .strictObject({
    creditors: z
      .array(z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/))
      .min(1)
      .optional(),
    stages: z.array(z.enum(STRATEGY_STAGES)).min(1).optional(),
    minBalanceCents: cents.optional(),
    maxBalanceCents: cents.optional(),
    /** Age of the case in days since it was opened. */
    minAgeDays: days.optional(),
    maxAgeDays: days.optional(),
    lastOutcomes: z.array(z.enum(LAST_OUTCOMES)).min(1).optional(),
    minBrokenPromises: z.number().int().min(1).max(100).optional(),
    planStates: z.array(z.enum(PLAN_STATES)).min(1).optional(),
    vulnerable: z.boolean().optional(),
    languages: z.array(z.enum(LANGUAGES)).min(1).optional(),
  })
  .refine(
    (c) => c.minBalanceCents === undefined || c.maxBalanceCents === undefined || c.minBalanceCents <= c.maxBalanceCents,
    {
      message: 'minBalanceCents must not exceed maxBalanceCents',
    },
  )
  .refine((c) => c.minAgeDays === undefined || c.maxAgeDays === undefined || c.minAgeDays <= c.maxAgeDays, {
    message: 'minAgeDays must not exceed maxAgeDays',
  });
export type Conditions = z.infer<typeof conditionsSchema>;

export const segmentSchema = z.strictObject({
  id: segmentId,
  name: z.string().min(1).max(120),
  when: conditionsSchema,
  treatment: treatmentSchema,
  challenger: z
    .strictObject({
      /** Percent of the segment's cases (chosen by a stable hash of the case) that get the other treatment. */
      sharePercent: z.number().int().min(1).max(50),
      treatment: treatmentSchema,
      note: z.string().max(500).optional(),
    })
    .optional(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const strategyDocumentSchema = z
  .strictObject({
    title: z.string().min(1).max(200),
    segments: z.array(segmentSchema).min(1).max(200),
  })
  .superRefine((document, ctx) => {
    const seen = new Set<string>();
    document.segments.forEach((segment, index) => {
      if (seen.has(segment.id))
        ctx.addIssue({
          code: 'custom',
          path: ['segments', index, 'id'],
          message: `segment id "${segment.id}" is used twice`,
        });
      seen.add(segment.id);
    });
    const last = document.segments[document.segments.length - 1];
    if (last && Object.keys(last.when).length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['segments', document.segments.length - 1, 'when'],
        message: 'the last segment must have no conditions, so that every open case has a treatment',
      });
    }
  });
export type StrategyDocument = z.infer<typeof strategyDocumentSchema>;
