/** French texts of what the household keeps and of the sources of the budget's steps (merged into fr.ts as `budgetLeft`). */
export const budgetLeftFr = {
  afterExpenses: 'Reste après les dépenses',
  afterRepayment: 'Reste après les dépenses et le remboursement',
  floor: 'Minimum à garder chaque mois',
  belowFloor:
    'Attention : avec un remboursement de {{capacity}} par mois, le foyer ne garde que {{left}} après ses dépenses, moins que le minimum de {{floor}}. Proposez moins, ou revoyez le budget avec lui.',
  floorPlaceholder: 'Montant indicatif, à fixer par l’agence.',
  allowanceUsed: 'Forfait utilisé, {{category}}',
  source: 'Source : {{source}}',
  choices: {
    unseizable_left_out:
      'choix de l’agence : les prestations insaisissables (RSA, prestations familiales, aide au logement) ne sont pas comptées',
    left_after_expenses: 'choix de l’agence : montrer ce qui reste au foyer une fois ses dépenses payées',
    living_floor: 'choix de l’agence : un minimum que le foyer garde après ses dépenses et le remboursement',
  },
};
