import type { caseOverviewFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Italian texts of the case's essentials: complete. */
export const caseOverviewIt: Widen<typeof caseOverviewFr> = {
  heading: 'In sintesi',
  balance: 'Importo dovuto',
  state: 'Fase e stato',
  next: 'Prossima azione',
  taskDue: '{{title}}, il {{date}}',
  promiseDue: 'Promessa di {{amount}} attesa il {{date}}',
  callFrom: 'Chiamata possibile dal {{date}}',
  nothingPlanned: 'Niente in programma',
  reach: 'Contatti',
  noContact: 'Nessun recapito utilizzabile',
  holds: 'Sospensioni',
  noHolds: 'Nessuna',
  holdUntil: '{{kind}} fino al {{date}}',
  secondary: 'Storico e documenti',
};
