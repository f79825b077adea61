import type {
  CaseDetail,
  CaseSort,
  CaseStatus,
  CaseSummary,
  CreditorDetail,
  CreditorSummary,
  Stage,
} from '../../../../src/portfolio/contract.js';
import { http } from '../../api/client.js';

/** Cases and creditors: the server's own types (portfolio/contract.ts), imported type-only. */

export type { CaseDetail, CaseSort, CaseStatus, CaseSummary, CreditorDetail, CreditorSummary, Stage };

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
