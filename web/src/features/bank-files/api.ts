import type { z } from 'zod';
import type { importSchema, QueueItem, StatementReport } from '../../../../src/bank-files/contract.js';
import { http, upload } from '../../api/client.js';

/** Bank statements and the queue of credits to match by hand (the server's own types, imported type-only). */
export type BankImport = z.infer<typeof importSchema>;
export type BankReport = StatementReport;
export type BankLineStatus = BankReport['lines'][number]['status'];
export type MatchQueueItem = QueueItem;

export const uploadBankStatement = (file: File) =>
  upload<BankReport>('/api/v1/bank-statements', {
    query: { fileName: file.name },
    body: file,
    contentType: 'application/xml',
  });
export const listBankStatements = (page: { limit: number; offset: number }, signal?: AbortSignal) =>
  http.get<{ items: BankImport[]; hasMore: boolean }>('/api/v1/bank-statements', page, signal);
export const getBankStatement = (id: string, signal?: AbortSignal) =>
  http.get<BankReport>(`/api/v1/bank-statements/${id}`, undefined, signal);
export const listMatchQueue = (signal?: AbortSignal) =>
  http.get<{ items: MatchQueueItem[]; hasMore: boolean }>('/api/v1/bank-match-queue', { limit: 200 }, signal);
export const assignQueued = (id: string, body: { caseId: string; note?: string }) =>
  http.post<MatchQueueItem>(`/api/v1/bank-match-queue/${id}/assignment`, body);
export const dismissQueued = (id: string, note: string) =>
  http.post<MatchQueueItem>(`/api/v1/bank-match-queue/${id}/dismissal`, { note });
