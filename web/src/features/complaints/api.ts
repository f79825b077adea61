import type {
  AnswerComplaintBody,
  ComplaintList,
  ComplaintPage,
  ComplaintView,
  MediatorBody,
  MediatorList,
  MediatorRow,
  RegisterComplaintBody,
} from '../../../../src/complaints/contract.js';
import { http, type Query } from '../../api/client.js';

/** Complaints: the server's own types (complaints/contract.ts), imported type-only. */
export type { ComplaintList, ComplaintPage, ComplaintView, RegisterComplaintBody, AnswerComplaintBody };

export const getCaseComplaints = (caseId: string, signal?: AbortSignal) =>
  http.get<ComplaintList>(`/api/v1/cases/${encodeURIComponent(caseId)}/complaints`, undefined, signal);

export const registerComplaint = (caseId: string, body: RegisterComplaintBody) =>
  http.post<ComplaintView>(`/api/v1/cases/${encodeURIComponent(caseId)}/complaints`, body);

export const getComplaintRegister = (query: Query, signal?: AbortSignal) =>
  http.get<ComplaintPage>('/api/v1/complaints', query, signal);

export const acknowledgeComplaint = (id: string) =>
  http.post<ComplaintView>(`/api/v1/complaints/${encodeURIComponent(id)}/acknowledgement`);

export const answerComplaint = (id: string, body: AnswerComplaintBody) =>
  http.post<ComplaintView>(`/api/v1/complaints/${encodeURIComponent(id)}/answer`, body);

export const closeComplaint = (id: string) =>
  http.post<ComplaintView>(`/api/v1/complaints/${encodeURIComponent(id)}/closure`, { referredToMediator: false });

export type { MediatorBody, MediatorList, MediatorRow };

export const getMediators = (signal?: AbortSignal) => http.get<MediatorList>('/api/v1/mediators', undefined, signal);

export const saveMediator = (body: MediatorBody) => http.post<MediatorRow>('/api/v1/mediators', body);
