/** La Ruche, la formation : ses pages, en français (le texte de référence). */
export const trainingFr = {
  title: 'Formation',
  intro:
    'La Ruche : les fondamentaux du métier, ouverts à tous, à tout moment. Chaque module se termine par un quiz ; réussir les modules demandés donne les certifications qui ouvrent les files spécialisées.',
  teamLink: 'Voir la formation de mon équipe',
  certificationsHeading: 'Mes certifications',
  modulesHeading: 'Mes modules',
  pathsHeading: 'Mon parcours vers une autre équipe',
  certificationNames: {
    contact_policy: 'Politique de contact',
    care_unit: 'Cellule d’accompagnement',
    overindebtedness: 'Surendettement',
    judicial: 'Judiciaire',
  },
  status: {
    valid: 'Valide',
    expiring: 'Bientôt échue',
    stale: 'À renouveler (nouvelle politique)',
    expired: 'Échue',
    none: 'Pas encore obtenue',
  },
  columns: {
    certification: 'Certification',
    status: 'État',
    earnedOn: 'Obtenue le',
    countsUntil: 'Valable jusqu’au',
    modules: 'Modules demandés',
  },
  daysLeft_one: 'encore {{count}} jour',
  daysLeft_other: 'encore {{count}} jours',
  queueNames: {
    amicable: 'Amiable',
    care: 'Cellule d’accompagnement',
    overindebtedness: 'Surendettement',
    judicial: 'Judiciaire',
  },
  path: {
    asks: 'Demande : {{certifications}}',
    open: 'Vous pouvez prendre des dossiers de cette file.',
    toEarn: 'À obtenir : {{certifications}}.',
    modules: 'Modules à réussir :',
  },
  progress: {
    notStarted: 'Pas encore commencé',
    passedOn: 'Réussi le {{date}}',
    best: 'Meilleur score : {{percent}} % ({{count}} essais)',
  },
  countsFor: 'Compte pour : {{certifications}}',
  minutes: '{{count}} min',
  module: {
    meta: 'Version {{version}} · {{minutes}} min de lecture · quiz de {{draw}} questions tirées parmi {{bank}}, réussi à {{passMark}} %',
    start: 'Passer le quiz',
    starting: 'Préparation du quiz…',
    attemptsHeading: 'Mes essais',
    noAttempts: 'Aucun essai pour l’instant.',
    back: 'Retour à la formation',
    columns: { startedAt: 'Commencé le', score: 'Score', outcome: 'Résultat' },
    passed: 'Réussi',
    failed: 'Non réussi',
    unfinished: 'Non terminé',
    score: '{{correct}} sur {{outOf}}',
    resume: 'Reprendre',
  },
  quiz: {
    title: 'Quiz : {{module}}',
    intro: 'Répondez aux {{count}} questions. Il faut {{passMark}} % de bonnes réponses pour réussir.',
    question: 'Question {{number}} : {{text}}',
    submit: 'Envoyer mes réponses',
    submitting: 'Envoi…',
    unanswered_one: 'Il reste {{count}} question sans réponse.',
    unanswered_other: 'Il reste {{count}} questions sans réponse.',
    passed: 'Réussi : {{correct}} bonnes réponses sur {{outOf}} ({{percent}} %).',
    failed: 'Pas encore : {{correct}} bonnes réponses sur {{outOf}} ({{percent}} %). Relisez le module et réessayez.',
    earned: 'Certification obtenue : {{certifications}}.',
    right: 'Bonne réponse : {{answer}}',
    wrong: 'Votre réponse : {{answer}}. La bonne réponse : {{right}}.',
    again: 'Repasser le quiz',
    backToModule: 'Retour au module',
  },
  team: {
    title: 'Formation de l’équipe',
    intro:
      'Où en est chacun : les modules réussis, les certifications et leur échéance, les files où chacun peut prendre des dossiers aujourd’hui.',
    empty: 'Personne dans votre équipe pour l’instant.',
    columns: {
      person: 'Personne',
      team: 'Équipe',
      modules: 'Modules réussis',
      certifications: 'Certifications',
      queues: 'Files ouvertes',
    },
    modules: '{{passed}} sur {{total}}',
    certification: '{{name}} : {{status}}',
    until: '{{name}} : {{status}} jusqu’au {{date}}',
  },
};

export const trainingProblemsFr = {
  training: {
    certification_required:
      'Pour prendre des dossiers de cette file, il faut une certification valide : réussissez les modules demandés sur votre page Formation.',
    certification_required_named:
      'Pour prendre des dossiers de cette file, il faut une certification valide en : {{names}}. Réussissez les modules demandés sur votre page Formation.',
    attempt_submitted: 'Ces réponses ont déjà été envoyées : repassez le quiz pour un nouvel essai.',
    unknown_question: 'Certaines réponses portent sur des questions que ce quiz n’a pas posées : rechargez la page.',
  },
};
