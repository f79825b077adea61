import { z } from 'zod';
import { calendarDate, pagingQuery } from '../platform/http/schemas.js';

/**
 * The API of bank files: statement imports (camt.053/054) and their reports, the matching queue, SEPA mandates and
 * the direct debits' pain.008.
 */

export const statementUploadQuery = z.strictObject({ fileName: z.string().max(255).optional() });
export const statementListQuery = z.strictObject(pagingQuery);

export const importSchema = z.object({
  id: z.string(),
  kind: z.enum(['camt.053', 'camt.054']),
  messageVersion: z.string().nullable(),
  messageId: z.string(),
  fileName: z.string().nullable(),
  accountIbans: z.array(z.string()),
  status: z.enum(['processing', 'completed']),
  counts: z.record(z.string(), z.number()).nullable(),
  importedAt: z.string(),
  completedAt: z.string().nullable(),
});

export const lineSchema = z.object({
  id: z.string(),
  lineNumber: z.number().int(),
  entryNumber: z.number().int(),
  transactionNumber: z.number().int(),
  kind: z.enum(['credit', 'return', 'debit']),
  bookingStatus: z.string(),
  amountCents: z.number().int(),
  bookingDate: z.string().nullable(),
  valueDate: z.string().nullable(),
  endToEndId: z.string().nullable(),
  accountServicerReference: z.string().nullable(),
  remittanceText: z.string().nullable(),
  creditorReference: z.string().nullable(),
  debtorName: z.string().nullable(),
  debtorIban: z.string().nullable(),
  returnReason: z.string().nullable(),
  status: z.enum(['pending', 'recorded', 'queued', 'ignored', 'reversed']),
  reason: z
    .string()
    .describe(
      'why: the matching rule, or why the line was ignored (duplicate, not_booked, not_a_credit, return_not_matched…)',
    ),
  confidence: z.enum(['certain', 'probable', 'none']).nullable(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  paymentId: z.string().nullable(),
  duplicateOf: z.string().nullable(),
});

export const reportSchema = importSchema.extend({ lines: z.array(lineSchema) });
export const statementListSchema = z.object({ items: z.array(importSchema), hasMore: z.boolean() });

export const QUEUE_STATUSES = ['open', 'assigned', 'dismissed'] as const;
export const queueItemSchema = z.object({
  id: z.string(),
  lineId: z.string(),
  importId: z.string(),
  amountCents: z.number().int(),
  bookingDate: z.string().nullable(),
  debtorName: z.string().nullable(),
  debtorIban: z.string().nullable(),
  remittanceText: z.string().nullable(),
  creditorReference: z.string().nullable(),
  endToEndId: z.string().nullable(),
  confidence: z.enum(['probable', 'none']),
  reason: z.string(),
  suggestedCase: z.object({ id: z.string(), reference: z.string() }).nullable(),
  candidateCaseIds: z.array(z.string()),
  status: z.enum(QUEUE_STATUSES),
  assignedCaseId: z.string().nullable(),
  paymentId: z.string().nullable(),
  createdAt: z.string(),
});
export const queueListQuery = z.strictObject({ status: z.enum(QUEUE_STATUSES).default('open'), ...pagingQuery });
export const queueListSchema = z.object({ items: z.array(queueItemSchema), hasMore: z.boolean() });
export const assignmentBody = z.strictObject({ caseId: z.string().uuid(), note: z.string().max(500).optional() });
export const dismissalBody = z.strictObject({ note: z.string().trim().min(3).max(500) });

export const mandateSchema = z.object({
  id: z.string(),
  reference: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  debtorIban: z.string(),
  debtorBic: z.string().nullable(),
  signedOn: z.string(),
  sequence: z.enum(['first', 'recurring']),
  status: z.enum(['active', 'revoked']),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  createdAt: z.string(),
});
export const mandateListSchema = z.object({ items: z.array(mandateSchema), hasMore: z.boolean() });
export const mandateListQuery = z.strictObject({
  caseId: z.string().uuid().optional(),
  status: z.enum(['active', 'revoked']).optional(),
  ...pagingQuery,
});

const sepaId = z.string().regex(/^[A-Za-z0-9/?:().,'+-]{1,35}$/, "1 to 35 letters, digits or / - ? : ( ) . , ' +");
export const createMandateBody = z.strictObject({
  reference: sepaId,
  caseId: z.string().uuid(),
  debtorName: z.string().trim().min(1).max(140),
  debtorIban: z.string().min(5).max(50),
  debtorBic: z.string().max(20).nullable().optional(),
  signedOn: calendarDate,
});
export const amendMandateBody = z.strictObject({
  debtorName: z.string().trim().min(1).max(140).optional(),
  debtorIban: z.string().min(5).max(50).optional(),
  debtorBic: z.string().max(20).nullable().optional(),
});
export const revokeMandateBody = z.strictObject({
  reason: z.string().trim().min(3).max(500),
  revokedOn: calendarDate.optional(),
});

export const directDebitQuery = z.strictObject({ date: calendarDate });

export type ImportView = z.infer<typeof importSchema>;
export type StatementLine = z.infer<typeof lineSchema>;
export type StatementReport = z.infer<typeof reportSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type MandateView = z.infer<typeof mandateSchema>;
export type NewMandate = z.infer<typeof createMandateBody>;
