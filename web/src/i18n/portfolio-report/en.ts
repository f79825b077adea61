import type { portfolioReportFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const portfolioReportEn: Widen<typeof portfolioReportFr> = {
  title: 'Portfolio performance',
  intro:
    'What was collected out of what was placed, by creditor and by vintage (the month the cases were placed with the agency). A liquidation curve follows a vintage month after month: it rises as money comes in, and never goes down.',
  filters: 'Filters',
  creditor: 'Creditor',
  allCreditors: 'All creditors',
  mandate: 'Mandate',
  allMandates: 'All mandates',
  placement: 'Placement',
  allPlacements: 'All placements',
  placementChoice: '{{date}} · {{file}} ({{mandate}}, {{cases}} cases)',
  placementNoFile: 'no file',
  from: 'First vintage',
  to: 'Last vintage',
  monthsHint: 'Months as YYYY-MM; the last twelve months when you choose none.',
  show: 'Show',
  export: 'Export as CSV',
  exportXlsx: 'Export as XLSX',
  asOf: 'Vintages from {{from}} to {{to}}, figures as of {{asOf}}.',
  refreshed: 'Figures computed at {{time}} (every five minutes).',
  notRefreshed: 'The figures have not been computed yet: they will be within five minutes.',
  summaryHeading: 'Recovery rate by creditor',
  column: {
    creditor: 'Creditor',
    cases: 'Cases placed',
    placed: 'Amount placed',
    collected: 'Collected',
    rate: 'Recovery rate',
    vintage: 'Vintage',
    month: 'M+{{n}}',
  },
  curvesHeading: 'Liquidation curves: {{creditor}}',
  chartLabel:
    'Liquidation curves of {{creditor}}: cumulative recovery rate (vertical axis) by month since placement (horizontal axis), one curve per vintage; the table below gives the same figures.',
  monthsSince: 'Months since placement',
  cumulativeRate: 'Cumulative rate (%)',
  portfolio: 'All vintages',
  tableCaption: 'Cumulative rate by vintage and month since placement ({{creditor}})',
  tableHint:
    'M+0 is the month of placement. An empty cell: that month has not come yet. The All vintages line counts, at each month, only the placement months that have reached it: it may fall when the newest ones drop out.',
  none: 'No case placed in this period.',
  notPlaced: '—',
};
