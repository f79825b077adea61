import type { FilingBody, ProcedureView, QueueItem, StepBody } from '../../../../src/overindebtedness/contract.js';
import { http } from '../../api/client.js';

/** The over-indebtedness procedure: the server's own types (overindebtedness/contract.ts). */
export type { ProcedureView, QueueItem };

export const getCaseProcedure = (caseId: string, signal?: AbortSignal) =>
  http.get<{ procedure: ProcedureView | null }>(
    `/api/v1/cases/${encodeURIComponent(caseId)}/overindebtedness`,
    undefined,
    signal,
  );

export const getProcedureQueue = (signal?: AbortSignal) =>
  http.get<{ items: QueueItem[] }>('/api/v1/overindebtedness/queue', undefined, signal);

export const recordFiling = (
  debtorId: string,
  body: Partial<FilingBody> & Pick<FilingBody, 'filedOn' | 'fileReference'>,
) => http.post<ProcedureView>(`/api/v1/debtors/${encodeURIComponent(debtorId)}/overindebtedness`, body);

export const recordStep = (procedureId: string, body: Partial<StepBody> & Pick<StepBody, 'state' | 'on'>) =>
  http.post<ProcedureView>(`/api/v1/overindebtedness/${encodeURIComponent(procedureId)}/steps`, body);

export const recordStepDocument = (procedureId: string, documentRef: string) =>
  http.post<ProcedureView>(`/api/v1/overindebtedness/${encodeURIComponent(procedureId)}/document`, { documentRef });
