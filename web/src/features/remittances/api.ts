import type { RemittanceView } from '../../../../src/remittances/contract.js';
import { http } from '../../api/client.js';
import type { Payment } from '../payments/api.js';

/** What is paid to creditors: the payments of a period and the remittances (the server's own types, imported type-only). */
export type Remittance = RemittanceView;
export type RemittanceSummary = Omit<RemittanceView, 'lines'>;

export const listCreditorPayments = (query: { creditorId?: string; from: string; to: string }, signal?: AbortSignal) =>
  http.get<{ items: Payment[]; totalCents: number }>('/api/v1/creditor-payments', { ...query }, signal);
export const listRemittances = (creditorId: string | undefined, signal?: AbortSignal) =>
  http.get<{ items: RemittanceSummary[] }>('/api/v1/remittances', { creditorId }, signal);
export const getRemittance = (id: string, signal?: AbortSignal) =>
  http.get<Remittance>(`/api/v1/remittances/${id}`, undefined, signal);
export const prepareRemittance = (body: { creditorId: string; periodTo: string }) =>
  http.post<Remittance>('/api/v1/remittances', body);
export const remittanceFileUrl = (id: string, file: 'statement.pdf' | 'statement.csv' | 'transfer.xml') =>
  `/api/v1/remittances/${id}/${file}`;
export const releaseRemittance = (id: string) => http.post<Remittance>(`/api/v1/remittances/${id}/release`, {});
export const cancelRemittance = (id: string) => http.post<Remittance>(`/api/v1/remittances/${id}/cancel`, {});
