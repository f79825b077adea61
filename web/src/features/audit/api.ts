import type {
  AuditEntry,
  AuditFilter,
  AuditList,
  AuditVerification,
  DebtorRead,
  DebtorTrail,
  DebtorTrailItem,
} from '../../../../src/audit/contract.js';
import { http } from '../../api/client.js';

/** The audit trail and the check of its hash chain: the server's own types (audit/contract.ts), imported type-only. */

export type { AuditEntry, AuditFilter, AuditList, AuditVerification, DebtorRead, DebtorTrail, DebtorTrailItem };

export const listAudit = (filter: AuditFilter & { cursor?: string; limit: number }, signal?: AbortSignal) =>
  http.get<AuditList>('/api/v1/audit', { ...filter }, signal);
export const getDebtorTrail = (debtorId: string, page: { cursor?: string; limit: number }, signal?: AbortSignal) =>
  http.get<DebtorTrail>(`/api/v1/debtors/${encodeURIComponent(debtorId)}/audit-trail`, { ...page }, signal);
export const verifyAudit = () => http.get<AuditVerification>('/api/v1/audit/verification');
