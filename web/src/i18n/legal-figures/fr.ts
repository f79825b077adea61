/** French texts of the procedures' figures of law (merged into fr.ts as `legalFigures`). */
export const legalFiguresFr = {
  heading: 'Délais et barèmes des procédures',
  intro:
    'Les délais que comptent les procédures de surendettement et judiciaires, et le droit proportionnel du commissaire de justice. Chaque chiffre vaut à partir de sa date ; un délai se compte avec le chiffre en vigueur le jour où il commence, puis ne change plus.',
  readOnly: 'Un agent de conformité ou un administrateur ajoute un chiffre à partir d’une date.',
  add: 'Ajouter un chiffre daté',
  added: 'Chiffre ajouté : {{deadline}}, à partir du {{date}}.',
  procedures: { overindebtedness: 'Surendettement', judicial: 'Procédure judiciaire' },
  columns: { deadline: 'Délai', length: 'Durée', moves: 'Jour fermé', validFrom: 'À partir du' },
  length: {
    days_one: '{{count}} jour',
    days_other: '{{count}} jours',
    months_one: '{{count}} mois',
    months_other: '{{count}} mois',
  },
  units: { days: 'jours', months: 'mois' },
  moves: 'Reporté au jour ouvré suivant',
  stays: 'Non reporté',
  upcoming: 'À venir',
  replaced: 'Remplacé',
  inForce: 'En vigueur',
  tags: { law: 'Loi', check: 'À confirmer', choice: 'Choix de l’agence' },
  fee: {
    heading: 'Droit proportionnel du commissaire de justice (A444-32)',
    intro:
      'À la charge du créancier (R444-55), sur les sommes encaissées par le commissaire : un taux par tranche, un minimum et un plafond.',
    from: 'Barème à partir du {{date}}',
    band: 'Tranche',
    rate: 'Taux',
    between: 'De {{from}} à {{to}}',
    above: 'Au-delà de {{from}}',
    bounds: 'Minimum {{floor}} (et droit fixe jusqu’à {{upto}}), plafond {{cap}}.',
  },
  form: {
    heading: 'Ajouter un chiffre daté',
    deadline: 'Délai',
    amount: 'Durée',
    unit: 'Unité',
    tag: 'Statut du chiffre',
    validFrom: 'À partir du',
    validFromHint: 'Aujourd’hui ou plus tard : un délai déjà commencé garde son chiffre.',
    source: 'Source (texte, article)',
    moves: 'Un délai qui finit un samedi, un dimanche ou un jour férié est reporté au jour ouvré suivant (CPC 642)',
    submit: 'Ajouter le chiffre',
    close: 'Fermer le formulaire',
  },
  addFee: 'Ajouter un barème daté',
  feeForm: {
    heading: 'Ajouter un barème du droit proportionnel (A444-32)',
    validFromHint:
      'Aujourd’hui ou plus tard : chaque encaissement est calculé avec le barème en vigueur le jour où il est reçu.',
    floor: 'Minimum (€)',
    floorUpto: 'Droit fixe jusqu’à (€)',
    cap: 'Plafond (€)',
    amountHint: 'En euros, par exemple 1250,50.',
    amountInvalid: '{{field}} : saisissez un montant en euros, par exemple 1250,50.',
    bands: 'Tranches',
    bandsHint:
      'Chaque tranche va jusqu’à un montant, à un taux en pour cent (deux décimales au plus) ; la dernière prend tout ce qui dépasse.',
    bandUpto: 'Tranche {{n}} : jusqu’à (€)',
    bandRate: 'Tranche {{n}} : taux (%)',
    openBandRate: 'Tranche {{n}}, au-delà : taux (%)',
    rateInvalid: '{{field}} : saisissez un taux en pour cent, deux décimales au plus, par exemple 4,50.',
    addBand: 'Ajouter une tranche',
    removeBand: 'Retirer',
    removeBandLabel: 'Retirer la tranche {{n}}',
    submit: 'Ajouter le barème',
    added: 'Barème ajouté, à partir du {{date}}.',
    seeField: 'Le serveur a refusé le barème : voyez le champ «\u00a0{{field}}\u00a0».',
  },
};

export const legalFiguresProblemsFr = {
  legal_figures: {
    valid_from_past:
      'Un chiffre s’ajoute à partir d’aujourd’hui ou d’un jour à venir : un délai déjà compté garde son chiffre.',
    already_dated: 'Ce chiffre a déjà une ligne à cette date : choisissez un autre jour.',
    bands_unordered: 'Les tranches doivent monter : chaque borne au-dessus de la précédente.',
    last_band_open: 'Seule la dernière tranche est ouverte (sans borne) ; toutes les autres en ont une.',
    floor_above_cap: 'Le minimum ne peut pas dépasser le plafond.',
  },
};
