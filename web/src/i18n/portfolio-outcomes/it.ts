import type { portfolioOutcomesFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const portfolioOutcomesIt: Widen<typeof portfolioOutcomesFr> = {
  heading: 'Risultati del portafoglio',
  intro:
    'Contatti con il debitore, promesse, piani, giorni al primo pagamento e fasi delle pratiche, nello stesso perimetro delle curve. Un dato per annata legge i mesi come mesi di affidamento; un dato per mese, come i mesi in cui le cose sono avvenute.',
  chartLabel: 'Grafico: {{figure}}; la tabella accanto riporta gli stessi dati.',
  contactsByMonth: 'Contatti con il debitore, per mese',
  contactsHint:
    'Chiamate utili: chiamate in uscita a cui ha risposto il debitore stesso, sul totale delle chiamate in uscita. Pratiche raggiunte: pratiche con almeno una conversazione con il debitore (chiamata in uscita o in entrata) sulle pratiche con una chiamata nel mese.',
  contactsByVintage: 'Contatti con il debitore, per annata',
  contactsVintageHint:
    'Dall’affidamento: chiamate in uscita utili sulle chiamate in uscita, e pratiche raggiunte almeno una volta sulle pratiche affidate.',
  promises: 'Promesse di pagamento, per mese in cui sono state fatte',
  promisesHint:
    'Il loro stato oggi. Tasso di rispetto: rispettate su rispettate e mancate (una promessa aperta o annullata non dice ancora nulla).',
  plans: 'Piani di pagamento, per mese in cui sono stati concordati',
  plansHint:
    'Il loro stato oggi. In regola: in corso senza rate in ritardo, o saldati. In ritardo: una rata non pagata alla scadenza. Chiusi altrimenti: annullati o rinegoziati.',
  firstPayment: 'Giorni al primo pagamento, per annata',
  firstPaymentHint:
    'Dall’affidamento al primo pagamento non stornato, per le pratiche che hanno pagato. La mediana è il valore centrale (il più basso dei due per un numero pari).',
  stages: 'Pratiche per fase oggi',
  stagesHint: 'Le pratiche delle annate scelte secondo la loro fase oggi; ogni quota è arrotondata da sé.',
  flows: 'Passaggi da una fase all’altra',
  flowsHint:
    'Ogni cambio di fase nello storico delle pratiche, per mese; «Affidamento» è l’ingresso nella prima fase. Il grafico somma il periodo.',
  noFlows: 'Nessun cambio di fase nel periodo.',
  placed: 'Affidamento',
  fees: 'Recupero senza costi per il debitore',
  feesText:
    'Spese di recupero addebitate ai debitori dall’agenzia: {{amount}}. È strutturale: nella fase stragiudiziale l’agenzia non addebita spese al debitore (CPCE L111-8) e la base dati rifiuta una tale voce; solo le spese di un procedimento giudiziario con titolo esecutivo possono essergli addebitate.',
  axis: {
    percent: '%',
    count: 'Numero',
    days: 'Giorni',
    cases: 'Pratiche',
    moves: 'Passaggi',
  },
  series: {
    calls: 'Chiamate utili',
    cases: 'Pratiche raggiunte',
  },
  col: {
    move: 'Passaggio',
    month: 'Mese',
    vintage: 'Annata',
    attempts: 'Chiamate in uscita',
    rightParty: 'Di cui utili',
    worked: 'Pratiche chiamate',
    reached: 'Pratiche raggiunte',
    cases: 'Pratiche',
    paying: 'Pratiche paganti',
    mean: 'Media (giorni)',
    median: 'Mediana (giorni)',
    stage: 'Fase',
    share: 'Quota',
    from: 'Da',
    to: 'A',
    moves: 'Passaggi',
  },
  promise: {
    made: 'Fatte',
    kept: 'Rispettate',
    broken: 'Mancate',
    open: 'Aperte',
    cancelled: 'Annullate',
    keptRate: 'Tasso di rispetto',
    madeAmount: 'Importo promesso',
  },
  plan: {
    agreed: 'Concordati',
    onTrack: 'In regola',
    onTrackOnly: 'In corso, in regola',
    completed: 'Saldati',
    behind: 'In ritardo',
    broken: 'Decaduti',
    ended: 'Chiusi altrimenti',
    onTrackRate: 'In regola (%)',
    brokenRate: 'Decaduti (%)',
  },
};
