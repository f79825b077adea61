import type {
  CaseProcedure,
  OpenProcedureBody,
  PartnerPaymentBody,
  ProcedureCostBody,
  ProcedureQueue,
  ProcedureStepBody,
  ProcedureView,
} from '../../../../src/judicial/contract.js';
import { http } from '../../api/client.js';

/** A case's judicial procedure and the judicial queue: the server's own types (judicial/contract.ts). */
export type { CaseProcedure, ProcedureQueue, ProcedureView };

const procedureUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/judicial-procedure`;

export const getProcedureQueue = (signal?: AbortSignal) =>
  http.get<ProcedureQueue>('/api/v1/judicial/procedures/queue', undefined, signal);

export const getCaseProcedure = (caseId: string, signal?: AbortSignal) =>
  http.get<CaseProcedure>(procedureUrl(caseId), undefined, signal);

export const openProcedure = (caseId: string, body: Partial<OpenProcedureBody>) =>
  http.post<ProcedureView>(procedureUrl(caseId), body);

export const recordStep = (
  caseId: string,
  body: Partial<ProcedureStepBody> & Pick<ProcedureStepBody, 'kind' | 'occurredOn'>,
) => http.post<ProcedureView>(`${procedureUrl(caseId)}/steps`, body);

export const recordCost = (
  caseId: string,
  body: Partial<ProcedureCostBody> & Pick<ProcedureCostBody, 'kind' | 'amountCents' | 'incurredOn'>,
) => http.post<ProcedureView>(`${procedureUrl(caseId)}/costs`, body);

const reportUrl = (id: string) => `/api/v1/judicial/partner-reports/${encodeURIComponent(id)}`;
export const applyPartnerReport = (id: string) => http.post<ProcedureView>(`${reportUrl(id)}/apply`);
export const rejectPartnerReport = (id: string, reason: string) =>
  http.post<ProcedureView>(`${reportUrl(id)}/reject`, { reason });

export const recordPartnerPayment = (
  caseId: string,
  body: Partial<PartnerPaymentBody> & Omit<PartnerPaymentBody, 'note'>,
) => http.post<ProcedureView>(`${procedureUrl(caseId)}/partner-payments`, body);
