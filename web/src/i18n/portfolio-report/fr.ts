/** Portfolio performance: recovery rates and liquidation curves by creditor and vintage (docs/reporting.md). */
export const portfolioReportFr = {
  title: 'Performance du portefeuille',
  intro:
    'Ce qui a été encaissé sur ce qui a été confié, par créancier et par millésime (le mois où les dossiers ont été confiés à l’agence). Une courbe de liquidation suit un millésime mois après mois : elle monte quand l’argent arrive, et ne descend jamais.',
  filters: 'Filtres',
  creditor: 'Créancier',
  allCreditors: 'Tous les créanciers',
  from: 'Premier millésime',
  to: 'Dernier millésime',
  monthsHint: 'Mois au format AAAA-MM ; les douze derniers mois si vous n’en choisissez pas.',
  show: 'Afficher',
  export: 'Exporter en CSV',
  exportXlsx: 'Exporter en XLSX',
  asOf: 'Millésimes de {{from}} à {{to}}, chiffres au {{asOf}}.',
  refreshed: 'Chiffres recalculés à {{time}} (toutes les cinq minutes).',
  notRefreshed: 'Les chiffres n’ont pas encore été calculés : ils le seront dans les cinq minutes.',
  summaryHeading: 'Taux de recouvrement par créancier',
  column: {
    creditor: 'Créancier',
    cases: 'Dossiers confiés',
    placed: 'Montant confié',
    collected: 'Encaissé',
    rate: 'Taux de recouvrement',
    vintage: 'Millésime',
    month: 'M+{{n}}',
  },
  curvesHeading: 'Courbes de liquidation : {{creditor}}',
  chartLabel:
    'Courbes de liquidation de {{creditor}} : taux de recouvrement cumulé (axe vertical) par mois depuis le placement (axe horizontal), une courbe par millésime ; le tableau qui suit donne les mêmes chiffres.',
  monthsSince: 'Mois depuis le placement',
  cumulativeRate: 'Taux cumulé (%)',
  portfolio: 'Ensemble',
  tableCaption: 'Taux cumulé par millésime et par mois depuis le placement ({{creditor}})',
  tableHint:
    'M+0 est le mois du placement. Une case vide : ce mois n’est pas encore arrivé. La ligne Ensemble ne compte, à chaque mois, que les mois de placement qui l’ont atteint : elle peut baisser quand les plus récents n’y sont plus.',
  none: 'Aucun dossier confié sur cette période.',
  notPlaced: '—',
};
