/** The outcomes section of the portfolio performance page (docs/reporting.md, "Outcomes"). */
export const portfolioOutcomesFr = {
  heading: 'Résultats du portefeuille',
  intro:
    'Contacts utiles, promesses, plans, délai du premier paiement et étapes des dossiers, sur le même périmètre que les courbes. Un chiffre par millésime lit les mois comme des mois de placement ; un chiffre par mois, comme les mois où les choses se sont passées.',
  chartLabel: 'Graphique : {{figure}} ; le tableau à côté donne les mêmes chiffres.',
  contactsByMonth: 'Contacts avec le débiteur, par mois',
  contactsHint:
    'Appels aboutis : appels sortants où le débiteur lui-même a répondu, sur les appels sortants. Dossiers joints : dossiers avec au moins une conversation avec le débiteur (appel sortant ou entrant) sur les dossiers avec un appel dans le mois.',
  contactsByVintage: 'Contacts avec le débiteur, par millésime',
  contactsVintageHint:
    'Depuis le placement : appels sortants aboutis sur les appels sortants, et dossiers joints au moins une fois sur les dossiers confiés.',
  promises: 'Promesses de paiement, par mois où elles ont été faites',
  promisesHint:
    'Leur état aujourd’hui. Taux de tenue : tenues sur tenues et rompues (une promesse en cours ou annulée ne dit encore rien).',
  plans: 'Plans de paiement, par mois où ils ont été convenus',
  plansHint:
    'Leur état aujourd’hui. Dans les temps : en cours sans échéance en retard, ou soldés. En retard : une échéance impayée à date. Terminés autrement : annulés ou renégociés.',
  firstPayment: 'Jours jusqu’au premier paiement, par millésime',
  firstPaymentHint:
    'Du placement au premier paiement non annulé, pour les dossiers qui ont payé. La médiane est la valeur du milieu (la plus basse des deux pour un nombre pair).',
  stages: 'Dossiers par étape aujourd’hui',
  stagesHint: 'Les dossiers des millésimes choisis, selon leur étape aujourd’hui ; les parts sont arrondies une à une.',
  flows: 'Passages d’une étape à l’autre',
  flowsHint:
    'Chaque changement d’étape de l’historique des dossiers, par mois ; «\u00a0Placement\u00a0» est l’entrée dans la première étape. Le graphique totalise la période.',
  noFlows: 'Aucun changement d’étape sur la période.',
  placed: 'Placement',
  fees: 'Recouvrement sans frais pour le débiteur',
  feesText:
    'Frais de recouvrement facturés aux débiteurs par l’agence : {{amount}}. C’est structurel : au stade amiable, l’agence ne facture aucuns frais au débiteur (CPCE L111-8) et la base refuse une telle ligne ; seuls les frais d’une procédure judiciaire sous titre exécutoire peuvent lui être mis à charge.',
  axis: {
    percent: '%',
    count: 'Nombre',
    days: 'Jours',
    cases: 'Dossiers',
    moves: 'Passages',
  },
  series: {
    calls: 'Appels aboutis',
    cases: 'Dossiers joints',
  },
  col: {
    move: 'Passage',
    month: 'Mois',
    vintage: 'Millésime',
    attempts: 'Appels sortants',
    rightParty: 'Dont aboutis',
    worked: 'Dossiers appelés',
    reached: 'Dossiers joints',
    cases: 'Dossiers',
    paying: 'Dossiers payants',
    mean: 'Moyenne (jours)',
    median: 'Médiane (jours)',
    stage: 'Étape',
    share: 'Part',
    from: 'De',
    to: 'Vers',
    moves: 'Passages',
  },
  promise: {
    made: 'Faites',
    kept: 'Tenues',
    broken: 'Rompues',
    open: 'En cours',
    cancelled: 'Annulées',
    keptRate: 'Taux de tenue',
    madeAmount: 'Montant promis',
  },
  plan: {
    agreed: 'Convenus',
    onTrack: 'Dans les temps',
    onTrackOnly: 'En cours à jour',
    completed: 'Soldés',
    behind: 'En retard',
    broken: 'Rompus',
    ended: 'Terminés autrement',
    onTrackRate: 'Dans les temps (%)',
    brokenRate: 'Rompus (%)',
  },
};
