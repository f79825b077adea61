import { addMonths, compareDates, type IsoDate } from '../../platform/calendar/dates.js';
import type { DocumentType } from './types.js';

/**
 * How long a document is kept (REGULATION.md §14): a period per document type, counted from the day its case closes,
 * as dated reference data. A document on an open case is never deleted for its age: the case may still need it.
 */

export const RETENTION_BASES = ['limitation', 'enforcement', 'minimisation'] as const;
/** Why a period: the five-year limitation (C. civ. 2224), a judgment enforceable ten years (CPCE L111-4), minimisation. */
export type RetentionBasis = (typeof RETENTION_BASES)[number];

export interface RetentionPeriod {
  documentType: string;
  validFrom: IsoDate;
  monthsAfterClosure: number;
  basis: RetentionBasis;
}

/** The period in force on `date` for a type: the latest row that started on or before it, or null. */
export function periodInForce(
  periods: readonly RetentionPeriod[],
  type: DocumentType,
  date: IsoDate,
): RetentionPeriod | null {
  let found: RetentionPeriod | null = null;
  for (const period of periods) {
    if (period.documentType !== type || compareDates(period.validFrom, date) > 0) continue;
    if (found === null || compareDates(period.validFrom, found.validFrom) > 0) found = period;
  }
  return found;
}

/** The last day a document is kept: its case's closing day plus the period; null while the case is open. */
export function retainUntil(caseClosedOn: IsoDate | null, months: number): IsoDate | null {
  return caseClosedOn === null ? null : addMonths(caseClosedOn, months);
}

/** Whether the document must be deleted on `today`: its case closed and its last day has passed. */
export function pastRetention(caseClosedOn: IsoDate | null, months: number, today: IsoDate): boolean {
  const until = retainUntil(caseClosedOn, months);
  return until !== null && compareDates(until, today) < 0;
}
