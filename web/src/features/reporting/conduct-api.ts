import type { ConductReport } from '../../../../src/reporting/contract.js';
import { http } from '../../api/client.js';

export type { ConductReport };

/** The filters of the responsible-collection page, as the address holds them (each optional). */
export interface ConductFilters {
  creditorId: string;
  mandateId: string;
  from: string;
  to: string;
}

/** Only the filters that hold something: the server fills in the rest (the last twelve months, every creditor). */
export function conductQuery(filters: ConductFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** Contacts against the caps, refusals, complaints, disputes, care and satisfaction beside the money, in your scope. */
export const getConductReport = (filters: ConductFilters, signal?: AbortSignal) =>
  http.get<ConductReport>('/api/v1/reports/conduct', conductQuery(filters), signal);
