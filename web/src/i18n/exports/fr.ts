export const exportsFr = {
  label: 'Exporter :',
  as: 'Exporter {{what}} en {{format}}',
  preparing: 'Préparation du fichier…',
  lists: {
    cases: 'la liste des dossiers',
    payments: 'les paiements de la période',
    queues: 'les files des équipes',
    rejectedLines: 'les lignes rejetées',
    audit: 'le journal d’audit',
    portfolio: 'la performance du portefeuille',
    portfolioOutcomes: 'les résultats du portefeuille',
    championChallenger: 'la comparaison champion et challenger',
    conduct: 'les chiffres des pratiques responsables',
    agentsTeams: 'les chiffres des équipes et agents',
  },
};

export const exportsProblemsFr = {
  export: {
    too_many_rows:
      'Cette liste dépasse 100 000 lignes : resserrez les filtres (une période, un créancier, une étape) puis exportez de nouveau.',
  },
};
