import { z } from 'zod';
import { calendarDate, exportFormatQuery, pagingQuery } from '../platform/http/schemas.js';
import { caseStatusSchema, recordTextSchema, stageSchema } from '../cases/contract.js';

/** The API of the portfolio: creditors with their mandates, the case search and the case page. */

export { caseStatusSchema, stageSchema };

export const creditorSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  sector: z.string(),
  country: z.string(),
  active: z.boolean(),
});
export const creditorListSchema = z.object({ items: z.array(creditorSummarySchema) });

export const creditorDetailSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  legalName: z.string(),
  registrationNumber: z.string().nullable(),
  sector: z.string(),
  country: z.string(),
  address: z.object({ line1: z.string(), line2: z.string().nullable(), postalCode: z.string(), city: z.string() }),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  mandates: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      kind: z.enum(['collection', 'purchased']),
      commissionRateBp: z.number().int().describe('commission in basis points (1500 = 15 %)'),
      maxDiscountBp: z.number().int(),
      maxPlanMonths: z.number().int(),
      settlementsAllowed: z.boolean(),
      remittanceFrequency: z.string(),
      remittanceMaxDays: z.number().int(),
      paymentGraceDays: z.number().int(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
});

export const caseDetailSchema = z.object({
  id: z.string(),
  reference: z.string(),
  stage: stageSchema,
  status: caseStatusSchema,
  closeReason: z.string().nullable(),
  balanceCents: z.number().int(),
  currency: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  firstLetter: z.object({ reference: z.string(), sentOn: z.string().nullable() }).nullable(),
  creditor: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  mandateCode: z.string(),
  debtor: z.object({
    id: z.string(),
    kind: z.enum(['person', 'company']),
    displayName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    companyName: z.string().nullable(),
    birthDate: z.string().nullable(),
    language: z.string(),
    addresses: z.array(
      z.object({
        line1: z.string(),
        line2: z.string().nullable(),
        postalCode: z.string(),
        city: z.string(),
        country: z.string(),
        subdivision: z.string().nullable(),
        timeZone: z.string(),
        primary: z.boolean(),
        // Provenance, for agency staff only (a creditor's projection holds only the addresses its files supplied).
        source: z.enum(['creditor', 'debtor', 'agent', 'enrichment']).optional(),
        suppliedBy: z
          .array(z.object({ id: z.string(), name: z.string() }))
          .optional()
          .describe('the creditors whose files gave this address'),
        verified: z.boolean().optional(),
        undeliverable: z.boolean().optional().describe('mail came back: never written to again'),
        forLetters: z
          .enum(['verified', 'debtor_given', 'agent_recorded', 'traced', 'creditor_primary', 'creditor_latest'])
          .nullable()
          .optional()
          .describe('the address letters go to, and the rule that chose it'),
      }),
    ),
    contactPoints: z.array(
      z.object({
        id: z.string(),
        channel: z.enum(['phone', 'email']),
        value: z.string(),
        usage: z.string(),
        // What the agency learnt of the number: absent from a creditor's projection, which holds only what its files
        // supplied.
        verified: z.boolean().optional(),
        consent: z.string().optional(),
        optedOut: z.boolean().optional(),
        /** A number that reached someone else: kept for the record, never dialled again. */
        wrongNumber: z.boolean().optional(),
      }),
    ),
  }),
  claims: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      contractType: z.string(),
      originalCreditor: z.string().nullable(),
      currency: z.string(),
      principalCents: z.number().int(),
      interestCents: z.number().int(),
      feesCents: z.number().int(),
      defaultOn: z.string(),
      lastPaymentOn: z.string().nullable(),
      status: z.string(),
    }),
  ),
  holds: z.array(
    z.object({
      id: z.string(),
      kind: z.string().describe('"care_rule" for a care hold whose details the reader has no need to know'),
      reason: z.string().nullable(),
      restricted: z.boolean(),
      status: z.string(),
      startsAt: z.string(),
      endsAt: z.string().nullable(),
      reviewAt: z.string().nullable(),
    }),
  ),
  stageHistory: z.array(
    z.object({
      fromStage: z.string().nullable(),
      toStage: z.string(),
      changedAt: z.string(),
      reason: recordTextSchema.nullable().describe('why, by key (src/cases/core/record-texts.ts); null for a creditor'),
      legacyReason: z.string().nullable().describe('the French text of a change recorded before reasons had keys'),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.string(),
      occurredAt: z.string(),
      kind: z.string(),
      channel: z.string().nullable(),
      direction: z.string().nullable(),
      outcome: z.string().nullable(),
      summary: recordTextSchema.nullable().describe('what happened, by key; null when the kind says it all'),
      legacySummary: z.string().nullable().describe('the French text of a line recorded before summaries had keys'),
    }),
  ),
});

const cents = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const CASE_SORTS = ['balance_desc', 'balance_asc', 'opened_asc', 'opened_desc', 'reference'] as const;

export const caseSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('case reference, claim reference, or the start of a name'),
  creditorId: z.string().uuid().optional(),
  stage: stageSchema.optional(),
  status: caseStatusSchema.optional(),
  minBalanceCents: cents.optional(),
  maxBalanceCents: cents.optional(),
  openedAfter: calendarDate.optional(),
  openedBefore: calendarDate.optional(),
  sort: z.enum(CASE_SORTS).default('opened_desc'),
  ...pagingQuery,
});

/** The case list as a file: the list's filters and sort, every page, and the format. */
export const caseExportQuery = caseSearchQuery.omit({ limit: true, offset: true }).extend(exportFormatQuery);

export const caseSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  stage: stageSchema,
  status: caseStatusSchema,
  balanceCents: z.number().int(),
  currency: z.string(),
  openedOn: z.string(),
  creditor: z.object({ id: z.string(), name: z.string() }),
  debtor: z.object({ id: z.string(), displayName: z.string() }),
});
export const caseListSchema = z.object({ items: z.array(caseSummarySchema), hasMore: z.boolean() });

export type Stage = z.infer<typeof stageSchema>;
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export type CreditorSummary = z.infer<typeof creditorSummarySchema>;
export type CreditorDetail = z.infer<typeof creditorDetailSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type CaseList = z.infer<typeof caseListSchema>;
export type CaseSort = (typeof CASE_SORTS)[number];
/** The search as the server reads it (defaults applied). */
export type CaseSearch = z.infer<typeof caseSearchQuery>;
/** The search as a client sends it. */
export type CaseSearchInput = z.input<typeof caseSearchQuery>;
export type CaseExportQuery = z.infer<typeof caseExportQuery>;
