/** Italian texts of what the household keeps and of the sources of the budget's steps (merged into it.ts as `budgetLeft`). */
export const budgetLeftIt = {
  afterExpenses: 'Resta dopo le spese',
  afterRepayment: 'Resta dopo le spese e il rimborso',
  floor: 'Minimo da tenere ogni mese',
  belowFloor:
    'Attenzione: rimborsando {{capacity}} al mese, il nucleo tiene solo {{left}} dopo le spese, meno del minimo di {{floor}}. Proponete meno o rivedete il bilancio con il nucleo.',
  floorPlaceholder: 'Importo indicativo, da fissare dall’agenzia.',
  allowanceUsed: 'Importo forfettario usato, {{category}}',
  source: 'Fonte: {{source}}',
  choices: {
    unseizable_left_out:
      'scelta dell’agenzia: le prestazioni non pignorabili (RSA, prestazioni familiari, aiuto per l’alloggio) non sono contate',
    left_after_expenses: 'scelta dell’agenzia: mostrare ciò che resta al nucleo una volta pagate le spese',
    living_floor: 'scelta dell’agenzia: un minimo che il nucleo tiene dopo le spese e il rimborso',
  },
};
