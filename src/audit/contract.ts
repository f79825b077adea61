import { z } from 'zod';

/** The API of the audit trail: its entries, newest first, and the check of its hash chain. */

export const auditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  actorUserId: z.string().uuid().optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  message: z.string(),
  problem: z.unknown(),
});

export type AuditQuery = z.infer<typeof auditQuery>;
/** The filter as a client sends it. */
export type AuditFilter = z.input<typeof auditQuery>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditList = z.infer<typeof auditListSchema>;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
