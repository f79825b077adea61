import type { teamsReportFr, teamsReportProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const teamsReportEn: Widen<typeof teamsReportFr> = {
  title: 'Teams and agents',
  intro:
    'What each team and each agent did, day by day or week by week: the quality of the calls and what debtors said first, then calls, conversations, promises, plans and money collected. Nobody is judged on money alone.',
  filters: 'Filters',
  from: 'First day',
  to: 'Last day',
  periodHint: 'The last four weeks when you choose nothing; a year at most.',
  granularity: 'By',
  day: 'day',
  week: 'week',
  weekTick: 'W{{week}}',
  team: 'Team',
  allTeams: 'All teams',
  show: 'Show',
  span: 'From {{from}} to {{to}}.',
  refreshed: 'Figures computed at {{time}} (every five minutes).',
  notRefreshed: 'The figures have not been computed yet: they will be within five minutes.',
  none: 'No activity recorded in this period.',
  noTeam: 'No team',
  teamsHeading: 'By team',
  agentsHeading: 'By agent',
  column: {
    name: 'Name',
    team: 'Team',
    quality: 'Quality (reviews)',
    csat: 'Satisfaction (answers)',
    calls: 'Calls',
    conversations: 'Conversations',
    conversationRate: 'Conversation rate',
    promises: 'Promises',
    plans: 'Plans agreed',
    collected: 'Collected',
    period: 'Period',
  },
  reviews_one: '{{count}} review',
  reviews_other: '{{count}} reviews',
  answers_one: '{{count}} answer',
  answers_other: '{{count}} answers',
  smallSample: 'small sample',
  tooFew: 'too few answers',
  noReview: 'no review',
  smallSampleHint:
    '"Small sample": fewer than {{reviews}} reviews, the mean says little. Satisfaction shows from {{answers}} answers on. The money counted is what arrived after a promise or a plan of the agent (within {{days}} days).',
  chartHeading: 'Over time',
  figure: 'Figure',
  chartLabel: '{{figure}} by {{granularity}}, one line per team; the table below gives the same figures.',
  chartTable: '{{figure}} by {{granularity}} and team',
  figures: {
    meanScore: 'Mean quality (%)',
    csat: 'Satisfaction (CSAT, %)',
    calls: 'Calls',
    conversations: 'Conversations',
    promises: 'Promises',
    plans: 'Plans agreed',
    collected: 'Collected (€)',
  },
};

export const teamsReportProblemsEn: Widen<typeof teamsReportProblemsFr> = {
  period_reversed: 'The period must end on or after its first day: choose a later last day.',
  period_too_long: 'Ask for 366 days at most: choose a later first day or an earlier last day.',
};
