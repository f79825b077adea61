import { z } from 'zod';
import { pagingQuery } from '../platform/http/schemas.js';
import { caseStatusSchema, stageSchema } from '../cases/contract.js';

/** The API of possible duplicate debtors: what the review list and the decision take and give. */

export const matchStatusSchema = z.enum(['open', 'same_person', 'different_people']);

export const debtorCardSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  birthDate: z.string().nullable(),
  address: z.string().nullable().describe('the primary (else first) address on one line'),
  mergedInto: z.string().nullable().describe('set once this record was merged into another: the survivor'),
  createdAt: z.string().describe('when the record was created: on "same_person" the older one is kept'),
  references: z.array(z.object({ creditorName: z.string(), reference: z.string() })),
  cases: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      creditorName: z.string(),
      stage: stageSchema,
      status: caseStatusSchema,
      balanceCents: z.number().int(),
    }),
  ),
});

export const debtorMatchSchema = z.object({
  id: z.string(),
  status: matchStatusSchema,
  reason: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable().describe('the name of the person who decided'),
  debtor: debtorCardSchema,
  candidate: debtorCardSchema,
});

export const matchListQuery = z.strictObject({ status: matchStatusSchema.default('open'), ...pagingQuery });
export const matchListSchema = z.object({ items: z.array(debtorMatchSchema), hasMore: z.boolean() });

export const matchDecisionBody = z.strictObject({
  decision: z.enum(['same_person', 'different_people']),
  note: z.string().max(500).optional(),
});

export type DebtorMatch = z.infer<typeof debtorMatchSchema>;
export type DebtorCard = z.infer<typeof debtorCardSchema>;
export type MatchStatus = z.infer<typeof matchStatusSchema>;
export type MatchListQuery = z.infer<typeof matchListQuery>;
export type MatchList = z.infer<typeof matchListSchema>;
export type MatchDecision = z.infer<typeof matchDecisionBody>;
