/** Texts of the case's essentials, at the top of the case page (French, the reference). */
export const caseOverviewFr = {
  heading: 'L’essentiel',
  balance: 'Reste dû',
  state: 'Étape et statut',
  next: 'Prochaine action',
  taskDue: '{{title}}, le {{date}}',
  promiseDue: 'Promesse de {{amount}} attendue le {{date}}',
  callFrom: 'Appel possible à partir du {{date}}',
  nothingPlanned: 'Rien de prévu',
  reach: 'Joindre',
  noContact: 'Aucun moyen de contact utilisable',
  holds: 'Suspensions',
  noHolds: 'Aucune',
  holdUntil: '{{kind}} jusqu’au {{date}}',
  secondary: 'Historique et pièces',
};
