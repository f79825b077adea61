import type { teamsReportFr, teamsReportProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const teamsReportIt: Widen<typeof teamsReportFr> = {
  title: 'Squadre e operatori',
  intro:
    'Che cosa ha fatto ogni squadra e ogni operatore, giorno per giorno o settimana per settimana: prima la qualità delle chiamate e la soddisfazione dei debitori, poi chiamate, conversazioni, promesse, piani e somme incassate. Nessuno si giudica solo sul denaro.',
  filters: 'Filtri',
  from: 'Primo giorno',
  to: 'Ultimo giorno',
  periodHint: 'Le ultime quattro settimane se non scegli nulla; al massimo un anno.',
  granularity: 'Per',
  day: 'giorno',
  week: 'settimana',
  weekTick: 'S{{week}}',
  team: 'Squadra',
  allTeams: 'Tutte le squadre',
  show: 'Mostra',
  span: 'Dal {{from}} al {{to}}.',
  refreshed: 'Dati calcolati alle {{time}} (ogni cinque minuti).',
  notRefreshed: 'I dati non sono ancora stati calcolati: lo saranno entro cinque minuti.',
  none: 'Nessuna attività registrata in questo periodo.',
  noTeam: 'Senza squadra',
  teamsHeading: 'Per squadra',
  agentsHeading: 'Per operatore',
  column: {
    name: 'Nome',
    team: 'Squadra',
    quality: 'Qualità (ascolti)',
    csat: 'Soddisfazione (risposte)',
    calls: 'Chiamate',
    conversations: 'Conversazioni',
    conversationRate: 'Tasso di conversazione',
    promises: 'Promesse',
    plans: 'Piani concordati',
    collected: 'Incassato',
    period: 'Periodo',
  },
  reviews_one: '{{count}} ascolto',
  reviews_other: '{{count}} ascolti',
  answers_one: '{{count}} risposta',
  answers_other: '{{count}} risposte',
  smallSample: 'campione ridotto',
  tooFew: 'troppo poche risposte',
  noReview: 'nessun ascolto',
  smallSampleHint:
    '«Campione ridotto»: meno di {{reviews}} ascolti, la media dice poco. La soddisfazione appare da {{answers}} risposte in su. Il denaro contato è quello arrivato dopo una promessa o un piano dell’operatore (entro {{days}} giorni).',
  chartHeading: 'Andamento',
  figure: 'Dato',
  chartLabel: '{{figure}} per {{granularity}}, una linea per squadra; la tabella che segue riporta gli stessi dati.',
  chartTable: '{{figure}} per {{granularity}} e squadra',
  figures: {
    meanScore: 'Qualità media (%)',
    csat: 'Soddisfazione (CSAT, %)',
    calls: 'Chiamate',
    conversations: 'Conversazioni',
    promises: 'Promesse',
    plans: 'Piani concordati',
    collected: 'Incassato (€)',
  },
};

export const teamsReportProblemsIt: Widen<typeof teamsReportProblemsFr> = {
  period_reversed: 'Il periodo deve finire il giorno in cui inizia o dopo: scegli un ultimo giorno successivo.',
  period_too_long: 'Chiedi al massimo 366 giorni: scegli un primo giorno successivo o un ultimo giorno precedente.',
};
