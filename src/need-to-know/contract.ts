import { z } from 'zod';

/** The API of need-to-know: who read special-category data (budgets, vulnerability records), for compliance. */

export const sensitiveReadQuery = z.strictObject({
  debtorId: z.string().uuid().optional(),
  userId: z.string().uuid().optional(),
  beforeSeq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const sensitiveReadSchema = z.object({
  seq: z.number().int(),
  readAt: z.string(),
  user: z.object({ id: z.string(), displayName: z.string() }),
  role: z.string(),
  debtor: z.object({ id: z.string(), displayName: z.string() }),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  subject: z.enum(['budget', 'vulnerability', 'audit_trail', 'document', 'care_referral']),
  basis: z.enum(['care_team', 'case_holder', 'compliance', 'stated_reason', 'restricted']),
  reason: z.string().nullable(),
  /** Whether the read is already sealed into the audit chain. */
  sealed: z.boolean(),
});
export const sensitiveReadListSchema = z.object({ items: z.array(sensitiveReadSchema), hasMore: z.boolean() });

export type SensitiveReadQuery = z.infer<typeof sensitiveReadQuery>;
export type SensitiveReadView = z.infer<typeof sensitiveReadSchema>;
export type SensitiveReadList = z.infer<typeof sensitiveReadListSchema>;

/** The id of the rule under which a care hold's details are withheld (the web app names it in the reader's words). */
export { CARE_RULE_ID } from './core/care-rule.js';
