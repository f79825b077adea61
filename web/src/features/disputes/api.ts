import type {
  DisputeAnswerBody,
  DisputeDecisionBody,
  DisputeList,
  DisputeRecordBody,
  DisputeView,
} from '../../../../src/disputes/contract.js';
import type { CaseLifecycleView, ClosureBody, ReopeningBody } from '../../../../src/closures/contract.js';
import { http } from '../../api/client.js';

/** Disputes and a person's closures: the server's own types (disputes/contract.ts, closures/contract.ts). */
export type { DisputeList, DisputeView, CaseLifecycleView };

const caseUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;
const disputeUrl = (id: string) => `/api/v1/disputes/${encodeURIComponent(id)}`;

export const getCaseDisputes = (caseId: string, signal?: AbortSignal) =>
  http.get<DisputeList>(`${caseUrl(caseId)}/disputes`, undefined, signal);

export const getOpenDisputes = (query: { overdue: boolean; offset: number }, signal?: AbortSignal) =>
  http.get<DisputeList>(
    '/api/v1/disputes',
    { overdue: String(query.overdue), offset: String(query.offset), limit: '50' },
    signal,
  );

export const recordDispute = (caseId: string, body: DisputeRecordBody) =>
  http.post<DisputeView>(`${caseUrl(caseId)}/disputes`, body);

export const answerDispute = (id: string, body: DisputeAnswerBody) =>
  http.post<DisputeView>(`${disputeUrl(id)}/answer`, body);

export const decideDispute = (id: string, body: DisputeDecisionBody) =>
  http.post<DisputeView>(`${disputeUrl(id)}/decision`, body);

export const closeCase = (caseId: string, body: ClosureBody) =>
  http.post<CaseLifecycleView>(`${caseUrl(caseId)}/closure`, body);

export const reopenCase = (caseId: string, body: ReopeningBody) =>
  http.post<CaseLifecycleView>(`${caseUrl(caseId)}/reopening`, body);

/** A correction typed in euros, negative to lower ("-120,50"), as integer cents; null when it is not an amount. */
export function parseCorrection(text: string, parse: (text: string) => number | null): number | null {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-') || trimmed.startsWith('−');
  const cents = parse(negative ? trimmed.slice(1) : trimmed);
  if (cents === null || cents === 0) return null;
  return negative ? -cents : cents;
}
