import { z } from 'zod';
import { calendarDate, exportFormatQuery } from '../platform/http/schemas.js';
import { AUDIT_ACTIONS, AUDIT_FAMILIES, actionsOf, familyOf, type AuditFamily } from './core/actions.js';

/** The API of the audit trail: its entries in words, newest first, one debtor's trail, and the check of the chain. */

export { AUDIT_ACTIONS, AUDIT_FAMILIES, actionsOf, familyOf, type AuditFamily };

/**
 * Where a page of a newest-first list starts: the last entry shown, `<occurredAt ISO>_<seq>`, as the previous page's
 * `nextCursor` gave it. Keyset paging: the next page starts where the last ended, however many entries came since.
 */
export const auditCursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_\d{1,18}$/, 'use the nextCursor of the previous page as it came')
  .describe("the previous page's nextCursor");

/** The filter of the trail; each criterion narrows it, the dates are the agency's calendar days. */
export const auditFilterSchema = z.strictObject({
  from: calendarDate.optional().describe('first day, in the agency’s zone'),
  to: calendarDate.optional().describe('last day, included, in the agency’s zone'),
  actorUserId: z.string().uuid().optional().describe('the user who acted'),
  caseId: z.string().uuid().optional().describe('entries about this case or anything of it (plans, payments…)'),
  caseReference: z.string().trim().min(1).max(50).optional().describe('the same, the case given by its reference'),
  debtorId: z.string().uuid().optional().describe('entries about this debtor, its cases and anything of them'),
  family: z.enum(AUDIT_FAMILIES).optional(),
  action: z.string().max(100).optional().describe('one exact action, e.g. payment.recorded'),
});
/** The trail as a file: the same filter, every entry, and the format. */
export const auditExportQuery = auditFilterSchema.extend(exportFormatQuery);

export const auditQuery = auditFilterSchema.extend({
  cursor: auditCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const reference = z.object({ id: z.string(), name: z.string() });

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  action: z.string(),
  family: z.enum(AUDIT_FAMILIES),
  actor: z.object({ id: z.string().nullable(), name: z.string().nullable(), role: z.string().nullable() }),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /** What the entry concerns, resolved at reading time (a case by its reference, a debtor or a user by name). */
  case: reference.nullable(),
  debtor: reference.nullable(),
  user: reference.nullable(),
  facts: z.object({
    amountCents: z.number().int().nullable(),
    count: z.number().int().nullable(),
    version: z.number().int().nullable(),
    reference: z.string().nullable(),
  }),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  /** The entry's link in the hash chain; null for the few seconds before the sealer folds it in (docs/audit.md). */
  hash: z.string().nullable(),
});
/** The filter as applied, each id named, for a page or a file to state it in words. */
export const appliedAuditFilterSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  case: z.object({ id: z.string().nullable(), reference: z.string() }).nullable(),
  debtor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  family: z.enum(AUDIT_FAMILIES).nullable(),
  action: z.string().nullable(),
});

export const auditListSchema = z.object({
  applied: appliedAuditFilterSchema,
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable().describe('null on the last page'),
});

/** One debtor's trail: what was done about them (audit entries) and who read their special-category data. */
export const debtorTrailQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[ar]_\d{1,18}$/, 'use the nextCursor of the previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const debtorReadSchema = z.object({
  seq: z.number().int(),
  readAt: z.string(),
  user: reference,
  role: z.string(),
  case: reference.nullable(),
  subject: z.string(),
  basis: z.string(),
  reason: z.string().nullable(),
});
export const debtorTrailItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), entry: auditEntrySchema }),
  z.object({ kind: z.literal('read'), read: debtorReadSchema }),
]);
export const debtorTrailSchema = z.object({
  debtor: reference,
  items: z.array(debtorTrailItemSchema),
  nextCursor: z.string().nullable(),
});

/** What `audit:verify` found first, as facts the reader's language words (the web) or English (the command line). */
export const chainProblemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('content_altered'), seq: z.number().int() }),
  z.object({ kind: z.literal('link_broken'), seq: z.number().int(), expectedPrevHash: z.string() }),
  z.object({ kind: z.literal('head_mismatch'), expectedHash: z.string(), foundHash: z.string() }),
  z.object({ kind: z.literal('count_mismatch'), expected: z.number().int(), found: z.number().int() }),
  z.object({ kind: z.literal('entry_removed'), seq: z.number().int() }),
  z.object({ kind: z.literal('entry_outside_chain'), seq: z.number().int() }),
  z.object({
    kind: z.literal('sealed_reads_altered'),
    auditSeq: z.number().int(),
    firstSeq: z.number().int(),
    lastSeq: z.number().int(),
  }),
]);

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  /** Batches of special-category reads whose seal still matches (0 when the check stopped before them). */
  sealedBatches: z.number().int(),
  /** The same outcome in English, for logs and the command line; a page words `problem` itself. */
  message: z.string(),
  problem: chainProblemSchema.nullable(),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
export type AuditQuery = z.infer<typeof auditQuery>;
/** The query as a client sends it. */
export type AuditQueryInput = z.input<typeof auditQuery>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditList = z.infer<typeof auditListSchema>;
export type DebtorTrailQuery = z.infer<typeof debtorTrailQuery>;
export type DebtorRead = z.infer<typeof debtorReadSchema>;
export type DebtorTrailItem = z.infer<typeof debtorTrailItemSchema>;
export type DebtorTrail = z.infer<typeof debtorTrailSchema>;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
