import { z } from 'zod';
import { calendarMonth } from '../contract.js';

/**
 * The creditors' monthly reports (docs/reporting.md "The monthly report"): what was sent to each creditor's contact, and
 * the same files for any month, in the reader's scope (a creditor user: its own creditor, whatever it asks for).
 */
export const monthlyReportsQuery = z.strictObject({
  creditorId: z.uuid().optional().describe("one creditor; a creditor user's own whatever is asked"),
});
export const monthlyReportFileQuery = z.strictObject({
  creditorId: z.uuid().optional().describe("the creditor; required for staff, a creditor user's own whatever is asked"),
  month: calendarMonth.describe('the month reported on; the current one gives its figures so far'),
  format: z.enum(['pdf', 'xlsx']),
});
export const monthlyReportsSchema = z.object({
  lastMonth: z.string().describe('the month the next sending reports on (the one before the current month)'),
  sendings: z.array(
    z.object({
      id: z.string(),
      creditorId: z.string(),
      creditorName: z.string(),
      month: z.string().describe('YYYY-MM'),
      recipient: z.string(),
      sentAt: z.string(),
      pdfSha256: z.string(),
      xlsxSha256: z.string(),
      messageId: z.string().describe("the relay's Message-ID of the e-mail"),
    }),
  ),
});
export type MonthlyReports = z.infer<typeof monthlyReportsSchema>;
