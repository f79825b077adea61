import type { portfolioOutcomesFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const portfolioOutcomesEn: Widen<typeof portfolioOutcomesFr> = {
  heading: 'Portfolio outcomes',
  intro:
    'Right-party contacts, promises, plans, days to the first payment and the cases’ stages, in the same scope as the curves. A figure by vintage reads the months as months of placement; a figure by month, as the months things happened in.',
  chartLabel: 'Chart: {{figure}}; the table beside it gives the same figures.',
  contactsByMonth: 'Contacts reaching the debtor, by month',
  contactsHint:
    'Calls reaching the debtor: outbound calls the debtor answered in person, out of outbound calls. Cases reached: cases with at least one conversation with the debtor (outbound or inbound call) out of the cases with a call in the month.',
  contactsByVintage: 'Contacts reaching the debtor, by vintage',
  contactsVintageHint:
    'Since placement: outbound calls reaching the debtor out of outbound calls, and cases reached at least once out of the cases placed.',
  promises: 'Promises to pay, by the month they were made',
  promisesHint:
    'Where they stand today. Kept rate: kept out of kept and broken (a promise still open or cancelled says nothing yet).',
  plans: 'Payment plans, by the month they were agreed',
  plansHint:
    'Where they stand today. On track: running with no instalment late, or completed. Behind: an instalment unpaid on its day. Ended otherwise: cancelled or renegotiated.',
  firstPayment: 'Days to the first payment, by vintage',
  firstPaymentHint:
    'From placement to the first payment not reversed, for the cases that paid. The median is the middle value (the lower of the two for an even count).',
  stages: 'Cases by stage today',
  stagesHint: 'The cases of the chosen vintages by their stage today; each share is rounded on its own.',
  flows: 'Moves between stages',
  flowsHint:
    'Every change of stage in the cases’ history, by month; “Placement” is the entry into the first stage. The chart adds up the period.',
  noFlows: 'No change of stage in the period.',
  placed: 'Placement',
  fees: 'Collection at no cost to the debtor',
  feesText:
    'Collection fees charged to debtors by the agency: {{amount}}. This is structural: at the amicable stage the agency charges the debtor no fee (CPCE L111-8) and the database refuses such a line; only the costs of court proceedings under an enforcement title may be charged to the debtor.',
  axis: {
    percent: '%',
    count: 'Count',
    days: 'Days',
    cases: 'Cases',
    moves: 'Moves',
  },
  series: {
    calls: 'Calls reaching the debtor',
    cases: 'Cases reached',
  },
  col: {
    move: 'Move',
    month: 'Month',
    vintage: 'Vintage',
    attempts: 'Outbound calls',
    rightParty: 'Reaching the debtor',
    worked: 'Cases called',
    reached: 'Cases reached',
    cases: 'Cases',
    paying: 'Paying cases',
    mean: 'Mean (days)',
    median: 'Median (days)',
    stage: 'Stage',
    share: 'Share',
    from: 'From',
    to: 'To',
    moves: 'Moves',
  },
  promise: {
    made: 'Made',
    kept: 'Kept',
    broken: 'Broken',
    open: 'Open',
    cancelled: 'Cancelled',
    keptRate: 'Kept rate',
    madeAmount: 'Amount promised',
  },
  plan: {
    agreed: 'Agreed',
    onTrack: 'On track',
    onTrackOnly: 'Running, up to date',
    completed: 'Completed',
    behind: 'Behind',
    broken: 'Broken',
    ended: 'Ended otherwise',
    onTrackRate: 'On track (%)',
    brokenRate: 'Broken (%)',
  },
};
