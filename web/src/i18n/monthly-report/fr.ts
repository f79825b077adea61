/** The creditors' monthly reports: download a month's PDF or XLSX, and what was sent (docs/reporting.md). */
export const monthlyReportFr = {
  title: 'Rapports mensuels',
  intro:
    'Le rapport mensuel de chaque créancier : encaissements, courbes de liquidation, contacts, promesses, plans et pratiques de recouvrement responsable. Il part le 1er de chaque mois à l’adresse de contact du créancier, en PDF et en XLSX ; vous pouvez le télécharger ici pour n’importe quel mois commencé, avec les chiffres d’aujourd’hui.',
  downloadHeading: 'Télécharger un rapport',
  creditor: 'Créancier',
  chooseCreditor: 'Choisissez un créancier',
  month: 'Mois',
  monthHint: 'Mois au format AAAA-MM ; par défaut le dernier mois terminé ({{month}}).',
  pdf: 'Télécharger le PDF',
  xlsx: 'Télécharger le XLSX',
  chooseCreditorFirst: 'Choisissez d’abord un créancier pour télécharger son rapport.',
  preparing: 'Préparation du fichier…',
  figuresNow:
    'Le fichier est composé avec les chiffres tels qu’ils sont maintenant : un rapport déjà envoyé a pu changer depuis (paiements reçus après l’envoi).',
  historyHeading: 'Rapports envoyés',
  nextSending: 'Le prochain envoi, le 1er du mois, portera sur {{month}}.',
  none: 'Aucun rapport envoyé pour l’instant.',
  column: {
    month: 'Mois',
    creditor: 'Créancier',
    recipient: 'Envoyé à',
    sentAt: 'Envoyé le',
    messageId: 'Identifiant du message',
  },
};
