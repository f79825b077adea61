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
    first_letter_italian:
      'Ce dossier relève de l’Italie : la première lettre française (R124-4) ne s’applique pas, et la première lettre italienne suit d’autres règles, pas encore disponibles dans Accord.',
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
    posting_day_invalid: 'Le jour du dépôt doit tomber entre le jour de l’envoi et aujourd’hui.',
    returned_letter_unknown:
      'Aucune lettre d’un envoi ne porte cette référence sur ce dossier : indiquez plutôt l’adresse où elle est partie.',
    returned_address_unknown:
      'Cette adresse n’est pas une adresse du débiteur, ou ce n’est pas celle où la lettre est partie.',
    returned_day_invalid:
      'Une lettre revient après son envoi, et au plus tard aujourd’hui : vérifiez la date de retour.',
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
  },
  pagesSheets: '{{pages}} pages, {{sheets}} feuilles',
  noFiles: 'Aucun fichier (aucune lettre)',
  downloadPdf: 'PDF des lettres du {{date}}',
  downloadManifest: 'Manifeste CSV du {{date}}',
  postingDay: 'Jour du dépôt de l’envoi du {{date}}',
  confirmPosting: 'Confirmer le dépôt',
  posted: 'Dépôt confirmé.',
  postedOn: 'Déposé le {{date}} ({{by}})',
};

export const returnedMailFr = {
  open: 'Courrier revenu (NPAI)',
  heading: 'Courrier revenu (NPAI)',
  intro:
    'La lettre est revenue avec la mention « n’habite pas à l’adresse indiquée » : l’adresse sera marquée erronée et une recherche d’adresse ouverte.',
  reference: 'Référence de la lettre',
  returnedOn: 'Jour du retour',
  reason: 'Motif indiqué sur l’enveloppe',
  submit: 'Enregistrer le retour',
  cancel: 'Annuler',
  marked: 'Adresse marquée erronée ; une recherche d’adresse est à faire.',
  alreadyMarked: 'Cette adresse était déjà marquée erronée : rien n’a changé.',
};
