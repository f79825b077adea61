import type { z } from 'zod';
import type { importSchema, StatementReport } from '../../../src/bank-files/statements.js';
import type { QueueItem } from '../../../src/bank-files/match-queue.js';
import type { PaymentView } from '../../../src/payments/payment-view.js';
import type { RemittanceView } from '../../../src/remittances/remittance-view.js';
import { http, upload } from './client.js';

/** Payments, remittances and bank statements as the web app uses them: the server's own types, imported type-only. */
export type Payment = PaymentView;
export type PaymentChannel = Payment['channel'];
export type Component = Payment['allocations'][number]['component'];
export type Remittance = RemittanceView;
export type RemittanceSummary = Omit<RemittanceView, 'lines'>;
export type BankImport = z.infer<typeof importSchema>;
export type BankReport = StatementReport;
export type BankLineStatus = BankReport['lines'][number]['status'];
export type MatchQueueItem = QueueItem;

export const PAYMENT_CHANNELS: readonly PaymentChannel[] = ['bank_transfer', 'card', 'cheque', 'cash_partner', 'direct_debit', 'creditor_reported'];
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
  http.get<{ items: Payment[]; debtorCreditCents: number | null }>(`/api/v1/cases/${caseId}/payments`, undefined, signal);
export const reversePayment = (id: string, body: { kind: ReversalKind; reason: string }) => http.post<Payment>(`/api/v1/payments/${id}/reversal`, body);
export const receiptPdfUrl = (id: string) => `/api/v1/payments/${id}/receipt.pdf`;
export const refundCredit = (debtorId: string, body: { amountCents: number; reason: string }) =>
  http.post<{ debtorCreditCents: number }>(`/api/v1/debtors/${debtorId}/credit/refunds`, body);
export const allocateCredit = (caseId: string) =>
  http.post<{ allocatedCents: number; debtorCreditCents: number }>(`/api/v1/cases/${caseId}/credit/allocation`);

export const listCreditorPayments = (query: { creditorId?: string; from: string; to: string }, signal?: AbortSignal) =>
  http.get<{ items: Payment[]; totalCents: number }>('/api/v1/creditor-payments', { ...query }, signal);
export const listRemittances = (creditorId: string | undefined, signal?: AbortSignal) =>
  http.get<{ items: RemittanceSummary[] }>('/api/v1/remittances', { creditorId }, signal);
export const getRemittance = (id: string, signal?: AbortSignal) => http.get<Remittance>(`/api/v1/remittances/${id}`, undefined, signal);
export const prepareRemittance = (body: { creditorId: string; periodTo: string }) => http.post<Remittance>('/api/v1/remittances', body);
export const remittanceFileUrl = (id: string, file: 'statement.pdf' | 'statement.csv' | 'transfer.xml') => `/api/v1/remittances/${id}/${file}`;

export const uploadBankStatement = (file: File) =>
  upload<BankReport>('/api/v1/bank-statements', { query: { fileName: file.name }, body: file, contentType: 'application/xml' });
export const listBankStatements = (page: { limit: number; offset: number }, signal?: AbortSignal) =>
  http.get<{ items: BankImport[]; hasMore: boolean }>('/api/v1/bank-statements', page, signal);
export const getBankStatement = (id: string, signal?: AbortSignal) => http.get<BankReport>(`/api/v1/bank-statements/${id}`, undefined, signal);
export const listMatchQueue = (signal?: AbortSignal) => http.get<{ items: MatchQueueItem[]; hasMore: boolean }>('/api/v1/bank-match-queue', { limit: 200 }, signal);
export const assignQueued = (id: string, body: { caseId: string; note?: string }) => http.post<MatchQueueItem>(`/api/v1/bank-match-queue/${id}/assignment`, body);
export const dismissQueued = (id: string, note: string) => http.post<MatchQueueItem>(`/api/v1/bank-match-queue/${id}/dismissal`, { note });
