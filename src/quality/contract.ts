import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';
import { satisfactionGroupSchema } from '../satisfaction/contract.js';
import { CRITERION_ID, GRID_LANGUAGES, MAX_CRITERIA, MAX_SCALE, newGridProblems } from './core/grid.js';
import { SAMPLE_REASONS } from './core/sample.js';

/** The grid's rules, passed on so the web app checks a new version as the server does before sending it. */
export { CRITERION_ID, GRID_LANGUAGES, MAX_CRITERIA, newGridProblems, SAMPLE_REASONS };
export type { GridLanguage, GridProblem } from './core/grid.js';
export type { SampleReason } from './core/sample.js';

/** Call quality and coaching (docs/listening.md): the listening grid, the month's sample, reviews, coaching, trends. */

const month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM');

const criterionTextSchema = z.strictObject({
  label: z.string().trim().min(1).max(120),
  guidance: z.string().trim().min(1).max(1000),
});

export const criterionSchema = z.strictObject({
  id: z.string().regex(CRITERION_ID, 'lower case letters, digits and underscores, 2 to 40 characters'),
  scaleMax: z.number().int().min(1).max(MAX_SCALE).describe('the scale runs from 0 to this maximum'),
  allowNotApplicable: z.boolean().describe('whether the criterion may be scored "not applicable"'),
  texts: z.strictObject({ fr: criterionTextSchema, en: criterionTextSchema, it: criterionTextSchema }),
});
export type CriterionView = z.infer<typeof criterionSchema>;

export const gridSchema = z.object({
  version: z.number().int(),
  validFrom: z.string().describe('the day the version applies from, YYYY-MM-DD'),
  criteria: z.array(criterionSchema),
});
export type GridView = z.infer<typeof gridSchema>;

export const gridsSchema = z.object({
  inForce: z.number().int().nullable().describe('the version in force today'),
  items: z.array(gridSchema.extend({ createdByName: z.string().nullable() })),
});
export type GridsView = z.infer<typeof gridsSchema>;

export const newGridBody = z.strictObject({
  validFrom: calendarDate.describe('from today on, after the latest version’s date'),
  criteria: z.array(criterionSchema).min(1).max(MAX_CRITERIA),
});
export type NewGrid = z.infer<typeof newGridBody>;

export const sampleQuery = z.strictObject({
  month: month.optional().describe('the month of the calls, YYYY-MM; this month by default'),
});

const reviewSummarySchema = z.object({
  id: z.string(),
  scoreBp: z.number().int().describe('the overall score, in basis points (10,000 = 100 %)'),
  reviewedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});

export const coachingSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  authorName: z.string(),
  reviewId: z.string().nullable(),
  actions: z.array(z.string()),
  notes: z.string().nullable(),
  followUpOn: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type CoachingView = z.infer<typeof coachingSchema>;

export const sampledCallSchema = z.object({
  callId: z.string(),
  reason: z.enum(SAMPLE_REASONS),
  occurredAt: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  review: reviewSummarySchema.nullable(),
});
export type SampledCallView = z.infer<typeof sampledCallSchema>;

export const teamSampleSchema = z.object({
  month: z.string(),
  grid: gridSchema.nullable().describe('the grid a review recorded today is scored on'),
  agents: z.array(
    z.object({
      agentId: z.string(),
      displayName: z.string(),
      teamName: z.string().nullable(),
      callsInMonth: z.number().int(),
      sample: z.array(sampledCallSchema),
      coaching: z.array(coachingSchema),
    }),
  ),
});
export type TeamSample = z.infer<typeof teamSampleSchema>;

const criterionScore = z.strictObject({
  criterion: z.string().max(40),
  score: z.number().int().min(0).max(MAX_SCALE).nullable().describe('null: not applicable, where the grid allows it'),
});

export const reviewBody = z.strictObject({
  callId: z.string().uuid().describe('the call (a phone contact) sampled for review'),
  scores: z.array(criterionScore).min(1).max(MAX_CRITERIA),
  notes: z.string().trim().min(1).max(4000).nullable().default(null),
});
export type ReviewInput = z.input<typeof reviewBody>;

export const reviewSchema = z.object({
  id: z.string(),
  callId: z.string(),
  callAt: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  reviewerName: z.string(),
  month: z.string(),
  sampleReason: z.enum(SAMPLE_REASONS),
  grid: gridSchema.describe('the version the review was scored on'),
  scores: z.array(z.object({ criterion: z.string(), score: z.number().int().nullable() })),
  scoreBp: z.number().int(),
  notes: z.string().nullable(),
  reviewedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type ReviewView = z.infer<typeof reviewSchema>;

export const coachingBody = z.strictObject({
  agentId: z.string().uuid(),
  reviewId: z.string().uuid().nullable().default(null).describe('the review the note follows, if any'),
  actions: z.array(z.string().trim().min(1).max(300)).min(1).max(10).describe('the actions agreed with the agent'),
  notes: z.string().trim().min(1).max(4000).nullable().default(null),
  followUpOn: calendarDate.describe('a working day of the agency’s calendar, after today'),
});
export type CoachingInput = z.input<typeof coachingBody>;

export const myQualitySchema = z.object({
  reviews: z.array(reviewSchema),
  coaching: z.array(coachingSchema),
});
export type MyQuality = z.infer<typeof myQualitySchema>;

export const trendsQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(12).default(6).describe('the months shown, this one included'),
});

const trendPointSchema = z.object({
  month: z.string(),
  reviews: z.number().int(),
  meanScoreBp: z.number().int().nullable(),
  csat: satisfactionGroupSchema.shape.csat.describe('the same month’s CSAT (satisfaction), for comparison'),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const trendsSchema = z.object({
  months: z.array(z.string()),
  minimumAnswers: z.number().int(),
  series: z.array(
    z.object({
      kind: z.enum(['team', 'agent']),
      key: z.string(),
      label: z.string(),
      points: z.array(trendPointSchema),
    }),
  ),
});
export type QualityTrends = z.infer<typeof trendsSchema>;

export const QUALITY_PROBLEMS = [
  'quality.not_a_call',
  'quality.not_sampled',
  'quality.not_your_team',
  'quality.already_reviewed',
  'quality.scores_invalid',
  'quality.no_grid',
  'quality.follow_up_invalid',
  'quality.only_the_agent',
  'quality.already_acknowledged',
  'quality.grid_invalid',
] as const;
