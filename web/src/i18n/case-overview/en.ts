import type { caseOverviewFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of the case's essentials: complete. */
export const caseOverviewEn: Widen<typeof caseOverviewFr> = {
  heading: 'At a glance',
  balance: 'Balance due',
  state: 'Stage and status',
  next: 'Next action',
  taskDue: '{{title}}, on {{date}}',
  promiseDue: 'Promise of {{amount}} due on {{date}}',
  callFrom: 'Call possible from {{date}}',
  nothingPlanned: 'Nothing planned',
  reach: 'Reach',
  noContact: 'No usable contact point',
  holds: 'Holds',
  noHolds: 'None',
  holdUntil: '{{kind}} until {{date}}',
  secondary: 'History and documents',
};
