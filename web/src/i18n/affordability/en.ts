/** English texts of what the household keeps and of the sources of the budget's steps (merged into en.ts as `budgetLeft`). */
export const budgetLeftEn = {
  afterExpenses: 'Left after expenses',
  afterRepayment: 'Left after expenses and the repayment',
  floor: 'Minimum to keep each month',
  belowFloor:
    'Warning: repaying {{capacity}} a month, the household keeps only {{left}} after its expenses, less than the {{floor}} minimum. Propose less, or review the budget with them.',
  floorPlaceholder: 'An indicative amount, for the agency to set.',
  allowanceUsed: 'Standard allowance used, {{category}}',
  source: 'Source: {{source}}',
  choices: {
    unseizable_left_out:
      'the agency’s choice: benefits that cannot be seized (RSA, family benefits, housing benefit) are not counted',
    left_after_expenses: 'the agency’s choice: show what the household has left once its expenses are paid',
    living_floor: 'the agency’s choice: a minimum the household keeps after its expenses and the repayment',
  },
};
