import type { championChallengerFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const championChallengerIt: Widen<typeof championChallengerFr> = {
  heading: 'Campione e sfidante',
  notByPlacement:
    'Questo confronto non si legge per affidamento: riguarda tutte le pratiche del creditore o del mandato scelto.',
  intro:
    'Per ogni segmento della strategia che prova un altro trattamento (lo sfidante) su una parte delle sue pratiche, i due bracci confrontati su ciò che è successo da quando ogni pratica è entrata nel segmento. Una differenza è detta significativa quando p è inferiore a {{alpha}}.',
  cohorts: 'Pratiche entrate nel segmento da {{from}} a {{to}}.',
  none: 'Nessun segmento ha uno sfidante in questo periodo.',
  running: 'Test in corso: il {{share}}% delle pratiche del segmento va allo sfidante.',
  ended: 'Test concluso: la strategia in vigore non ha più uno sfidante in questo segmento.',
  question: 'La domanda posta: {{note}}',
  arm: { champion: 'Campione', challenger: 'Sfidante' },
  chartLabel:
    'Incassato medio per pratica, {{segment}}: campione {{champion}}, sfidante {{challenger}}; la tabella accanto riporta tutte le cifre.',
  chartAxis: 'Incassato medio per pratica (€)',
  tableCaption: 'I due bracci di «{{segment}}»',
  column: {
    figure: 'Indicatore',
    champion: 'Campione',
    challenger: 'Sfidante',
    difference: 'Differenza',
    test: 'Test',
    p: 'p',
  },
  figure: {
    cases: 'Pratiche',
    collected: 'Incassato per pratica',
    keptPromises: 'Promesse mantenute',
    complaints: 'Pratiche con reclamo',
    satisfaction: 'Soddisfazione (su 5)',
  },
  outOf: '{{k}} su {{n}}',
  answers: '{{n}} risposte',
  tooFewAnswers: 'meno di {{n}} risposte',
  test: {
    welch_t: 't di Welch',
    two_proportion_z: 'z (due proporzioni)',
    fisher_exact: 'esatto di Fisher',
    none: 'troppo pochi per il test',
  },
  significant: 'significativo',
  warning: {
    too_few_cases: 'Meno di {{min}} pratiche in un braccio: troppo poche per concludere.',
    skewed_sample:
      'Importi molto asimmetrici (molti zeri, pochi pagamenti elevati): il campione è ancora troppo piccolo per il test t (regola di Cochran).',
    too_few_promises: 'Meno di {{min}} promesse scadute in un braccio.',
    too_few_answers: 'Meno di {{min}} risposte di soddisfazione in un braccio.',
  },
  recommendationHeading: 'Raccomandazione',
  recommendation: {
    keep_champion: 'Mantenere il campione',
    promote_challenger: 'Promuovere lo sfidante',
    keep_testing: 'Continuare il test',
  },
  reason: {
    challenger_collects_more: 'lo sfidante incassa significativamente di più per pratica',
    challenger_collects_less: 'lo sfidante incassa significativamente di meno per pratica',
    no_significant_difference: 'per ora nessuna differenza significativa di incasso',
    too_few_cases: 'non ancora abbastanza pratiche per concludere',
    challenger_more_complaints: 'lo sfidante suscita significativamente più reclami',
    challenger_less_satisfaction: 'i debitori dello sfidante sono significativamente meno soddisfatti',
    challenger_fewer_kept_promises: 'lo sfidante ottiene significativamente meno promesse mantenute',
  },
  decisionHeading: 'La sua decisione',
  decision: {
    promote: 'Promuovere lo sfidante (nuova versione della strategia)',
    keep: 'Continuare il test',
    stop: 'Fermare il test, mantenere il campione (nuova versione della strategia)',
  },
  note: 'Motivo',
  decide: 'Registrare la decisione',
  decided: 'Decisione registrata.',
  lastDecision: 'Ultima decisione: {{decision}}, di {{who}} il {{when}} ({{note}}).',
  someone: 'un responsabile',
  export: 'Esportare il confronto',
};
