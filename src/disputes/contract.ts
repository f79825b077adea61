import { z } from 'zod';
import {
  CLAIM_COMPONENTS,
  DISPUTE_ANSWERS,
  DISPUTE_DECISIONS,
  DISPUTE_GROUNDS,
  DISPUTE_STATUSES,
  EVIDENCE_KINDS,
} from './core/dispute.js';

export { CLAIM_COMPONENTS, DISPUTE_ANSWERS, DISPUTE_DECISIONS, DISPUTE_GROUNDS, DISPUTE_STATUSES, EVIDENCE_KINDS };

/** Disputes of a claim and a person's closures and reopenings of a case: the API's shapes. */

const note = z.string().trim().min(1).max(2000);
const documentIds = z.array(z.string().uuid()).max(20).default([]);

export const disputeRecordBody = z.strictObject({
  claimId: z.string().uuid(),
  grounds: z.enum(DISPUTE_GROUNDS),
  note,
  documentIds,
});

export const disputeAnswerBody = z.strictObject({
  answer: z.enum(DISPUTE_ANSWERS),
  note: z.string().trim().max(2000).default(''),
  adjustment: z
    .strictObject({
      component: z.enum(CLAIM_COMPONENTS),
      amountCents: z
        .number()
        .int()
        .min(-1_000_000_000)
        .max(1_000_000_000)
        .refine((cents) => cents !== 0, 'A correction is not zero'),
    })
    .nullable()
    .default(null),
  documentIds,
});

export const disputeDecisionBody = z.strictObject({ decision: z.enum(DISPUTE_DECISIONS), note });

export const disputeListQuery = z.strictObject({
  overdue: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const documentRef = z.object({ id: z.string(), fileName: z.string(), part: z.enum(['dispute', 'answer']) });

export const disputeSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorName: z.string(),
  claimId: z.string(),
  claimReference: z.string(),
  grounds: z.enum(DISPUTE_GROUNDS),
  note: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  linkedTo: z.string().nullable(),
  linkedCount: z.number().int(),
  evidenceDueOn: z.string(),
  overdue: z.boolean(),
  evidenceRequested: z.array(z.enum(EVIDENCE_KINDS)),
  openedAt: z.string(),
  /** Who recorded it: a user's name, or null when the debtor did on the portal (`openedVia`). */
  openedBy: z.string().nullable(),
  openedVia: z.enum(['user', 'portal']),
  answer: z.enum(DISPUTE_ANSWERS).nullable(),
  answerNote: z.string().nullable(),
  adjustment: z.object({ component: z.enum(CLAIM_COMPONENTS), amountCents: z.number().int() }).nullable(),
  answeredAt: z.string().nullable(),
  decision: z.enum(DISPUTE_DECISIONS).nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  documents: z.array(documentRef),
});
export const disputeListSchema = z.object({ items: z.array(disputeSchema), total: z.number().int() });

export type DisputeRecordBody = z.infer<typeof disputeRecordBody>;
export type DisputeAnswerBody = z.infer<typeof disputeAnswerBody>;
export type DisputeDecisionBody = z.infer<typeof disputeDecisionBody>;
export type DisputeListQuery = z.infer<typeof disputeListQuery>;
export type DisputeView = z.infer<typeof disputeSchema>;
export type DisputeList = z.infer<typeof disputeListSchema>;
