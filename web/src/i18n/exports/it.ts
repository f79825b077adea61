export const exportsIt = {
  label: 'Esporta:',
  as: 'Esporta {{what}} in {{format}}',
  preparing: 'Preparazione del file…',
  lists: {
    cases: 'l’elenco delle pratiche',
    payments: 'i pagamenti del periodo',
    queues: 'le code dei team',
    rejectedLines: 'le righe respinte',
    audit: 'il registro di audit',
    portfolio: 'la performance del portafoglio',
    portfolioOutcomes: 'i risultati del portafoglio',
    championChallenger: 'il confronto tra campione e sfidante',
    conduct: 'i dati delle pratiche responsabili',
    agentsTeams: 'i dati di squadre e operatori',
  },
};

export const exportsProblemsIt = {
  export: {
    too_many_rows:
      'Questo elenco supera 100 000 righe: restringi i filtri (un periodo, un creditore, una fase) ed esporta di nuovo.',
  },
};
