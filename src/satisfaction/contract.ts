import { z } from 'zod';
import { INTERACTION_KINDS } from './core/eligibility.js';
import { COMMENT_MAX_LENGTH } from './core/minimise.js';

export { INTERACTION_KINDS, COMMENT_MAX_LENGTH };
export type { InteractionKind } from './core/eligibility.js';

/** Debtor satisfaction (docs/listening.md): the public survey behind its single-use link, and the figures. */

export const SATISFACTION_DIMENSIONS = ['agent', 'team', 'creditor', 'channel', 'month', 'arm', 'segment'] as const;
export type SatisfactionDimension = (typeof SATISFACTION_DIMENSIONS)[number];

export const surveyParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'a survey token: 32 characters of base64url'),
});

export const surveySchema = z.object({
  status: z.enum(['open', 'answered', 'expired']),
  language: z.enum(['fr', 'en', 'it']).describe('the debtor’s language, the page’s first'),
  agencyName: z.string(),
  interactionKind: z.enum(INTERACTION_KINDS),
  interactionOn: z.string().describe('the day of the exchange rated, YYYY-MM-DD'),
  askRecommendation: z.boolean().describe('whether the page asks the recommendation question (0-10, optional)'),
});
export type Survey = z.infer<typeof surveySchema>;

export const surveyAnswerBody = z.strictObject({
  score: z.number().int().min(1).max(5).describe('1 very dissatisfied … 5 very satisfied'),
  ease: z.number().int().min(1).max(7).nullable().default(null).describe('"it was easy to get done", 1-7; optional'),
  recommendation: z
    .number()
    .int()
    .min(0)
    .max(10)
    .nullable()
    .default(null)
    .describe('"how likely are you to recommend us?", 0-10; optional, kept only when the settings ask it'),
  comment: z
    .string()
    .max(4000)
    .nullable()
    .default(null)
    .describe(`optional; kept minimised (no e-mail, phone number or IBAN), at most ${COMMENT_MAX_LENGTH} characters`),
});
export type SurveyAnswer = z.input<typeof surveyAnswerBody>;

const csatSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('too_few'), answers: z.number().int(), minimum: z.number().int() }),
  z.object({
    status: z.literal('rate'),
    answers: z.number().int(),
    satisfied: z.number().int(),
    percent: z.number(),
    interval: z.object({ lowPercent: z.number(), highPercent: z.number() }),
  }),
]);

const npsSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('too_few'), answers: z.number().int(), minimum: z.number().int() }),
  z.object({
    status: z.literal('score'),
    answers: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    score: z.number().describe('promoters (9-10) minus detractors (0-6), in percentage points, -100 to 100'),
    interval: z.object({ lowPercent: z.number(), highPercent: z.number() }).describe('95 %, in points'),
  }),
]);

export const satisfactionGroupSchema = z.object({
  key: z
    .string()
    .describe('the agent’s, team’s or creditor’s id, the channel, the month (YYYY-MM), the arm or the segment’s id'),
  label: z.string(),
  invited: z.number().int(),
  answered: z.number().int(),
  responseRatePercent: z.number().nullable(),
  csat: csatSchema,
  /** NPS of the answers that gave a recommendation; "too few" under the minimum sample like the rate. */
  nps: npsSchema,
  /** Mean ease (1-7) of the answers that gave one; hidden under the minimum sample like the rate. */
  easeMean: z.number().nullable(),
});
export type SatisfactionGroup = z.infer<typeof satisfactionGroupSchema>;

export const figuresQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(24).default(6).describe('the months counted, this one included'),
});

export const satisfactionFiguresSchema = z.object({
  from: z.string().describe('the first day counted, YYYY-MM-DD'),
  minimumAnswers: z.number().int(),
  overall: satisfactionGroupSchema,
  by: z.object(
    Object.fromEntries(SATISFACTION_DIMENSIONS.map((dimension) => [dimension, z.array(satisfactionGroupSchema)])) as {
      [K in SatisfactionDimension]: z.ZodArray<typeof satisfactionGroupSchema>;
    },
  ),
});
export type SatisfactionFigures = z.infer<typeof satisfactionFiguresSchema>;

export const satisfactionCommentsSchema = z.object({
  items: z.array(
    z.object({
      answeredAt: z.string(),
      score: z.number().int(),
      ease: z.number().int().nullable(),
      comment: z.string().describe('minimised: e-mails, phone numbers and IBANs removed'),
      agentName: z.string().nullable().describe('null for a survey answered in place on the portal'),
      teamName: z.string().nullable(),
      channel: z.enum(['email', 'sms', 'portal']),
      interactionKind: z.enum(INTERACTION_KINDS),
    }),
  ),
});
export type SatisfactionComments = z.infer<typeof satisfactionCommentsSchema>;

/** The survey's settings, reference data a compliance officer or manager changes with the reason why. */
export const satisfactionSettingsBody = z.strictObject({
  /** At most one invitation per debtor in this many days. */
  invitationGapDays: z.number().int().min(1).max(365),
  /** An interaction older than this many days is no longer worth a survey. */
  interactionWindowDays: z.number().int().min(1).max(30),
  /** How long a survey link stays usable. */
  tokenValidDays: z.number().int().min(1).max(60),
  /** Groups with fewer answers read "too few answers", never a rate. */
  minimumAnswers: z.number().int().min(1).max(1000),
  /** Whether the survey asks the recommendation question (NPS, 0-10, optional for the debtor). */
  askRecommendation: z.boolean(),
  /** Why these figures: a decision, a note, a rule. */
  source: z.string().trim().min(1).max(500),
});
export type SatisfactionSettingsBody = z.infer<typeof satisfactionSettingsBody>;
export const satisfactionSettingsSchema = satisfactionSettingsBody.extend({
  updatedAt: z.string().datetime(),
});
export type SatisfactionSettingsView = z.infer<typeof satisfactionSettingsSchema>;

export const SATISFACTION_PROBLEMS = [
  'satisfaction.survey_unknown',
  'satisfaction.survey_answered',
  'satisfaction.survey_expired',
  'satisfaction.survey_not_offered',
] as const;
