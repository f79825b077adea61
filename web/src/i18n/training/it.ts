import type { trainingFr, trainingProblemsFr } from './fr.js';

/** La Ruche, la formazione: le sue pagine, in italiano. */
export const trainingIt: typeof trainingFr = {
  title: 'Formazione',
  intro:
    'La Ruche: i fondamentali del mestiere, aperti a tutti, in qualsiasi momento. Ogni modulo si chiude con un quiz; superare i moduli richiesti dà le certificazioni che aprono le code specialistiche.',
  teamLink: 'Vedi la formazione del mio team',
  certificationsHeading: 'Le mie certificazioni',
  modulesHeading: 'I miei moduli',
  pathsHeading: 'Il mio percorso verso un altro team',
  certificationNames: {
    contact_policy: 'Politica di contatto',
    care_unit: 'Unità di accompagnamento',
    overindebtedness: 'Sovraindebitamento',
    judicial: 'Giudiziario',
  },
  status: {
    valid: 'Valida',
    expiring: 'In scadenza',
    stale: 'Da rinnovare (nuova politica)',
    expired: 'Scaduta',
    none: 'Non ancora ottenuta',
  },
  columns: {
    certification: 'Certificazione',
    status: 'Stato',
    earnedOn: 'Ottenuta il',
    countsUntil: 'Valida fino al',
    modules: 'Moduli richiesti',
  },
  daysLeft_one: 'ancora {{count}} giorno',
  daysLeft_other: 'ancora {{count}} giorni',
  queueNames: {
    amicable: 'Stragiudiziale',
    care: 'Unità di accompagnamento',
    overindebtedness: 'Sovraindebitamento',
    judicial: 'Giudiziario',
  },
  path: {
    asks: 'Richiede: {{certifications}}',
    open: 'Può prendere pratiche da questa coda.',
    toEarn: 'Da ottenere: {{certifications}}.',
    modules: 'Moduli da superare:',
  },
  progress: {
    notStarted: 'Non ancora iniziato',
    passedOn: 'Superato il {{date}}',
    best: 'Miglior punteggio: {{percent}} % ({{count}} tentativi)',
  },
  countsFor: 'Vale per: {{certifications}}',
  minutes: '{{count}} min',
  module: {
    meta: 'Versione {{version}} · {{minutes}} min di lettura · quiz di {{draw}} domande estratte da {{bank}}, superato al {{passMark}} %',
    start: 'Fai il quiz',
    starting: 'Preparazione del quiz…',
    attemptsHeading: 'I miei tentativi',
    noAttempts: 'Nessun tentativo per ora.',
    back: 'Torna alla formazione',
    columns: { startedAt: 'Iniziato il', score: 'Punteggio', outcome: 'Esito' },
    passed: 'Superato',
    failed: 'Non superato',
    unfinished: 'Non finito',
    score: '{{correct}} su {{outOf}}',
    resume: 'Riprendi',
  },
  quiz: {
    title: 'Quiz: {{module}}',
    intro: 'Risponda alle {{count}} domande. Serve il {{passMark}} % di risposte esatte per superarlo.',
    question: 'Domanda {{number}}: {{text}}',
    submit: 'Invia le mie risposte',
    submitting: 'Invio…',
    unanswered_one: 'Resta {{count}} domanda senza risposta.',
    unanswered_other: 'Restano {{count}} domande senza risposta.',
    passed: 'Superato: {{correct}} risposte esatte su {{outOf}} ({{percent}} %).',
    failed: 'Non ancora: {{correct}} risposte esatte su {{outOf}} ({{percent}} %). Rilegga il modulo e riprovi.',
    earned: 'Certificazione ottenuta: {{certifications}}.',
    right: 'Risposta esatta: {{answer}}',
    wrong: 'La sua risposta: {{answer}}. La risposta esatta: {{right}}.',
    again: 'Rifai il quiz',
    backToModule: 'Torna al modulo',
  },
  team: {
    title: 'Formazione del team',
    intro:
      'A che punto è ciascuno: moduli superati, certificazioni e loro scadenza, le code da cui ciascuno può prendere pratiche oggi.',
    empty: 'Ancora nessuno nel suo team.',
    columns: {
      person: 'Persona',
      team: 'Team',
      modules: 'Moduli superati',
      certifications: 'Certificazioni',
      queues: 'Code aperte',
    },
    modules: '{{passed}} su {{total}}',
    certification: '{{name}}: {{status}}',
    until: '{{name}}: {{status}} fino al {{date}}',
  },
};

export const trainingProblemsIt: typeof trainingProblemsFr = {
  training: {
    certification_required:
      'Per prendere pratiche da questa coda serve una certificazione valida: superi i moduli richiesti nella sua pagina Formazione.',
    certification_required_named:
      'Per prendere pratiche da questa coda serve una certificazione valida in: {{names}}. Superi i moduli richiesti nella sua pagina Formazione.',
    attempt_submitted: 'Queste risposte sono già state inviate: rifaccia il quiz per un nuovo tentativo.',
    unknown_question: 'Alcune risposte riguardano domande che questo quiz non ha posto: ricarichi la pagina.',
  },
};
