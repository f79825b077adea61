import type { portfolioReportFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const portfolioReportIt: Widen<typeof portfolioReportFr> = {
  title: 'Performance del portafoglio',
  intro:
    'Quanto è stato incassato su quanto è stato affidato, per creditore e per annata (il mese in cui le pratiche sono state affidate all’agenzia). Una curva di liquidazione segue un’annata mese dopo mese: sale quando arriva il denaro e non scende mai.',
  filters: 'Filtri',
  creditor: 'Creditore',
  allCreditors: 'Tutti i creditori',
  mandate: 'Mandato',
  allMandates: 'Tutti i mandati',
  placement: 'Affidamento',
  allPlacements: 'Tutti gli affidamenti',
  placementChoice: '{{date}} · {{file}} ({{mandate}}, {{cases}} pratiche)',
  placementNoFile: 'senza file',
  from: 'Prima annata',
  to: 'Ultima annata',
  monthsHint: 'Mesi nel formato AAAA-MM; gli ultimi dodici mesi se non ne scegli.',
  show: 'Mostra',
  export: 'Esporta in CSV',
  exportXlsx: 'Esporta in XLSX',
  asOf: 'Annate da {{from}} a {{to}}, dati al {{asOf}}.',
  refreshed: 'Dati ricalcolati alle {{time}} (ogni cinque minuti).',
  notRefreshed: 'I dati non sono ancora stati calcolati: lo saranno entro cinque minuti.',
  summaryHeading: 'Tasso di recupero per creditore',
  column: {
    creditor: 'Creditore',
    cases: 'Pratiche affidate',
    placed: 'Importo affidato',
    collected: 'Incassato',
    rate: 'Tasso di recupero',
    vintage: 'Annata',
    month: 'M+{{n}}',
  },
  curvesHeading: 'Curve di liquidazione: {{creditor}}',
  chartLabel:
    'Curve di liquidazione di {{creditor}}: tasso di recupero cumulato (asse verticale) per mese dall’affidamento (asse orizzontale), una curva per annata; la tabella che segue riporta gli stessi dati.',
  monthsSince: 'Mesi dall’affidamento',
  cumulativeRate: 'Tasso cumulato (%)',
  portfolio: 'Tutte le annate',
  tableCaption: 'Tasso cumulato per annata e mese dall’affidamento ({{creditor}})',
  tableHint:
    'M+0 è il mese dell’affidamento. Una cella vuota: quel mese non è ancora arrivato. La riga Tutte le annate conta, per ogni mese, solo i mesi di affidamento che lo hanno raggiunto: può scendere quando i più recenti non ci sono più.',
  none: 'Nessuna pratica affidata in questo periodo.',
  notPlaced: '—',
};
