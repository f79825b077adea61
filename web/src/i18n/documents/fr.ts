/** Texts of the documents on a case (French, the reference). */
export const documentsFr = {
  heading: 'Documents',
  caption: 'Documents du dossier',
  none: 'Aucun document sur ce dossier.',
  creditorIntro: 'Les documents que l’agence partage avec vous sur ce dossier, et ceux que vous avez déposés.',
  column: {
    document: 'Document',
    type: 'Type',
    source: 'Provenance',
    uploaded: 'Déposé',
    retention: 'Conservation',
    size: 'Taille',
    actions: 'Actions',
  },
  uploadedBy: '{{date}} par {{name}}',
  uploadedOnPortal: '{{date}} par le débiteur, sur son espace',
  uploadedAt: '{{date}}',
  download: 'Télécharger {{name}}',
  restricted: 'Document protégé (besoin d’en connaître)',
  sharedBadge: 'Partagé avec le créancier',
  specialBadge: 'Catégorie particulière',
  retentionOpen: '{{period}} après la clôture du dossier',
  retentionUntil: 'Jusqu’au {{date}}',
  months: '{{count}} mois',
  years: '{{count}} ans',
  bases: {
    limitation: 'Prescription de cinq ans (Code civil, art. 2224)',
    enforcement: 'Un jugement s’exécute pendant dix ans (Code des procédures civiles d’exécution, art. L111-4)',
    minimisation: 'Minimisation des données (RGPD, art. 5)',
  },
  types: {
    proof_of_income: 'Justificatif de revenus',
    identity_proof: 'Justificatif d’identité',
    medical_proof: 'Justificatif médical',
    death_certificate: 'Acte de décès',
    creditor_evidence: 'Pièce du créancier',
    court_decision: 'Décision de justice',
    correspondence: 'Courrier',
    other: 'Autre',
  },
  sources: {
    agent: 'Agence',
    debtor: 'Débiteur',
    creditor: 'Créancier',
    court: 'Tribunal',
    bailiff: 'Commissaire de justice',
    third_party: 'Tiers',
  },
  erase: {
    button: 'Effacer',
    buttonLabel: 'Effacer {{name}}',
    heading: 'Effacer «\u00a0{{name}}\u00a0» ?',
    intro:
      'Le document et son fichier seront supprimés avant la fin de leur durée de conservation. L’effacement et son motif sont enregistrés au journal d’audit ; il ne peut pas être annulé.',
    confirm: 'Effacer le document',
    done: 'Document «\u00a0{{name}}\u00a0» effacé.',
  },
  readWithReason: {
    button: 'Lire avec un motif',
    heading: 'Lire un document protégé',
    intro:
      'Ce document contient des données de catégorie particulière (santé). Vous pouvez l’ouvrir en indiquant pourquoi vous en avez besoin : votre lecture et son motif sont enregistrés.',
    confirm: 'Ouvrir le document',
  },
  reasonDialog: {
    reason: 'Motif',
    hint: 'Au moins {{count}} caractères : le motif est conservé avec l’acte.',
    cancel: 'Annuler',
  },
  upload: {
    heading: 'Ajouter un document',
    file: 'Fichier',
    fileHint: 'PDF, PNG, JPEG, TIFF ou texte, {{size}} au plus. Le type est vérifié d’après le contenu.',
    type: 'Type de document',
    source: 'Provenance',
    description: 'Description (facultative)',
    shared: 'Partager avec le créancier',
    special: 'Catégorie particulière (santé…) : lu seulement par qui a besoin d’en connaître, jamais partagé',
    submit: 'Ajouter le document',
    sending: 'Envoi…',
    done: 'Document «\u00a0{{name}}\u00a0» ajouté.',
    chooseFile: 'Choisissez un fichier.',
  },
};

export const documentsProblemsFr = {
  documents: {
    type_not_allowed:
      'Ce fichier n’est pas d’un type admis (PDF, PNG, JPEG, TIFF ou texte) : numérisez-le ou enregistrez-le en PDF.',
    empty: 'Le fichier est vide : choisissez le document de nouveau.',
    special_category_not_shared:
      'Un document de catégorie particulière (santé, par exemple) n’est jamais partagé avec le créancier : décochez le partage.',
    creditor_source_only:
      'Un créancier dépose ses propres pièces : choisissez «\u00a0Créancier\u00a0» comme provenance.',
    no_retention_period:
      'Aucune durée de conservation n’est en vigueur pour ce type de document : un administrateur doit en ajouter une.',
    need_to_know:
      'Ce document contient des données de catégorie particulière : il s’ouvre pour l’équipe d’accompagnement, la conformité et la personne qui tient le dossier.',
    file_missing: 'Le fichier de ce document n’est plus conservé.',
  },
};
