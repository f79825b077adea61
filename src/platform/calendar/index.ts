/**
 * The one calendar of Accord (docs/calendar.md): instants and wall-clock time in a zone (`local-time.ts`), calendar
 * dates and their arithmetic (`dates.ts`), whose "today" (`today.ts`), business days in France and Italy
 * (`business-days.ts`). Pure: every function takes the moment or the date it works on. Imports nothing above the
 * platform. The web app imports `dates.ts` and `local-time.ts` directly (no holiday tables in the bundle).
 */
export * from './local-time.js';
export * from './dates.js';
export * from './today.js';
export * from './business-days.js';
export * from './legal-deadlines.js';
