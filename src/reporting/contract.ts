import { z } from 'zod';
import { exportFormatQuery } from '../platform/http/schemas.js';
import { COMPLAINT_SUBJECTS, CONDUCT_CHANNELS, DISPUTE_OUTCOMES, REFERRAL_STEPS } from './core/conduct.js';
import { withheldCount } from './care/contract.js';

// The care unit's figures, in their own section.
export * from './care/contract.js';

/** The API of reporting: the dashboard's figures. */

export const dashboardSchema = z.object({
  openCases: z.number().int(),
  balanceCents: z.number().int(),
  creditors: z.array(
    z.object({
      creditorId: z.string(),
      creditorName: z.string(),
      openCases: z.number().int(),
      balanceCents: z.number().int(),
      stages: z.array(z.object({ stage: z.string(), cases: z.number().int(), balanceCents: z.number().int() })),
    }),
  ),
});

export type Dashboard = z.infer<typeof dashboardSchema>;

/** A calendar month, as the reports' filters take it. */
export const calendarMonth = z
  .string()
  .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .describe('a calendar month, YYYY-MM');

/**
 * Portfolio performance (issue 20, docs/reporting.md): recovery rates and liquidation curves by creditor and vintage,
 * read from the facts the reporting job rewrites every five minutes.
 */
export const portfolioReportQuery = z
  .strictObject({
    creditorId: z.uuid().optional().describe("one creditor; a creditor user's own whatever is asked"),
    mandateId: z.uuid().optional().describe('one mandate of that creditor'),
    placementId: z
      .uuid()
      .optional()
      .describe("one placement (intake batch): the cases whose first claim it placed; another creditor's reads empty"),
    from: calendarMonth.optional().describe('first vintage (month of placement); 11 months before `to` if absent'),
    to: calendarMonth.optional().describe('last vintage, included; the current month if absent'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'the last vintage must be on or after the first',
    path: ['to'],
  });
export type PortfolioReportQuery = z.infer<typeof portfolioReportQuery>;
export const portfolioExportQuery = portfolioReportQuery.safeExtend(exportFormatQuery);

/** The placements a report may be filtered by: completed intake batches in the reader's scope, newest first. */
export const reportPlacementsQuery = z.strictObject({
  creditorId: z.uuid().optional().describe("one creditor; a creditor user's own whatever is asked"),
  mandateId: z.uuid().optional().describe('one mandate of that creditor'),
});
export const reportPlacementsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      creditorId: z.string(),
      mandateId: z.string(),
      mandateCode: z.string(),
      placedOn: z.string().describe('YYYY-MM-DD'),
      fileName: z.string().nullable(),
      cases: z.number().int().describe('the cases it placed first, as the last refresh counted them'),
    }),
  ),
});
export type ReportPlacements = z.infer<typeof reportPlacementsSchema>;

const curvePoint = z.object({
  monthsSince: z.number().int().describe('months since placement; 0 is the month of placement'),
  collectedCents: z.number().int().describe('collected from placement to the end of this month'),
  rateBp: z.number().int().nullable().describe('collected ÷ placed, in basis points (1 % = 100)'),
});

const vintageCurve = z.object({
  vintage: z.string().describe('the month the cases were placed, YYYY-MM'),
  cases: z.number().int(),
  placedCents: z.number().int(),
  collectedCents: z.number().int(),
  recoveryBp: z.number().int().nullable(),
  points: z.array(curvePoint),
});

export const portfolioReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string().describe('the current month in the agency calendar: curves stop there'),
  refreshedAt: z.string().nullable().describe('when the figures were last rewritten; null before the first run'),
  creditors: z.array(
    z.object({
      creditorId: z.string(),
      creditorName: z.string(),
      cases: z.number().int(),
      placedCents: z.number().int(),
      collectedCents: z.number().int(),
      recoveryBp: z.number().int().nullable(),
      curve: z.array(curvePoint).describe('all vintages together, weighted by the money placed'),
      vintages: z.array(vintageCurve),
    }),
  ),
});
export type PortfolioReport = z.infer<typeof portfolioReportSchema>;

/**
 * Champion/challenger (issue 20, docs/reporting.md): per segment that has or had a challenger, the two arms compared,
 * from the facts the reporting job rewrites every five minutes. Filters on the cohort: the month a case entered the
 * segment.
 */
export const championChallengerQuery = z
  .strictObject({
    creditorId: z.uuid().optional().describe("one creditor; a creditor user's own whatever is asked"),
    mandateId: z.uuid().optional().describe('one mandate of that creditor'),
    from: calendarMonth.optional().describe('first cohort (month cases entered the segment); 11 months before `to`'),
    to: calendarMonth.optional().describe('last cohort, included; the current month if absent'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'the last cohort must be on or after the first',
    path: ['to'],
  });
export type ChampionChallengerQuery = z.infer<typeof championChallengerQuery>;
export const championChallengerExportQuery = championChallengerQuery.safeExtend(exportFormatQuery);

const testFields = {
  test: z.enum(['welch_t', 'two_proportion_z', 'fisher_exact']).nullable().describe('null: too few to test'),
  statistic: z.number().nullable().describe("t or z; null for Fisher's exact test"),
  pValue: z.number().min(0).max(1).nullable(),
  significant: z.boolean().describe('p below `alpha`'),
};
const warning = z.enum(['too_few_cases', 'skewed_sample', 'too_few_promises', 'too_few_answers']);
const meanFigure = z.object({
  ...testFields,
  champion: z.object({ n: z.number().int(), mean: z.number().int().nullable() }),
  challenger: z.object({ n: z.number().int(), mean: z.number().int().nullable() }),
  difference: z.number().int().nullable().describe('challenger minus champion'),
  warnings: z.array(warning),
});
const rateSide = z.object({ n: z.number().int(), k: z.number().int(), rateBp: z.number().int().nullable() });
const rateFigure = z.object({
  ...testFields,
  champion: rateSide,
  challenger: rateSide,
  differenceBp: z.number().int().nullable().describe('challenger minus champion, basis points'),
  warnings: z.array(warning),
});
const armTotals = z.object({
  cases: z.number().int(),
  collectedCents: z.number().int(),
  payingCases: z.number().int(),
  spreadCents: z.number().int().nullable().describe('standard deviation of collected per case'),
});
export const experimentDecisionSchema = z.object({
  id: z.string(),
  segmentId: z.string(),
  decision: z.enum(['promote', 'keep', 'stop']),
  note: z.string(),
  decidedAt: z.string(),
  decidedBy: z.string().nullable(),
  strategyVersionBefore: z.number().int(),
  strategyVersionAfter: z.number().int().nullable(),
});
export type ExperimentDecision = z.infer<typeof experimentDecisionSchema>;

export const championChallengerSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  refreshedAt: z.string().nullable(),
  alpha: z.number(),
  minCasesPerArm: z.number().int(),
  minimumAnswers: z.number().int().describe('satisfaction: an arm with fewer answers shows no mean'),
  segments: z.array(
    z.object({
      segmentId: z.string(),
      segmentName: z.string(),
      running: z.boolean().describe('the strategy in force still has a challenger in this segment'),
      sharePercent: z.number().int().nullable(),
      note: z.string().nullable().describe("the challenger's question, as the strategy states it"),
      champion: armTotals,
      challenger: armTotals,
      collected: meanFigure.describe('collected per case, cents'),
      keptPromises: rateFigure,
      complaints: rateFigure,
      satisfaction: meanFigure.describe('mean score 1–5, in hundredths'),
      recommendation: z.enum(['keep_champion', 'promote_challenger', 'keep_testing']),
      reasons: z.array(z.string()),
      lastDecision: experimentDecisionSchema.nullable().describe("null for a creditor user: the agency's decision"),
    }),
  ),
});
export type ChampionChallengerReport = z.infer<typeof championChallengerSchema>;

export const experimentDecisionBody = z.strictObject({
  segmentId: z.string().min(1).max(64),
  decision: z
    .enum(['promote', 'keep', 'stop'])
    .describe(
      "promote: the challenger's treatment becomes the segment's; keep: the test goes on; stop: champion alone",
    ),
  note: z.string().trim().min(1).max(2000),
});

/**
 * Portfolio outcomes (issue 20, docs/reporting.md "Outcomes"): right-party contacts, promises, plans, days to the first
 * payment, stages and the flow between them, over the whole scope (every creditor, or the one chosen; a creditor user's
 * own), from the facts the reporting job rewrites every five minutes. The filters are the portfolio report's; a figure
 * by vintage reads its months as vintages, a figure by month as the months things happened in.
 */
export const CASE_STAGES = [
  'amicable',
  'plan',
  'dispute',
  'overindebtedness',
  'judicial',
  'deceased',
  'closed',
] as const;
const rateBp = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .nullable()
  .describe('basis points (1 % = 100); null: nothing to divide');
export const portfolioOutcomesSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  refreshedAt: z.string().nullable(),
  vintages: z.array(
    z.object({
      vintage: z.string().describe('month of placement, YYYY-MM'),
      cases: z.number().int(),
      attempts: z.number().int().describe('outbound phone calls'),
      rightParty: z.number().int().describe('of them, reaching the debtor'),
      rightPartyBp: rateBp,
      reachedCases: z.number().int().describe('cases with at least one conversation with the debtor'),
      reachedBp: rateBp.describe('reached cases ÷ cases placed'),
      payingCases: z.number().int(),
      meanDaysToFirstPayment: z.number().int().nullable(),
      medianDaysToFirstPayment: z.number().int().nullable(),
    }),
  ),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM, agency calendar'),
      attempts: z.number().int(),
      rightParty: z.number().int(),
      rightPartyBp: rateBp,
      workedCases: z.number().int().describe('cases with a phone contact in the month, either way'),
      reachedCases: z.number().int(),
      reachedBp: rateBp.describe('reached cases ÷ worked cases'),
      promises: z.object({
        made: z.number().int(),
        open: z.number().int(),
        kept: z.number().int(),
        broken: z.number().int(),
        cancelled: z.number().int(),
        madeCents: z.number().int(),
        keptCents: z.number().int(),
        keptBp: rateBp.describe('kept ÷ (kept + broken)'),
      }),
      plans: z.object({
        agreed: z.number().int(),
        onTrack: z.number().int(),
        behind: z.number().int(),
        completed: z.number().int(),
        broken: z.number().int(),
        ended: z.number().int(),
        onTrackBp: rateBp.describe('(on track + completed) ÷ agreed'),
        brokenBp: rateBp,
      }),
    }),
  ),
  stages: z.array(z.object({ stage: z.enum(CASE_STAGES), cases: z.number().int(), shareBp: rateBp })),
  flows: z.array(
    z.object({
      month: z.string(),
      fromStage: z.enum(['placed', ...CASE_STAGES]).describe('placed: the case entered its first stage'),
      toStage: z.enum(CASE_STAGES),
      moves: z.number().int(),
    }),
  ),
});
export type PortfolioOutcomes = z.infer<typeof portfolioOutcomesSchema>;
export { COMPLAINT_SUBJECTS, CONDUCT_CHANNELS, DISPUTE_OUTCOMES, REFERRAL_STEPS };

/**
 * The responsible-collection ("conduct") report (issue 20, docs/reporting.md): contacts against the policy's caps,
 * refusals by rule, complaints, disputes, fragile debtors and satisfaction, beside the money collected, per month of
 * the period; from the facts the reporting job rewrites every five minutes.
 */
export const conductReportQuery = z
  .strictObject({
    creditorId: z.uuid().optional().describe("one creditor; a creditor user's own whatever is asked"),
    mandateId: z.uuid().optional().describe('one mandate of that creditor'),
    from: calendarMonth.optional().describe('first month of the period; 11 months before `to` if absent'),
    to: calendarMonth.optional().describe('last month, included; the current month if absent'),
    teamId: z
      .uuid()
      .optional()
      .describe(
        'one team, the team the cases are assigned to; a team leader reads their own team only, whatever is asked; staff who may read the teams report only (403 for a creditor user)',
      ),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'the last month must be on or after the first',
    path: ['to'],
  });
export type ConductReportQuery = z.infer<typeof conductReportQuery>;
export const conductExportQuery = conductReportQuery.safeExtend(exportFormatQuery);

const contactBucket = z.object({ contacts: z.number().int(), caseWeeks: z.number().int() });

const deadlineCounts = z.object({
  answered_in_time: z.number().int(),
  answered_late: z.number().int(),
  open_in_time: z.number().int(),
  open_overdue: z.number().int(),
});

const conductTeamSchema = z.object({
  teamId: z.string().nullable().describe('null: cases assigned to no team'),
  teamName: z.string().nullable(),
  caseWeeks: z.number().int(),
  attempts: z.number().int().describe('outbound attempts, every channel'),
  perCaseWeekHundredths: z.number().int().nullable(),
  capPerWeek: z.number().int().nullable().describe('the weekly cap on every channel together'),
  overCapCaseWeeks: z.number().int().describe('case-weeks above a weekly cap, any channel: 0 when the policy held'),
  refused: z.number().int().describe('attempts the policy refused'),
  byRule: z.array(
    z.object({
      rule: z.string(),
      refusals: withheldCount.describe('withheld below the smallest cell for a care rule'),
    }),
  ),
});

export const conductReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string().describe('the current month in the agency calendar'),
  refreshedAt: z.string().nullable().describe('when the figures were last rewritten; null before the first run'),
  smallestCell: z.number().int().describe('care counts below it are withheld'),
  minimumAnswers: z.number().int().describe('satisfaction: fewer answers show no CSAT'),
  policyVersion: z
    .number()
    .int()
    .nullable()
    .describe('the contact policy in force, whose caps the weeks are read against'),
  teamId: z
    .string()
    .nullable()
    .describe("the team the figures are held to (the one asked for, or a team leader's own); null: every team"),
  teamChoices: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('the teams the reader may choose; empty for a creditor user'),
  byTeam: z
    .array(conductTeamSchema)
    .describe("the period's contacts against the caps per team of the cases; empty for a creditor user"),
  months: z.array(
    z.object({
      month: z.string(),
      collectedCents: z.number().int().describe('payments received in the month, reversed ones left out'),
      caseWeeks: z.number().int(),
      attempts: z.number().int().describe('outbound contact attempts in the weeks starting in the month'),
      overCapCaseWeeks: z.number().int().describe('case-weeks above the weekly cap, any channel'),
      refused: z.number().int(),
      complaints: z.number().int(),
      disputes: z.number().int(),
      answers: z.number().int(),
      csatBasisPoints: z.number().int().nullable().describe('null under `minimumAnswers`'),
    }),
  ),
  contacts: z.array(
    z.object({
      channel: z.enum(CONDUCT_CHANNELS),
      capPerWeek: z.number().int().nullable().describe('the most attempts the policy allows in a calendar week'),
      capId: z.string().nullable(),
      caseWeeks: z.number().int(),
      attempts: z.number().int(),
      perCaseWeekHundredths: z.number().int().nullable(),
      buckets: z.array(contactBucket).describe('case-weeks with 0, 1, … up to the cap attempts'),
      overCap: z.array(contactBucket).describe('case-weeks above the cap, by attempts: empty when the policy held'),
      overCapCaseWeeks: z.number().int(),
    }),
  ),
  refusals: z.object({
    attempts: z.number().int(),
    byChannel: z.array(z.object({ channel: z.string(), attempts: z.number().int() })),
    byRule: z.array(
      z.object({
        rule: z.string(),
        refusals: withheldCount.describe('withheld below the smallest cell for a care rule'),
      }),
    ),
  }),
  complaints: z.object({
    total: z.number().int(),
    byStatus: deadlineCounts,
    bySubject: z.array(deadlineCounts.extend({ subject: z.enum(COMPLAINT_SUBJECTS), total: z.number().int() })),
  }),
  disputes: z.object({
    opened: z.number().int(),
    byOutcome: z.array(z.object({ outcome: z.enum(DISPUTE_OUTCOMES), disputes: z.number().int() })),
    answered: z.number().int(),
    medianDaysToAnswer: z.number().int().nullable(),
  }),
  care: z.object({
    debtors: z.number().int().describe('debtors with an open case today'),
    fragile: withheldCount,
    shareBasisPoints: z.number().int().nullable(),
    referrals: z.array(z.object({ step: z.enum(REFERRAL_STEPS), referrals: withheldCount })),
  }),
  satisfaction: z.object({
    answers: z.number().int(),
    satisfied: z.number().int().nullable().describe('4 or 5 out of 5; null under `minimumAnswers`'),
    csatBasisPoints: z.number().int().nullable(),
  }),
});
export type ConductReport = z.infer<typeof conductReportSchema>;
