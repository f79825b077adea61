import type { PaymentView } from '../../../../src/payments/contract.js';
import { http } from '../../api/client.js';

/** Payments of a case as the web app uses them: the server's own types, imported type-only. */
export type Payment = PaymentView;
export type PaymentChannel = Payment['channel'];
export type Component = Payment['allocations'][number]['component'];

export const PAYMENT_CHANNELS: readonly PaymentChannel[] = [
  'bank_transfer',
  'card',
  'cheque',
  'cash_partner',
  'direct_debit',
  'creditor_reported',
];
export const REVERSAL_KINDS = ['returned_direct_debit', 'bounced_cheque', 'chargeback', 'error'] as const;
export type ReversalKind = (typeof REVERSAL_KINDS)[number];

export interface NewPayment {
  caseId: string;
  amountCents: number;
  channel: PaymentChannel;
  receivedOn: string;
  reference?: string;
  payerName?: string;
  debtorChoice?: string[];
  note?: string;
}

/** The key travels with the submission: a retry of the same submission sends the same key, so nothing is recorded twice. */
export const recordPayment = (payment: NewPayment, idempotencyKey: string) =>
  http.post<Payment>('/api/v1/payments', payment, { 'Idempotency-Key': idempotencyKey, 'X-Accord-Client': 'web' });
export const getCasePayments = (caseId: string, signal?: AbortSignal) =>
  http.get<{ items: Payment[]; debtorCreditCents: number | null }>(
    `/api/v1/cases/${caseId}/payments`,
    undefined,
    signal,
  );
export const reversePayment = (id: string, body: { kind: ReversalKind; reason: string }) =>
  http.post<Payment>(`/api/v1/payments/${id}/reversal`, body);
export const receiptPdfUrl = (id: string) => `/api/v1/payments/${id}/receipt.pdf`;
export const refundCredit = (debtorId: string, body: { amountCents: number; reason: string }) =>
  http.post<{ debtorCreditCents: number }>(`/api/v1/debtors/${debtorId}/credit/refunds`, body);
export const allocateCredit = (caseId: string) =>
  http.post<{ allocatedCents: number; debtorCreditCents: number }>(`/api/v1/cases/${caseId}/credit/allocation`);
