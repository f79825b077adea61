/** Textes français de la première lettre (CPCE R124-4) sur la page du dossier. */
export const firstLetterFr = {
  heading: 'Première lettre (R124-4)',
  notSent: 'La première lettre n’est pas encore partie : elle précède toute autre démarche de recouvrement.',
  preview: 'Prévisualiser (PDF, nouvel onglet)',
  send: 'Envoyer la première lettre',
  done: 'Première lettre envoyée, référence {{reference}}.',
  sent: 'Envoyée le {{date}}, référence {{reference}}.',
  document: 'La lettre envoyée (PDF, nouvel onglet)',
  sentOutside: 'Aucune lettre n’est conservée sur le dossier : envoyée hors d’Accord, ou effacée depuis.',
  confirmText:
    'Envoyer la première lettre maintenant ? Elle sera enregistrée comme envoyée aujourd’hui, avec sa référence, et conservée sur le dossier.',
  confirm: 'Oui, l’envoyer',
  cancel: 'Annuler',
};

export const communicationsProblemsFr = {
  communications: {
    first_letter_already_sent:
      'La première lettre de ce dossier est déjà partie : une nouvelle lettre est une relance, qui cite sa référence et sa date.',
    first_letter_incomplete:
      'La première lettre italienne de ce dossier ne peut pas partir telle qu’elle serait écrite : il y manque une mention obligatoire (par exemple le délai de réponse aux réclamations ou le médiateur italien, à renseigner dans les données de référence) ou un nom y imite un acte judiciaire.',
    no_letter_address:
      'Le débiteur n’a aucune adresse où écrire : enregistrez ou recherchez une adresse avant la première lettre.',
    nothing_due: 'Rien n’est dû sur ce dossier : il n’y a aucun montant à réclamer.',
    agency_address_missing:
      'L’adresse postale de l’agence n’est pas configurée (AGENCY_ADDRESS) : la première lettre doit la mentionner. Un administrateur la renseigne.',
    nothing_to_print:
      'La première lettre de chaque dossier ouvert est déjà partie : il n’y a rien à imprimer aujourd’hui.',
    print_run_not_ready:
      'Cet envoi n’a aucune lettre à poster (encore en préparation, ou tous les dossiers ont été écartés).',
    print_run_posted: 'Le dépôt de cet envoi est déjà confirmé : il ne se confirme qu’une fois.',
    print_run_closed:
      'Cet envoi a été terminé ou abandonné entre-temps : ses lettres partent avec lui ou avec le suivant.',
    print_run_not_stuck:
      'Seul un envoi resté en préparation sans signe de vie depuis 15 minutes se reprend ou s’abandonne : celui-ci est encore en cours, ou déjà terminé.',
    print_run_not_resumable:
      'Cet envoi date d’avant qu’Accord garde ses lettres telles que composées : il ne peut être redessiné. Abandonnez-le ; ses lettres restent sur leurs dossiers.',
    posting_day_invalid: 'Le jour du dépôt doit tomber entre le jour de l’envoi et aujourd’hui.',
    returned_letter_unknown:
      'Aucune lettre d’un envoi ne porte cette référence sur ce dossier : indiquez plutôt l’adresse où elle est partie.',
    returned_address_unknown:
      'Cette adresse n’est pas une adresse du débiteur, ou ce n’est pas celle où la lettre est partie.',
    returned_day_invalid:
      'Une lettre revient après son envoi, et au plus tard aujourd’hui : vérifiez la date de retour.',
    template_channel: 'Ce modèle ne s’envoie pas sur ce canal : choisissez-en un autre.',
    first_letter_missing:
      'La première lettre de ce dossier n’est pas partie : rien ne peut la précéder. Envoyez d’abord la première lettre.',
    no_recipient:
      'Le débiteur n’a ni adresse ni mobile pouvant recevoir ce message (aucun, ou chacun est erroné, en échec, refusé ou a fait l’objet d’une opposition).',
    message_discloses:
      'Ce message montrerait à un tiers de quoi il s’agit (un montant, le créancier, une dette) : il n’est pas envoyé.',
    subject_discloses_debt:
      'L’objet de cet e-mail montrerait la dette (un montant, un mot qui la dit ou le créancier) sur un écran verrouillé : il ne nomme que la référence de l’agence.',
  },
  campaigns: {
    paused: 'Cette campagne est en pause : activez-la avant de la lancer, ou prévisualisez-la.',
    owner_inactive:
      'La personne sous l’autorité de qui cette campagne tourne n’est plus responsable ou chargé·e de conformité actif·ve : une personne qui l’est doit la réactiver.',
  },
  inbound_mail: {
    unauthorized: 'Le relais de messagerie doit présenter le jeton INBOUND_MAIL_TOKEN (Authorization: Bearer).',
    not_a_message:
      'Ce n’est pas un e-mail : le relais transmet le message brut (RFC 5322) tel qu’il l’a reçu, en message/rfc822.',
    not_sent_yet:
      'Ce rapport concerne un e-mail pas encore enregistré comme envoyé : le relais le transmettra de nouveau dans quelques minutes.',
  },
};

/** Textes français des e-mails et SMS d’un dossier (page du dossier). */
export const messagesFr = {
  heading: 'E-mails, SMS et relances par courrier',
  none: 'Aucun e-mail ni SMS envoyé par Accord sur ce dossier.',
  lettersOnTimeline:
    'Les relances par courrier figurent dans l’historique du dossier, et partent avec l’envoi postal suivant.',
  formLabel: 'Envoyer un e-mail, un SMS ou une relance par courrier',
  channel: 'Canal',
  template: 'Modèle',
  preview: 'Prévisualiser',
  previewHeading: 'Le message tel qu’il partirait maintenant',
  recipient: 'À : {{recipient}}',
  noRecipient: 'Aucune adresse ni aucun mobile utilisable : ce message ne peut pas partir.',
  subject: 'Objet :',
  send: 'Envoyer ({{channel}})',
  queued: '{{channel}} accepté par la politique de contact : il part dans un instant.',
  caption: 'E-mails et SMS du dossier, du plus récent au plus ancien',
  when: 'Décidé le',
  recipientColumn: 'Destinataire',
  status: 'État',
  text: 'Texte envoyé',
  showText: 'Voir le texte',
  refused: 'La politique de contact refuse cet envoi maintenant : rien n’a été envoyé ni enregistré.',
  letter: {
    previewHeading: 'La relance par courrier telle qu’elle partirait maintenant',
    references:
      'Référence {{reference}}, datée du {{sentOn}} ; elle rappelle la première lettre {{firstLetter}} du {{firstLetterSentOn}}.',
    address: 'Adresse dans la fenêtre de l’enveloppe :',
    amount: 'Montant rappelé : {{amount}}',
    pdf: 'Voir la lettre telle qu’elle sera imprimée (PDF, nouvel onglet)',
    printRun: 'Elle partira avec le prochain envoi postal ; la politique de contact décide au moment de l’envoi.',
    send: 'Envoyer la relance par courrier',
    issued: 'Relance {{reference}} acceptée par la politique de contact : elle partira avec le prochain envoi postal.',
  },
  replies: {
    caption: 'Réponses du débiteur par SMS (une tâche est ouverte pour chacune)',
    receivedAt: 'Reçue le',
    from: 'Du numéro',
    body: 'Message',
    unmatchedHeading: 'Réponses SMS sans dossier',
    unmatchedIntro:
      'Réponses (autres que STOP) venues d’un numéro qui n’est le téléphone vérifié d’aucun débiteur à qui un SMS est parti : retrouvez le débiteur et notez-la sur son dossier.',
    unmatchedNone: 'Aucune réponse sans dossier.',
  },
};

/** Textes français des campagnes d’e-mails et de SMS. */
export const campaignsFr = {
  title: 'Campagnes d’e-mails et de SMS',
  intro:
    'Une campagne envoie chaque jour un modèle sur un canal aux dossiers de la stratégie dont le traitement prévoit ce canal. La politique de contact décide pour chaque dossier, comme pour un message envoyé à la main. Une campagne naît en pause : prévisualisez-la, puis activez-la.',
  none: 'Aucune campagne pour le moment.',
  newHeading: 'Nouvelle campagne',
  name: 'Nom',
  nameRequired: 'Donnez un nom à la campagne.',
  intervalDays: 'Intervalle (jours)',
  intervalHint: 'Un dossier déjà touché par cette campagne ne l’est pas de nouveau avant ce délai.',
  dailyLimit: 'Messages par jour au plus',
  segmentsHint:
    'Dossiers visés : ceux des segments dont le traitement prévoit ce canal, premier courrier parti, par priorité de la file.',
  create: 'Créer la campagne (en pause)',
  created: 'Campagne «\u00a0{{name}}\u00a0» créée, en pause.',
  summary:
    '{{channel}}, modèle «\u00a0{{template}}\u00a0», au plus {{limit}} messages par jour, un dossier au plus tous les {{interval}} jours.',
  status: { active: 'Active', paused: 'En pause' },
  owner: 'Elle tourne chaque jour sous l’autorité de {{name}}.',
  preview: 'Prévisualiser',
  previewed: 'Prévisualisation faite : rien n’a été enregistré ni envoyé.',
  activate: 'Activer',
  activated: 'Campagne activée : elle tournera chaque jour sous votre autorité.',
  pause: 'Mettre en pause',
  pausedDone: 'Campagne mise en pause.',
  runNow: 'Lancer maintenant',
  ran: 'Campagne lancée : les messages autorisés partent.',
  noRuns: 'Ni lancement ni prévisualisation pour le moment.',
  runsCaption: 'Lancements et prévisualisations de «\u00a0{{name}}\u00a0», du plus récent',
  kindPreview: 'Prévisualisation',
  kindRun: 'Lancement',
  column: {
    when: 'Le',
    kind: 'Type',
    selected: 'Dossiers',
    queued: 'Autorisés',
    refused: 'Refusés',
    failed: 'Échecs',
    reasons: 'Refus par règle',
  },
  reasonCount: '{{reason}} : {{n}}',
  reasons: {
    care: 'adaptation d’accompagnement',
    window: 'hors des heures du débiteur',
    cap: 'plafond de contacts atteint',
    opt_out: 'opposition au canal',
    unreachable: 'aucun moyen de contact utilisable',
    hold: 'suspension en cours',
    first_letter: 'premier courrier',
    pause_after_conversation: 'pause après une conversation',
    preference: 'souhaits du débiteur',
    case: 'dossier clos',
    estate: 'succession',
    callback: 'rappel convenu',
    communications: 'aucun destinataire utilisable',
  },
};

export const printRunsFr = {
  title: 'Envois postaux',
  intro:
    'Chaque jour, les premières lettres (R124-4) des dossiers ouverts qui n’en ont pas encore reçu partent en un seul envoi vers le routeur : un PDF (chaque lettre commence sur une page impaire, pour l’impression recto verso) et un manifeste CSV. Un dossier que la politique de contact ou les règles de la lettre écartent est listé avec la raison. Une lettre compte comme envoyée le jour de la préparation.',
  prepare: 'Préparer l’envoi du jour',
  preparing: 'Préparation en cours…',
  prepared: 'Envoi préparé : {{letters}} lettre(s), {{pages}} page(s), {{refused}} dossier(s) écarté(s).',
  refusedHeading: 'Dossiers écartés ({{count}})',
  none: 'Aucun envoi pour l’instant.',
  caption: 'Envois postaux, les plus récents d’abord',
  column: {
    date: 'Jour',
    status: 'État',
    letters: 'Lettres',
    pages: 'Pages',
    refused: 'Écartés',
    returned: 'Revenus (NPAI)',
    preparedBy: 'Préparé par',
    files: 'Fichiers',
    posting: 'Dépôt',
  },
  status: {
    preparing: 'En préparation',
    ready: 'Prêt',
    posted: 'Déposé',
    abandoned: 'Abandonné',
  },
  pagesSheets: '{{pages}} pages, {{sheets}} feuilles',
  noFiles: 'Aucun fichier (aucune lettre)',
  downloadPdf: 'PDF des lettres du {{date}}',
  downloadManifest: 'Manifeste CSV du {{date}}',
  postingDay: 'Jour du dépôt de l’envoi du {{date}}',
  confirmPosting: 'Confirmer le dépôt',
  posted: 'Dépôt confirmé.',
  postedOn: 'Déposé le {{date}} ({{by}})',
  stuck: 'Resté en préparation depuis le {{since}} : le traitement s’est interrompu.',
  preparingSince: 'En préparation (pris pour interrompu à partir de {{at}})',
  resume: 'Terminer avec ses lettres',
  abandon: 'Abandonner (ses lettres partent avec le prochain envoi)',
  resumed: 'Envoi terminé : ses fichiers sont prêts.',
  abandonedDone: 'Envoi abandonné : ses lettres partiront avec le prochain envoi.',
  abandonedOn: 'Abandonné le {{date}} ({{by}})',
  abandonedByJob: 'le traitement de nuit',
  returns: {
    heading: 'Courriers revenus (NPAI)',
    intro:
      'Le routeur renvoie une pile d’enveloppes : cherchez chaque lettre des envois des {{days}} derniers jours par sa référence, ou par une partie du nom ou de l’adresse imprimés (rue, code postal, ville), cochez celles qui sont revenues et marquez-les en une fois. Chaque adresse est marquée erronée et une recherche de coordonnées ouverte sur le dossier ; marquer de nouveau ne change rien.',
    search: 'Référence, nom, rue, code postal ou ville',
    find: 'Chercher',
    caption: 'Lettres trouvées',
    none: 'Aucune lettre des envois récents ne correspond.',
    truncated: 'D’autres lettres correspondent : précisez la recherche.',
    pick: 'Revenue : {{reference}}',
    column: {
      pick: 'Revenue',
      letter: 'Lettre',
      case: 'Dossier',
      address: 'Nom et adresse imprimés',
      run: 'Envoi',
      returned: 'Déjà revenue',
    },
    returnedOn: 'Jour du retour',
    reason: 'Mention sur l’enveloppe (facultatif)',
    mark: 'Marquer revenues ({{count}})',
    marked: '{{marked}} lettre(s) marquée(s) revenue(s) ; {{already}} déjà marquée(s) ; {{other}} non enregistrée(s).',
    outcome: {
      marked: 'marquée',
      already_marked: 'déjà marquée',
      unknown_letter: 'lettre inconnue',
      refused: 'refusée',
    },
  },
};

export const returnedMailFr = {
  open: 'Courrier revenu (NPAI)',
  heading: 'Courrier revenu (NPAI)',
  intro:
    'La lettre est revenue avec la mention «\u00a0n’habite pas à l’adresse indiquée\u00a0» : l’adresse sera marquée erronée et une recherche d’adresse ouverte.',
  reference: 'Référence de la lettre',
  returnedOn: 'Jour du retour',
  reason: 'Motif indiqué sur l’enveloppe',
  submit: 'Enregistrer le retour',
  cancel: 'Annuler',
  marked: 'Adresse marquée erronée ; une recherche d’adresse est à faire.',
  alreadyMarked: 'Cette adresse était déjà marquée erronée : rien n’a changé.',
};
