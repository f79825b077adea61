/**
 * French texts of the agent's workspace (merged into fr.ts as `workspace`) and of its problem codes (spread into
 * `problems`). French is the reference: en.ts and it.ts follow its keys.
 */
export const workspaceFr = {
  title: 'Mon poste',
  heading: 'Mon poste',
  intro:
    'Votre journée : le dossier suivant à appeler, celui en cours, vos chiffres du jour et les tâches de suivi à faire.',
  teams_one: 'Votre file : {{teams}}.',
  teams_other: 'Vos files : {{teams}}.',
  noTeam:
    'Vous n’êtes rattaché·e à aucune équipe : aucun dossier ne peut vous être confié. Demandez à un administrateur de vous ajouter à une équipe.',
  next: {
    heading: 'Dossier suivant',
    button: 'Dossier suivant',
    taking: 'Recherche du dossier suivant…',
    none: 'Aucun dossier ne peut être appelé maintenant.',
    later_one:
      '{{formatted}} dossier attend un moment où l’appel sera permis (heures de contact, délai entre deux appels, rappel convenu). Réessayez un peu plus tard.',
    later_other:
      '{{formatted}} dossiers attendent un moment où l’appel sera permis (heures de contact, délai entre deux appels, rappels convenus). Réessayez un peu plus tard.',
    nextAt: 'Prochain appel permis : {{moment}}.',
    emptyQueue: 'Vos files sont vides pour le moment.',
  },
  waiting: {
    atLeast: '{{number}} ou plus',
    callableNow: 'À appeler maintenant',
    later: 'Plus tard',
    nothingNowLater_one:
      'Rien à appeler pour l’instant : {{formatted}} dossier pourra l’être plus tard, quand la politique de contact le permettra.',
    nothingNowLater_other:
      'Rien à appeler pour l’instant : {{formatted}} dossiers pourront l’être plus tard, quand la politique de contact le permettra.',
    nothingAtAll: 'Rien à appeler pour l’instant, et rien n’attend dans vos files.',
  },
  today: {
    heading: 'Aujourd’hui',
    calls: 'Appels',
    conversations: 'Conversations avec le débiteur',
    promises: 'Promesses de paiement',
  },
  current: {
    heading: 'Dossier en cours',
    link: 'Dossier {{reference}} — {{name}}',
    release: 'Rendre le dossier',
    releaseHint:
      'Rendre le dossier le remet dans la file, pour vous ou un collègue. Enregistrer l’appel le rend aussi.',
    released: 'Dossier {{reference}} rendu : il retourne dans la file.',
    none: 'Aucun dossier en cours. Prenez le dossier suivant pour commencer.',
  },
  tasks: {
    openHeading: 'Tâches de suivi ouvertes',
    noneOpen: 'Aucune tâche de suivi ouverte.',
    openCaption: 'Tâches de suivi ouvertes de vos équipes',
    caseHeading: 'Tâches de suivi du dossier',
    noneOnCase: 'Aucune tâche de suivi sur ce dossier.',
    caseCaption: 'Tâches de suivi du dossier',
    task: 'Tâche',
    case: 'Dossier',
    due: 'Échéance',
    team: 'Équipe',
    status: 'État',
    statuses: { open: 'Ouverte', done: 'Faite', cancelled: 'Annulée' },
    markDone: 'Marquer comme faite',
    markDoneLabel: 'Marquer comme faite : {{title}} (dossier {{reference}})',
    marking: 'Enregistrement…',
    doneMessage: 'Tâche faite : {{title}}.',
  },
  queue: {
    heading: 'Place dans la file',
    none: 'Ce dossier n’est dans aucune file d’appel.',
    team: 'Équipe',
    segment: 'Segment de la stratégie',
    arms: { champion: 'champion (traitement de référence)', challenger: 'challenger (traitement alternatif)' },
    tier: 'Rang',
    tiers: {
      callback: 'Rappel convenu',
      promise: 'Promesse due ou non tenue',
      follow_up: 'Tâche de suivi due',
      standard: 'Ordinaire',
    },
    priority: 'Priorité',
    channels: 'Canaux prévus',
    callableFrom: 'Appel possible à partir de',
    callableByActOnly: 'Pas d’appel possible tant qu’un acte ne lève pas le refus (suspension, opposition…)',
    noCallPlanned: 'Aucun appel prévu par la stratégie',
    lease: 'Pris par',
    leaseValue: '{{name}}, jusqu’à {{until}}',
    notLeased: 'Personne',
    assignedTo: 'Confié à',
    paused: 'Segment',
    pausedValue: 'En pause : ses dossiers ne sont pas proposés',
    reasons: 'Pourquoi ce dossier est à cette place :',
  },
  shortcuts: {
    link: 'Raccourcis clavier',
    heading: 'Raccourcis clavier',
    next: 'Prendre le dossier suivant',
    outcome: 'Aller au résultat de l’appel',
    budget: 'Ouvrir le budget du foyer',
    help: 'Afficher cette liste',
    typingHint: 'Les raccourcis ne jouent pas pendant la saisie dans un champ. Échap ferme cette fenêtre.',
    close: 'Fermer',
  },
  case: {
    localTime: 'Heure du débiteur :',
    localTimeZone: '{{zone}}, {{country}}',
  },
  standing: {
    heading: 'Où en est ce dossier',
    procedure: 'La procédure engagée',
    next: 'La suite, et quand',
    ifNoSolution: 'Sans solution',
  },
  call: {
    abandon: 'Abandonner l’appel',
    resumed:
      'Appel en cours repris tel que vous l’aviez laissé (la note et le motif ne sont pas gardés après un rechargement de la page).',
    heading: 'Conversation guidée',
    intro: 'Cochez chaque étape au fil de l’appel ; la liste est enregistrée avec l’appel pour les revues qualité.',
    steps: 'Étapes de l’appel',
    identityReminderTitle: 'Identité non confirmée :',
    identityReminder:
      'ne dites rien de la dette, du créancier ni de l’agence tant que vous ne parlez pas au débiteur lui-même.',
    lockedStep: '(après la confirmation de l’identité)',
    outcome: 'Issue de l’appel',
    outcomes: {
      right_party: 'J’ai parlé au débiteur (identité confirmée)',
      no_answer: 'Pas de réponse',
      busy: 'Occupé',
      voicemail: 'Messagerie : message neutre laissé',
      wrong_number: 'Mauvais numéro',
      third_party: 'Un tiers a répondu',
    },
    voicemailTitle: 'Message à laisser, mot pour mot :',
    voicemailHint: 'Rien d’autre : ni la dette, ni le créancier, ni l’activité de l’agence.',
    thirdPartyHint:
      'Rien n’est dit au tiers : ni la dette, ni le créancier, ni l’activité de l’agence. Vous pouvez demander quand rappeler.',
    noPhones: 'Le débiteur n’a aucun numéro de téléphone enregistré.',
    contactPoint: 'Numéro composé',
    choosePhone: 'Choisissez le numéro',
    contactPointHint:
      'Ce numéro sera marqué comme erroné et ne sera plus utilisé ; une recherche de coordonnées sera ouverte.',
    result: 'Ce que la conversation a donné',
    results: {
      promise: 'Promesse de paiement',
      callback: 'Rappel à l’heure choisie par le débiteur',
      refusal: 'Refus',
      dispute: 'Contestation de la dette',
      hardship: 'Difficultés (fragilité)',
      bereavement: 'Deuil (décès d’un proche)',
      already_paid: 'Déjà payé',
      information: 'Information seulement',
    },
    amount: 'Montant promis (€)',
    amountHint: 'En euros, par exemple 150 ou 150,50. Solde du dossier : {{balance}}.',
    dueOn: 'Date du paiement',
    dueOnHint_one: 'Au plus {{count}} jour à l’avance : jusqu’au {{to}}.',
    dueOnHint_other: 'Au plus {{count}} jours à l’avance : jusqu’au {{to}}.',
    callbackAt: 'Moment du rappel',
    callbackDate: 'Date du rappel',
    callbackTime: 'Heure du rappel',
    callbackHint: 'À l’heure du débiteur ({{zone}}). Le dossier passera en tête de file à ce moment-là.',
    disputeReason: 'Motif de la contestation',
    hardshipReason: 'Ce que le débiteur a dit de sa situation',
    bereavementReason: 'Ce que le débiteur a dit du deuil',
    disputeHint:
      'Ce que le débiteur conteste, en quelques mots. Le recouvrement sera suspendu jusqu’à la réponse du créancier.',
    hardshipHint: 'En mots adaptés au dossier, sans détail de santé. Le dossier passe à la cellule accompagnement.',
    bereavementHint:
      'Quelques mots neutres («\u00a0décès de son conjoint\u00a0»), sans autre détail. Les contacts s’arrêtent 30 jours et le dossier passe à la cellule accompagnement.',
    note: 'Note (facultative)',
    healthReminder:
      'N’écrivez ici aucun détail de santé : ils vont dans les champs protégés de la cellule accompagnement.',
    noteCount: '{{used}} / {{max}} caractères',
    submit: 'Enregistrer l’appel',
    submitting: 'Enregistrement…',
    recorded: 'Appel enregistré : {{outcome}}',
    actions: 'Ce qui a suivi :',
    refused: 'La politique de contact refuse cet appel maintenant : rien n’a été enregistré.',
    errors: {
      outcome: 'Choisissez l’issue de l’appel.',
      identity:
        'Confirmez d’abord l’identité (cochez la première étape) : sans elle, l’appel n’est pas une conversation avec le débiteur.',
      result: 'Choisissez ce que la conversation a donné.',
      contactPoint: 'Choisissez le numéro composé.',
      amount: 'Saisissez un montant en euros, plus grand que zéro, avec au plus deux décimales.',
      dueOn: 'Choisissez une date entre le {{from}} et le {{to}}.',
      callback: 'Choisissez une date et une heure à venir.',
      reason: 'Écrivez le motif (au moins 3 caractères).',
      disclosed:
        'Ces étapes ne se font qu’avec le débiteur, identité confirmée : {{steps}}. Décochez-les, ou choisissez «\u00a0J’ai parlé au débiteur\u00a0».',
    },
  },
  promises: {
    heading: 'Promesses de paiement',
    none: 'Aucune promesse de paiement sur ce dossier.',
    caption: 'Promesses de paiement du dossier',
    dueOn: 'Échéance',
    amount: 'Montant',
    paid: 'Payé depuis',
    status: 'État',
    createdAt: 'Faite le',
    statuses: { open: 'En cours', kept: 'Tenue', broken: 'Non tenue', cancelled: 'Annulée' },
    cancel: 'Annuler la promesse',
    cancelLabel: 'Annuler la promesse de {{amount}} due le {{date}}',
    cancelTitle: 'Annuler la promesse de {{amount}} due le {{date}}',
    reason: 'Motif de l’annulation',
    reasonHint: 'Au moins 3 caractères ; le motif reste dans l’historique du dossier.',
    reasonTooShort: 'Écrivez le motif (au moins 3 caractères).',
    confirmCancel: 'Confirmer l’annulation',
    keep: 'Ne pas annuler',
    cancelled: 'Promesse de {{amount}} due le {{date}} annulée.',
  },
};

export const workspaceProblemsFr = {
  workspace: {
    no_queue:
      'Vous n’êtes rattaché·e à aucune équipe qui travaille des files d’appel : aucun dossier ne peut vous être confié. Demandez à un administrateur de vous ajouter à une équipe.',
    no_care_team:
      'Aucune équipe d’accompagnement n’existe pour reprendre ce dossier : un administrateur doit en créer une. Rien n’a été enregistré.',
  },
  queue: {
    leased_by_other: 'Un collègue travaille déjà ce dossier : prenez le dossier suivant.',
    not_leased:
      'Ce dossier ne vous est pas confié en ce moment (le délai est peut-être passé) : il est retourné dans la file.',
  },
  call: {
    result_needs_right_party:
      'Ce que la conversation a donné ne s’enregistre qu’après avoir parlé au débiteur lui-même.',
    promise_missing: 'Une promesse de paiement a besoin d’un montant et d’une date.',
    callback_missing: 'Un rappel a besoin d’une date et d’une heure.',
    reason_missing: 'Une contestation, des difficultés ou un deuil ont besoin d’un motif écrit.',
    contact_point_invalid: 'Ce numéro n’est pas un numéro de téléphone du débiteur : choisissez-en un dans la liste.',
    case_closed: 'Ce dossier est clos : aucun appel ne peut y être enregistré.',
    unknown_step:
      'Une étape cochée ne fait pas partie du script d’appel : rechargez la page puis cochez de nouveau les étapes.',
    disclosed_without_identity:
      'Des étapes cochées ne se font qu’avec le débiteur, identité confirmée : décochez-les, ou choisissez «\u00a0J’ai parlé au débiteur\u00a0».',
    identity_not_confirmed:
      'Une conversation avec le débiteur commence par la confirmation de son identité : cochez cette étape, ou enregistrez l’appel comme «\u00a0Un tiers a répondu\u00a0».',
  },
  promise: {
    amount_too_high: 'Le montant promis dépasse le solde du dossier : promettez au plus le solde.',
    due_out_of_range:
      'La date du paiement doit être aujourd’hui ou plus tard, sans dépasser la limite indiquée sous le champ.',
    already_open:
      'Une promesse de paiement est déjà en cours sur ce dossier : annulez-la d’abord, ou attendez son échéance.',
    reason_missing: 'Écrivez pourquoi la promesse est annulée (au moins 3 caractères).',
    not_open: 'Cette promesse n’est plus en cours (tenue, non tenue ou déjà annulée) : son état à jour est affiché.',
  },
  task: {
    not_open: 'Cette tâche n’est plus ouverte, peut-être faite par un collègue : son état à jour est affiché.',
  },
};
