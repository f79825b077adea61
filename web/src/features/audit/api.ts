import { http } from '../../api/client.js';

/** The audit log and the check of its hash chain. */

export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
}

export interface AuditFilter {
  action?: string;
  targetType?: string;
  beforeSeq?: number;
  limit: number;
}

export interface AuditVerification {
  ok: boolean;
  entriesChecked: number;
  message: string;
  problem: unknown;
}

export const listAudit = (filter: AuditFilter, signal?: AbortSignal) =>
  http.get<{ items: AuditEntry[] }>('/api/v1/audit', { ...filter }, signal);
export const verifyAudit = () => http.get<AuditVerification>('/api/v1/audit/verification');
