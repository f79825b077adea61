import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';
import { centsAmount, centsCorrection } from '../platform/money.js';

/**
 * The API of payments: recording one (once, whatever the retries), reading, reversing, the debtor's credit and claim
 * corrections.
 */

export const PAYMENT_CHANNELS = [
  'bank_transfer',
  'card',
  'cheque',
  'cash_partner',
  'direct_debit',
  'creditor_reported',
] as const;
export const REVERSAL_KINDS = ['returned_direct_debit', 'bounced_cheque', 'chargeback', 'error'] as const;
const component = z.enum(['principal', 'interest', 'fees']);

export const recordPaymentHeaders = z.object({
  'idempotency-key': z.string().min(8, 'an Idempotency-Key of at least 8 characters, unique per payment').max(200),
  /** The web app says so, for the payment's source; other callers are the API. */
  'x-accord-client': z.enum(['web']).optional(),
});

export const recordPaymentBody = z.strictObject({
  caseId: z.string().uuid(),
  amountCents: centsAmount,
  channel: z.enum(PAYMENT_CHANNELS),
  receivedOn: calendarDate,
  reference: z.string().trim().min(1).max(140).optional(),
  payerName: z.string().trim().min(1).max(140).optional(),
  payerIban: z.string().trim().max(50).optional().describe('an IBAN, spaces allowed; checked'),
  debtorChoice: z.array(z.string().uuid()).max(50).optional(),
  note: z.string().max(2000).optional(),
});

export const paymentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorId: z.string(),
  creditorId: z.string(),
  channel: z.enum(PAYMENT_CHANNELS),
  amountCents: z.number().int(),
  currency: z.string(),
  receivedOn: z.string(),
  reference: z.string().nullable(),
  payerName: z.string().nullable(),
  receiptNumber: z.string(),
  status: z.enum(['recorded', 'reversed']),
  source: z.enum(['api', 'web', 'bank_statement', 'portal']),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  reversedAt: z.string().nullable(),
  reversalKind: z.string().nullable(),
  reversalReason: z.string().nullable(),
  /** Where the money went, claim by claim and component, as the ledger says (net of any reversal). */
  allocations: z.array(
    z.object({ claimId: z.string(), claimReference: z.string(), component, amountCents: z.number().int() }),
  ),
  /** What no claim took: the debtor's credit from this payment. */
  unallocatedCents: z.number().int(),
  commissionCents: z.number().int(),
});

export const casePaymentsSchema = z.object({
  items: z.array(paymentSchema),
  debtorCreditCents: z
    .number()
    .int()
    .nullable()
    .describe("null for a creditor user: the debtor's credit spans every creditor's cases"),
});

export const reversalBody = z.strictObject({
  kind: z.enum(REVERSAL_KINDS),
  reason: z.string().trim().min(3, 'say why in a few words').max(1000),
});

export const refundBody = z.strictObject({ amountCents: centsAmount, reason: z.string().trim().min(3).max(1000) });
export const refundResultSchema = z.object({ debtorCreditCents: z.number().int() });
export const creditAllocationSchema = z.object({
  allocatedCents: z.number().int(),
  debtorCreditCents: z.number().int(),
});

export const claimAdjustmentBody = z.strictObject({
  component,
  amountCents: centsCorrection,
  reason: z.string().trim().min(3).max(1000),
});
export const claimAdjustmentSchema = z.object({ claimId: z.string(), owedCents: z.number().int() });

export type PaymentView = z.infer<typeof paymentSchema>;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export type RecordPaymentBody = z.infer<typeof recordPaymentBody>;
export type CasePayments = z.infer<typeof casePaymentsSchema>;
export type Reversal = z.infer<typeof reversalBody>;
export type ReversalKind = (typeof REVERSAL_KINDS)[number];
export type Refund = z.infer<typeof refundBody>;
export type RefundResult = z.infer<typeof refundResultSchema>;
export type CreditAllocation = z.infer<typeof creditAllocationSchema>;
export type ClaimAdjustment = z.infer<typeof claimAdjustmentBody>;
export type ClaimAdjustmentResult = z.infer<typeof claimAdjustmentSchema>;
