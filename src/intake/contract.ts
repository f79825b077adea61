import { z } from 'zod';
import { exportFormatQuery, pagingQuery } from '../platform/http/schemas.js';

/** The API of intake: placement files uploaded, their status and counts, and the rows they rejected. */

/** The media types a placement file may be sent as, and the format each means. */
export const PLACEMENT_FILE_TYPES = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
} as const;

export const uploadQuery = z.strictObject({
  creditorId: z.string().uuid(),
  mandateCode: z.string().min(1).max(32),
  fileName: z.string().max(255).optional(),
});
export const uploadAcceptedSchema = z.object({ id: z.string(), status: z.literal('pending') });

/** What the merge of a file did, as the agency reads it. */
export const mergeCountsSchema = z.object({
  debtorsCreated: z.number().int(),
  debtorsMatchedByReference: z.number().int(),
  debtorsMatchedByIdentity: z.number().int(),
  /** Of those found by identity, the ones this creditor already knew under another reference. */
  debtorsKnownToCreditorByIdentity: z.number().int(),
  possibleMatches: z.number().int(),
  casesCreated: z.number().int(),
  casesClosed: z.number().int(),
  claimsCreated: z.number().int(),
  claimsUpdated: z.number().int(),
  claimsUnchanged: z.number().int(),
  claimsRecalled: z.number().int(),
  claimsClosed: z.number().int(),
});

export const PLACEMENT_STATUSES = ['pending', 'running', 'completed', 'rejected', 'failed'] as const;

export const placementSchema = z.object({
  id: z.string(),
  creditor: z.object({ id: z.string(), name: z.string() }),
  mandateCode: z.string(),
  placedOn: z.string(),
  fileName: z.string().nullable(),
  format: z.enum(['csv', 'jsonl']).nullable(),
  status: z.enum(PLACEMENT_STATUSES),
  rowsTotal: z.number().int(),
  rowsRead: z.number().int().nullable().describe('rows read so far while the import runs'),
  rowsRejected: z.number().int(),
  counts: z.record(z.string(), z.number()).nullable(),
  errorCount: z.number().int(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});

export const placementListQuery = z.strictObject({ creditorId: z.string().uuid().optional(), ...pagingQuery });
export const placementListSchema = z.object({ items: z.array(placementSchema), hasMore: z.boolean() });

export const placementErrorsQuery = z.strictObject(pagingQuery);
export const placementErrorsExportQuery = z.strictObject(exportFormatQuery);
export const placementErrorSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  value: z.string(),
  code: z.string(),
  message: z.string(),
});
export const placementErrorListSchema = z.object({ items: z.array(placementErrorSchema), total: z.number().int() });

export type MergeCounts = z.infer<typeof mergeCountsSchema>;
/**
 * The import's figures as a reader gets them: the merge's counts for the agency; a creditor user reads `debtorsNew`
 * and `debtorsKnown` instead of how the agency matched each person.
 */
export type PlacementCounts = Partial<MergeCounts & { debtorsNew: number; debtorsKnown: number }>;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export type PlacementView = z.infer<typeof placementSchema>;
export type PlacementList = z.infer<typeof placementListSchema>;
export type PlacementListQuery = z.infer<typeof placementListQuery>;
export type PlacementError = z.infer<typeof placementErrorSchema>;
export type PlacementErrorList = z.infer<typeof placementErrorListSchema>;
