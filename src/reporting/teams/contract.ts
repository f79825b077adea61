import { z } from 'zod';
import { calendarDate, exportFormatQuery } from '../../platform/http/schemas.js';

/**
 * The agents and teams report (docs/reporting.md, "Agents and teams"): per agent and team, per day or ISO week, the
 * quality of the calls and what debtors said beside the work and the money. Staff only: the figures name the agency's
 * people.
 */

export const TEAMS_GRANULARITIES = ['day', 'week'] as const;

export const teamsReportQuery = z
  .strictObject({
    from: calendarDate.optional().describe('first day (agency calendar); 27 days before `to` if absent'),
    to: calendarDate.optional().describe('last day, included; today if absent'),
    granularity: z
      .enum(TEAMS_GRANULARITIES)
      .default('week')
      .describe('day, or ISO week (Monday to Sunday): a week widens the period to whole weeks'),
    teamId: z.uuid().optional().describe('one team; a team leader reads only their own team, whatever is asked'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'the period must end on or after its first day',
    path: ['to'],
  });
export type TeamsReportQuery = z.infer<typeof teamsReportQuery>;
export const teamsExportQuery = teamsReportQuery.safeExtend(exportFormatQuery);

const csatSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('too_few'), answers: z.number().int(), minimum: z.number().int() }),
  z.object({
    status: z.literal('rate'),
    answers: z.number().int(),
    satisfied: z.number().int(),
    percent: z.number().describe('share of 4 and 5, one decimal'),
    interval: z.object({ lowPercent: z.number(), highPercent: z.number() }).describe("Wilson's 95 % interval"),
  }),
]);

export const teamFiguresSchema = z.object({
  reviews: z.number().int().describe('call-quality reviews of calls made in the period'),
  reviewScoreBpSum: z.number().int(),
  meanScoreBp: z.number().int().nullable().describe('mean review score, basis points (10,000 = 100 %)'),
  fewReviews: z.boolean().describe('fewer reviews than `minimumReviews`: a small sample'),
  answers: z.number().int().describe('satisfaction answers about interactions in the period'),
  satisfied: z.number().int(),
  csat: csatSchema,
  calls: z.number().int().describe('phone calls recorded, made or taken'),
  conversations: z.number().int().describe('of them, a conversation with the debtor (right party)'),
  conversationRateBp: z.number().int().nullable(),
  promises: z.number().int(),
  plans: z.number().int().describe('plans first agreed in the period'),
  payments: z.number().int().describe('payments attributed (following their promise or plan)'),
  collectedCents: z.number().int(),
});
export type TeamFigures = z.infer<typeof teamFiguresSchema>;

const lineSchema = z.object({
  id: z.string().describe("the agent's or the team's id ('none' for agents without a team)"),
  name: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  total: teamFiguresSchema,
  periods: z.array(teamFiguresSchema).describe('one per period of `periods`, in the same order'),
});
export type TeamsReportLine = z.infer<typeof lineSchema>;

export const teamsReportSchema = z.object({
  from: z.string().describe('first day counted (a Monday for weeks)'),
  to: z.string().describe('last day counted (a Sunday for weeks)'),
  granularity: z.enum(TEAMS_GRANULARITIES),
  teamId: z.string().nullable(),
  refreshedAt: z.string().nullable(),
  minimumAnswers: z.number().int(),
  minimumReviews: z.number().int(),
  attributionDays: z.number().int(),
  teamChoices: z.array(z.object({ id: z.string(), name: z.string() })).describe('the teams the reader may choose'),
  periods: z.array(z.object({ key: z.string(), first: z.string() })),
  teams: z.array(lineSchema),
  agents: z.array(lineSchema),
});
export type TeamsReport = z.infer<typeof teamsReportSchema>;
