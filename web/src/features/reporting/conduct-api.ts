import type { ConductReport } from '../../../../src/reporting/contract.js';
import { reportQuery, type ReportFilterValues } from './report-filters.js';
import { http } from '../../api/client.js';

export type { ConductReport };

/** The report's filters: creditor, mandate, months, team (empty: the last twelve months, every creditor and team). */
export type ConductFilters = ReportFilterValues;
/** The conduct report has no placement filter. */
export const conductQuery = (filters: ConductFilters) => reportQuery({ ...filters, placementId: '' });

/** Contacts against the caps, refusals, complaints, disputes, care and satisfaction beside the money, in your scope. */
export const getConductReport = (filters: ConductFilters, signal?: AbortSignal) =>
  http.get<ConductReport>('/api/v1/reports/conduct', conductQuery(filters), signal);
