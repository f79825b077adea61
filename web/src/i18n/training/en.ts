import type { trainingFr, trainingProblemsFr } from './fr.js';

/** La Ruche, training: its pages, in English. */
export const trainingEn: typeof trainingFr = {
  title: 'Training',
  intro:
    'La Ruche: the trade’s fundamentals, open to everyone at any time. Each module ends with a quiz; passing the modules asked for earns the certifications that open the specialist queues.',
  teamLink: 'See my team’s training',
  certificationsHeading: 'My certifications',
  modulesHeading: 'My modules',
  pathsHeading: 'My path to another team',
  certificationNames: {
    contact_policy: 'Contact policy',
    care_unit: 'Care unit',
    overindebtedness: 'Over-indebtedness',
    judicial: 'Judicial',
  },
  status: {
    valid: 'Valid',
    expiring: 'Ending soon',
    stale: 'To renew (new policy)',
    expired: 'Expired',
    none: 'Not earned yet',
  },
  columns: {
    certification: 'Certification',
    status: 'Status',
    earnedOn: 'Earned on',
    countsUntil: 'Valid until',
    modules: 'Modules asked for',
  },
  daysLeft_one: '{{count}} day left',
  daysLeft_other: '{{count}} days left',
  queueNames: {
    amicable: 'Amicable',
    care: 'Care unit',
    overindebtedness: 'Over-indebtedness',
    judicial: 'Judicial',
  },
  path: {
    asks: 'Asks for: {{certifications}}',
    open: 'You may take cases from this queue.',
    toEarn: 'To earn: {{certifications}}.',
    modules: 'Modules to pass:',
  },
  progress: {
    notStarted: 'Not started yet',
    passedOn: 'Passed on {{date}}',
    best: 'Best score: {{percent}} % ({{count}} attempts)',
  },
  countsFor: 'Counts for: {{certifications}}',
  minutes: '{{count}} min',
  module: {
    meta: 'Version {{version}} · {{minutes}} min read · quiz of {{draw}} questions drawn from {{bank}}, passed at {{passMark}} %',
    start: 'Take the quiz',
    starting: 'Preparing the quiz…',
    attemptsHeading: 'My attempts',
    noAttempts: 'No attempt yet.',
    back: 'Back to training',
    columns: { startedAt: 'Started on', score: 'Score', outcome: 'Outcome' },
    passed: 'Passed',
    failed: 'Not passed',
    unfinished: 'Not finished',
    score: '{{correct}} out of {{outOf}}',
    resume: 'Resume',
  },
  quiz: {
    title: 'Quiz: {{module}}',
    intro: 'Answer the {{count}} questions. You need {{passMark}} % right answers to pass.',
    question: 'Question {{number}}: {{text}}',
    submit: 'Send my answers',
    submitting: 'Sending…',
    unanswered_one: '{{count}} question is still unanswered.',
    unanswered_other: '{{count}} questions are still unanswered.',
    passed: 'Passed: {{correct}} right answers out of {{outOf}} ({{percent}} %).',
    failed: 'Not yet: {{correct}} right answers out of {{outOf}} ({{percent}} %). Read the module again and retry.',
    earned: 'Certification earned: {{certifications}}.',
    right: 'Right answer: {{answer}}',
    wrong: 'Your answer: {{answer}}. The right answer: {{right}}.',
    again: 'Take the quiz again',
    backToModule: 'Back to the module',
  },
  team: {
    title: 'Team training',
    intro:
      'Where everyone stands: modules passed, certifications and when they end, the queues each person may take cases from today.',
    empty: 'Nobody in your team yet.',
    columns: {
      person: 'Person',
      team: 'Team',
      modules: 'Modules passed',
      certifications: 'Certifications',
      queues: 'Open queues',
    },
    modules: '{{passed}} of {{total}}',
    certification: '{{name}}: {{status}}',
    until: '{{name}}: {{status}} until {{date}}',
  },
};

export const trainingProblemsEn: typeof trainingProblemsFr = {
  training: {
    certification_required:
      'Taking cases from this queue needs a valid certification: pass the modules asked for on your Training page.',
    certification_required_named:
      'Taking cases from this queue needs a valid certification in: {{names}}. Pass the modules asked for on your Training page.',
    attempt_submitted: 'These answers were already sent: take the quiz again for a new attempt.',
    unknown_question: 'Some answers are to questions this quiz did not ask: reload the page.',
  },
};
