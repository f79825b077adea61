import { z } from 'zod';
import { calendarDate, exportFormatQuery } from '../platform/http/schemas.js';
import { paymentSchema } from '../payments/contract.js';

/**
 * The API of remittances to creditors: the statement of what was collected, the commission and the net, its
 * documents, where the creditor is paid and notified, and the payments of a period.
 */

export const prepareRemittanceBody = z.strictObject({ creditorId: z.string().uuid(), periodTo: calendarDate });

export const remittanceSchema = z.object({
  id: z.string(),
  number: z.string(),
  creditorId: z.string(),
  creditorCode: z.string(),
  creditorName: z.string(),
  periodTo: z.string(),
  collectedCents: z.number().int(),
  commissionCents: z.number().int(),
  netCents: z.number().int(),
  status: z.enum(['prepared', 'released', 'cancelled']).describe('prepared waits for another person to release it'),
  preparedAt: z.string(),
  preparedBy: z.string().nullable(),
  preparedById: z.string().nullable(),
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  releasedById: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  lines: z.array(
    z.object({
      paymentId: z.string().nullable(),
      receiptNumber: z.string().nullable(),
      caseReference: z.string(),
      occurredOn: z.string(),
      collectedCents: z.number().int(),
      commissionCents: z.number().int(),
      netCents: z.number().int(),
    }),
  ),
});
export const remittanceSummarySchema = remittanceSchema.omit({ lines: true });

export const remittanceListQuery = z.strictObject({ creditorId: z.string().uuid().optional() });
export const remittanceListSchema = z.object({ items: z.array(remittanceSummarySchema) });

/** The statement as CSV, and the SEPA credit transfer (pain.001.001.03) as XML: text. */
export const statementCsvSchema = z.string();
export const transferXmlSchema = z.string();

export const remittanceSettingsBody = z.strictObject({
  remittanceIban: z.string().max(42).nullable(),
  remittanceBic: z.string().max(11).nullable(),
  webhookUrl: z.url().max(500).nullable(),
  /** Write-only: a secret the creditor chose. Never shown back, only its last four characters. */
  webhookSecret: z.string().min(16, 'a secret of at least 16 characters').max(200).optional(),
  rotateWebhookSecret: z
    .literal(true)
    .optional()
    .describe('Accord draws a new secret and shows it in this answer only'),
});

export const remittanceSettingsSchema = z.object({
  remittanceIban: z.string().nullable(),
  remittanceBic: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  webhookSecretSet: z.boolean(),
  webhookSecretLast4: z.string().nullable().describe('the secret is never shown again: only its last four characters'),
  newWebhookSecret: z.string().optional().describe('only in the answer to rotateWebhookSecret: copy it now'),
});

export const creditorPaymentsQuery = z.strictObject({
  creditorId: z.string().uuid().optional(),
  from: calendarDate,
  to: calendarDate,
});
export const creditorPaymentsExportQuery = creditorPaymentsQuery.extend(exportFormatQuery);
export const creditorPaymentsSchema = z.object({ items: z.array(paymentSchema), totalCents: z.number().int() });

export type RemittanceView = z.infer<typeof remittanceSchema>;
export type RemittanceSummary = z.infer<typeof remittanceSummarySchema>;
export type PrepareRemittance = z.infer<typeof prepareRemittanceBody>;
export type RemittanceSettingsView = z.infer<typeof remittanceSettingsSchema>;
export type CreditorPayments = z.infer<typeof creditorPaymentsSchema>;
export type CreditorPaymentsExportQuery = z.infer<typeof creditorPaymentsExportQuery>;
