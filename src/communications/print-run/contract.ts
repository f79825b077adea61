import { z } from 'zod';
import { calendarDate } from '../../platform/http/schemas.js';

/** The day's print run for the mail house, and the letters that come back (NPAI). */

export const PRINT_RUN_STATUSES = ['preparing', 'ready', 'posted', 'abandoned'] as const;

export const printRunLetterSchema = z.object({
  sequence: z.number().int().describe('the letter’s place in the PDF and the manifest, from 1'),
  caseId: z.string().uuid(),
  caseReference: z.string(),
  letterReference: z.string(),
  documentId: z.string().uuid().describe('the letter kept on the case'),
  firstPage: z.number().int().describe('the page of the run’s PDF the letter starts on (always odd)'),
  pages: z.number().int().describe('the letter’s own pages, a blank back left out'),
  returnedOn: calendarDate.nullable().describe('the day the letter came back undelivered (NPAI); null: not returned'),
  carriedFromRunId: z
    .string()
    .uuid()
    .nullable()
    .describe('the abandoned run that issued this letter and never printed it; null: issued by this run'),
  supersededByRunId: z
    .string()
    .uuid()
    .nullable()
    .describe('on an abandoned run: the later run that printed this letter; null: printed by none yet'),
});

export const refusedCaseSchema = z.object({
  caseId: z.string().uuid(),
  caseReference: z.string(),
  code: z.string().describe('the problem code that kept the case out of the run (contact.refused, …)'),
});

export const printRunSummarySchema = z.object({
  id: z.string().uuid(),
  runDate: calendarDate.describe('the day the run was prepared: the letters’ date and their recorded sending day'),
  status: z.enum(PRINT_RUN_STATUSES),
  preparedAt: z.string().datetime(),
  preparedBy: z.string().describe('the person who prepared it'),
  letterCount: z.number().int(),
  pageCount: z.number().int().describe('the pages of the run’s PDF, the blank backs counted'),
  sheetCount: z.number().int(),
  refusedCount: z.number().int(),
  postedOn: calendarDate.nullable().describe('the day it was handed to the mail house; null: not confirmed yet'),
  postedBy: z.string().nullable(),
  returnedCount: z.number().int(),
  activeAt: z.string().datetime().describe('the run’s last sign of life: a letter issued or a case refused'),
  stuck: z
    .boolean()
    .describe('still preparing with no sign of life for longer than the limit: the process preparing it died'),
  stuckFrom: z
    .string()
    .datetime()
    .nullable()
    .describe('while preparing: from when it counts as stuck, and may be resumed or abandoned'),
  abandonedAt: z.string().datetime().nullable(),
  abandonedBy: z.string().nullable().describe('who abandoned it; null with abandonedAt: the nightly job'),
});
export type PrintRunSummary = z.infer<typeof printRunSummarySchema>;

export const printRunSchema = printRunSummarySchema.extend({
  letters: z.array(printRunLetterSchema),
  refused: z.array(refusedCaseSchema),
});
export type PrintRunView = z.infer<typeof printRunSchema>;

export const printRunListSchema = z.object({ runs: z.array(printRunSummarySchema) });
export type PrintRunList = z.infer<typeof printRunListSchema>;

export const confirmPostingBody = z.strictObject({
  postedOn: calendarDate.describe('the day the run was handed to the mail house (from the run’s day to today)'),
});
export type ConfirmPosting = z.infer<typeof confirmPostingBody>;

export const returnedMailBody = z
  .strictObject({
    letterReference: z.string().trim().min(1).max(80).optional().describe('the reference printed on the letter'),
    addressId: z.string().uuid().optional().describe('the debtor’s address the letter went to'),
    returnedOn: calendarDate.describe('the day the letter came back'),
    reason: z.string().trim().max(200).optional().describe('what the envelope says (NPAI, refused, unknown…)'),
  })
  .refine((body) => body.letterReference !== undefined || body.addressId !== undefined, {
    message: 'name the letter (letterReference) or the address (addressId)',
  });
export type ReturnedMail = z.infer<typeof returnedMailBody>;

export const returnedMailResultSchema = z.object({
  caseId: z.string().uuid(),
  addressId: z.string().uuid(),
  outcome: z
    .enum(['marked', 'already_marked'])
    .describe('marked: the address is now undeliverable and a trace task opened; already_marked: nothing changed'),
  taskId: z.string().uuid().nullable().describe('the trace task opened; null when nothing changed'),
});
export type ReturnedMailResult = z.infer<typeof returnedMailResultSchema>;

export const RETURN_LINE_OUTCOMES = [
  'marked',
  'already_marked',
  'unknown_letter',
  'invalid_columns',
  'invalid_reference',
  'invalid_date',
  'invalid_reason',
  'refused',
] as const;

export const returnsReportSchema = z.object({
  printRunId: z.string().uuid(),
  lines: z.array(
    z.object({
      line: z.number().int(),
      letterReference: z.string().nullable(),
      outcome: z.enum(RETURN_LINE_OUTCOMES),
      code: z.string().nullable().describe('for refused: the problem code'),
    }),
  ),
  marked: z.number().int(),
});
export type ReturnsReport = z.infer<typeof returnsReportSchema>;

/** Problem codes of print runs and returned mail, for the web app's texts. */
export const PRINT_RUN_PROBLEMS = [
  'communications.nothing_to_print',
  'communications.print_run_not_ready',
  'communications.print_run_posted',
  'communications.print_run_closed',
  'communications.print_run_not_stuck',
  'communications.print_run_not_resumable',
  'communications.posting_day_invalid',
  'communications.returned_letter_unknown',
  'communications.returned_address_unknown',
  'communications.returned_day_invalid',
] as const;

export const returnSearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .describe('a letter reference, or part of the name, street, postal code or city printed on the envelope'),
});
export type ReturnSearch = z.infer<typeof returnSearchQuery>;

export const returnCandidateSchema = z.object({
  printRunId: z.string().uuid(),
  runDate: calendarDate,
  sequence: z.number().int(),
  letterReference: z.string(),
  caseId: z.string().uuid(),
  caseReference: z.string(),
  addressLines: z.array(z.string()).describe('the name and address as printed in the envelope’s window'),
  returnedOn: calendarDate.nullable().describe('already recorded as returned on that day; null: not yet'),
});
export type ReturnCandidate = z.infer<typeof returnCandidateSchema>;

export const returnCandidatesSchema = z.object({
  letters: z.array(returnCandidateSchema),
  truncated: z.boolean().describe('more letters match than are listed: narrow the search'),
  sinceDate: calendarDate.describe('the oldest run day searched'),
});
export type ReturnCandidates = z.infer<typeof returnCandidatesSchema>;

export const markReturnedBody = z.strictObject({
  letterReferences: z.array(z.string().trim().min(1).max(80)).min(1).max(100).describe('the letters that came back'),
  returnedOn: calendarDate.describe('the day they came back'),
  reason: z.string().trim().max(200).optional().describe('what the envelopes say (NPAI, refused, unknown…)'),
});
export type MarkReturned = z.infer<typeof markReturnedBody>;

export const markReturnedReportSchema = z.object({
  letters: z.array(
    z.object({
      letterReference: z.string(),
      caseId: z.string().uuid().nullable(),
      outcome: z.enum(['marked', 'already_marked', 'unknown_letter', 'refused']),
      code: z.string().nullable().describe('for refused: the problem code'),
    }),
  ),
  marked: z.number().int(),
});
export type MarkReturnedReport = z.infer<typeof markReturnedReportSchema>;

/** How far back returned letters are searched (the web page says it). */
export { RETURN_SEARCH_DAYS } from './core/letter-search.js';
