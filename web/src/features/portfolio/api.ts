import type { z } from 'zod';
import type { caseDetailSchema, caseStatusSchema, creditorDetailSchema, stageSchema } from '../../../../src/portfolio/contract.js';
import { http } from '../../api/client.js';

/**
 * Cases and creditors. Where the server exports its zod schema the type is inferred from it (type-only imports:
 * nothing of zod reaches the bundle), so the two cannot drift apart; the rest mirror the route schemas.
 */

export type Stage = z.infer<typeof stageSchema>;
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CreditorDetail = z.infer<typeof creditorDetailSchema>;

export interface CreditorSummary {
  id: string;
  code: string;
  name: string;
  sector: string;
  country: string;
  active: boolean;
}

export interface CaseSummary {
  id: string;
  reference: string;
  stage: Stage;
  status: CaseStatus;
  balanceCents: number;
  currency: string;
  openedOn: string;
  creditor: { id: string; name: string };
  debtor: { id: string; displayName: string };
}

export type CaseSort = 'balance_desc' | 'balance_asc' | 'opened_asc' | 'opened_desc' | 'reference';

export interface CaseSearch {
  q?: string;
  creditorId?: string;
  stage?: Stage;
  minBalanceCents?: number;
  maxBalanceCents?: number;
  /** YYYY-MM-DD: cases opened on or after / on or before (the age of the case). */
  openedAfter?: string;
  openedBefore?: string;
  sort?: CaseSort;
  limit: number;
  offset: number;
}

export const listCreditors = (signal?: AbortSignal) =>
  http.get<{ items: CreditorSummary[] }>('/api/v1/creditors', undefined, signal);
export const getCreditor = (id: string, signal?: AbortSignal) =>
  http.get<CreditorDetail>(`/api/v1/creditors/${encodeURIComponent(id)}`, undefined, signal);

export const searchCases = (search: CaseSearch, signal?: AbortSignal) =>
  http.get<{ items: CaseSummary[]; hasMore: boolean }>('/api/v1/cases', { ...search }, signal);
export const getCase = (id: string, signal?: AbortSignal) =>
  http.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, undefined, signal);
