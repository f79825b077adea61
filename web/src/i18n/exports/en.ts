export const exportsEn = {
  label: 'Export:',
  as: 'Export {{what}} as {{format}}',
  preparing: 'Preparing the file…',
  lists: {
    cases: 'the case list',
    payments: 'the payments of the period',
    queues: 'the team queues',
    rejectedLines: 'the rejected lines',
    audit: 'the audit trail',
    portfolio: 'the portfolio performance',
    portfolioOutcomes: 'the portfolio outcomes',
    championChallenger: 'the champion and challenger comparison',
    conduct: 'the responsible-collection figures',
    agentsTeams: 'the agents and teams figures',
  },
};

export const exportsProblemsEn = {
  export: {
    too_many_rows:
      'This list has more than 100,000 rows: narrow its filters (a period, a creditor, a stage) and export again.',
  },
};
