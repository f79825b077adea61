import type { MonthlyReports } from '../../../../src/reporting/monthly/contract.js';
import { download, http } from '../../api/client.js';

export type { MonthlyReports };

/** The monthly reports sent, newest first, in the reader's scope (a creditor user: its own, whatever it asks). */
export const getMonthlyReports = (creditorId: string, signal?: AbortSignal) =>
  http.get<MonthlyReports>('/api/v1/reports/monthly', creditorId ? { creditorId } : undefined, signal);

/** One creditor's report for a month, as the job sends it, with the figures as they stand now (audited). */
export const downloadMonthlyReport = (choice: { creditorId: string; month: string; format: 'pdf' | 'xlsx' }) =>
  download('/api/v1/reports/monthly/file', {
    ...(choice.creditorId ? { creditorId: choice.creditorId } : {}),
    month: choice.month,
    format: choice.format,
  });

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}
