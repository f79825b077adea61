import type { AuditEntry, AuditVerification } from '../../../../src/audit/contract.js';
import { http } from '../../api/client.js';

/** The audit log and the check of its hash chain: the server's own types (audit/contract.ts), imported type-only. */

export type { AuditEntry, AuditVerification };

export interface AuditFilter {
  action?: string;
  targetType?: string;
  beforeSeq?: number;
  limit: number;
}

export const listAudit = (filter: AuditFilter, signal?: AbortSignal) =>
  http.get<{ items: AuditEntry[] }>('/api/v1/audit', { ...filter }, signal);
export const verifyAudit = () => http.get<AuditVerification>('/api/v1/audit/verification');
