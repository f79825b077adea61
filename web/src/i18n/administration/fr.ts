/** Textes de l’administration (utilisateurs, équipes, pôles) et du double contrôle des reversements (fusionnés dans fr.ts sous `administration`). */
export const administrationFr = {
  user: {
    back: 'Utilisateurs',
    edit: 'Gérer',
    editLabel: 'Gérer le compte de {{name}}',
    facts: 'Compte',
    email: 'Adresse e-mail',
    team: 'Équipe',
    noTeam: 'Aucune équipe',
    status: 'État',
    active: 'Actif',
    inactive: 'Désactivé',
    teamHeading: 'Équipe',
    teamSave: 'Changer d’équipe',
    teamSaved: '{{name}} rejoint son équipe.',
    roleHeading: 'Rôle',
    roleHint:
      'Un rôle qui donne plus de droits, ou un autre créancier, attend l’approbation d’un responsable ou d’un agent de conformité (jamais la vôtre) ; d’ici là le compte garde son rôle. Un rôle moindre s’applique tout de suite et ferme les sessions.',
    roleSave: 'Changer le rôle',
    roleWaiting: 'Changement demandé : il attend l’approbation d’une deuxième personne.',
    roleSaved: 'Le rôle de {{name}} est changé ; ses sessions sont fermées.',
    creditor: 'Créancier',
    passwordHeading: 'Mot de passe',
    passwordHint:
      'Vous ne choisissez ni ne connaissez le mot de passe : réinitialiser ferme les sessions de la personne ; après l’approbation d’un responsable ou d’un agent de conformité, elle en choisit un nouveau à sa prochaine connexion.',
    passwordReset: 'Réinitialiser le mot de passe',
    passwordResetLabel: 'Réinitialiser le mot de passe de {{name}}',
    passwordResetDone:
      'Réinitialisation demandée : les sessions de {{name}} sont fermées, une deuxième personne doit l’approuver.',
    passwordResetPending: 'Réinitialisation en attente d’approbation : le compte ne peut pas se connecter d’ici là.',
    passwordChangeRequired: 'Approuvée : la personne choisira un nouveau mot de passe à sa prochaine connexion.',
    accessHeading: 'Accès',
    deactivateHint: 'Désactiver ferme toutes les sessions du compte à l’instant ; le réactiver lui rend l’accès.',
  },
  teams: {
    title: 'Équipes et pôles',
    link: 'Équipes et pôles',
    intro:
      'Un pôle regroupe les équipes d’un même responsable (le pôle judiciaire, le pôle amiable) ; chaque équipe appartient à un pôle au plus. Chaque changement est inscrit au journal d’audit.',
    caption: 'Les équipes, leur pôle et leurs membres',
    name: 'Équipe',
    kind: 'Métier',
    pole: 'Pôle',
    noPole: 'Aucun pôle',
    members: 'Membres',
    rename: 'Nouveau nom de {{name}}',
    poleOf: 'Pôle de {{name}}',
    save: 'Enregistrer',
    saveLabel: 'Enregistrer {{name}}',
    saved: 'L’équipe {{name}} est enregistrée.',
    create: 'Créer une équipe',
    newName: 'Nom de l’équipe',
    createSubmit: 'Créer l’équipe',
    created: 'L’équipe {{name}} est créée.',
    poles: 'Pôles',
    polesCaption: 'Les pôles et leur nombre d’équipes',
    poleTeams: 'Équipes : {{count}}',
    renamePole: 'Nouveau nom du pôle {{name}}',
    createPole: 'Créer un pôle',
    newPole: 'Nom du pôle',
    createPoleSubmit: 'Créer le pôle',
    poleSaved: 'Le pôle {{name}} est enregistré.',
    kinds: {
      amicable: 'Amiable',
      care: 'Accompagnement',
      overindebtedness: 'Surendettement',
      judicial: 'Judiciaire',
      management: 'Direction',
      compliance: 'Conformité',
      administration: 'Administration',
    },
  },
  forgotten: {
    link: 'Mot de passe oublié ?',
    title: 'Mot de passe oublié',
    intro:
      'Indiquez l’adresse e-mail de votre compte et choisissez un nouveau mot de passe. Un responsable ou un agent de conformité vous contactera pour vérifier que la demande vient bien de vous, puis l’approuvera.',
    choose: 'Choisissez votre nouveau mot de passe : personne d’autre ne le connaîtra.',
    submit: 'Envoyer la demande',
    sending: 'Envoi…',
    failed: 'La demande n’a pas pu être envoyée',
    sent: 'Demande reçue.',
    next: 'Si un compte actif correspond à cette adresse, un responsable ou un agent de conformité vous contactera pour vérifier la demande. Une fois approuvée, connectez-vous avec le nouveau mot de passe. D’ici là, votre mot de passe actuel reste valable.',
    back: 'Retour à la connexion',
  },
  login: {
    mustChange:
      'Votre mot de passe a été réinitialisé : choisissez-en un nouveau pour vous connecter. Personne d’autre ne le connaîtra.',
    newPassword: 'Nouveau mot de passe',
    newPasswordHint: 'Au moins 12 caractères, différent de l’actuel ; une phrase de quelques mots convient bien.',
    confirm: 'Confirmez le nouveau mot de passe',
    mismatch: 'Les deux mots de passe ne sont pas identiques.',
    submitNew: 'Enregistrer et se connecter',
  },
  fourEyes: {
    status: 'État',
    statuses: { prepared: 'À libérer', released: 'Libéré', cancelled: 'Annulé' },
    releasedBy: 'Libéré par',
    releasedAt: 'Libéré le',
    cancelledBy: 'Annulé par',
    heading: 'Double contrôle',
    waitingOther:
      'Vous avez préparé ce reversement : une autre personne habilitée doit le libérer avant que le virement puisse être produit.',
    waitingRelease:
      'Ce reversement attend d’être libéré. Vérifiez les montants et le créancier : le libérer enregistre le paiement et permet de produire le virement.',
    release: 'Libérer le reversement',
    releasing: 'Libération…',
    released: 'Reversement libéré : le fichier de virement peut être téléchargé.',
    cancel: 'Annuler la préparation',
    cancelling: 'Annulation…',
    cancelled: 'Préparation annulée : ses encaissements reviendront dans le prochain reversement.',
    transferAfterRelease: 'Le fichier de virement sera disponible une fois le reversement libéré.',
  },
};

export const releaseProblemsFr = {
  own_preparation:
    'Vous avez préparé ce reversement : une autre personne habilitée doit le libérer (règle du double contrôle).',
  not_prepared: 'Ce reversement n’attend plus d’être libéré (déjà libéré ou annulé) : rechargez la page.',
  not_released: 'Ce reversement n’est pas libéré : une autre personne doit le libérer avant de produire le virement.',
};

/** Problèmes de l’administration, rangés sous leur espace de code (auth, users, password, teams, poles). */
export const adminProblemsFr = {
  auth: {
    too_many_reset_requests:
      'Trop de demandes de mot de passe pour cette adresse ou depuis ce réseau : patientez avant de recommencer.',
    password_change_required: 'Votre mot de passe a été réinitialisé : choisissez-en un nouveau pour vous connecter.',
  },
  users: {
    password_chosen_by_user:
      'Vous ne pouvez pas choisir le mot de passe d’une autre personne : réinitialisez-le, elle en choisira un à sa prochaine connexion.',
    own_password_reset:
      'Vous ne pouvez pas réinitialiser votre propre mot de passe : demandez à un autre administrateur.',
  },
  password: { same_as_before: 'Choisissez un mot de passe différent de l’actuel.' },
  teams: {
    name_taken: 'Une équipe porte déjà ce nom : choisissez-en un autre.',
    unknown_pole: 'Ce pôle n’existe plus : rechargez la page.',
  },
  poles: { name_taken: 'Un pôle porte déjà ce nom : choisissez-en un autre.' },
};
