import type { MergeCounts } from '../../../../src/intake/contract.js';
import { http, upload } from '../../api/client.js';

/** Placements: claim files placed by creditors, their import and its report. */

/**
 * The import's figures, as the intake pipeline counts them (type-only import: it cannot drift from the server); a
 * creditor user reads `debtorsNew` and `debtorsKnown` instead of how the agency matched each person.
 */
export type PlacementCounts = Partial<MergeCounts & { debtorsNew: number; debtorsKnown: number }>;

export type PlacementStatus = 'pending' | 'running' | 'completed' | 'rejected' | 'failed';

/** A placement: one claim file placed by a creditor under a mandate, and what its import did. */
export interface Placement {
  id: string;
  creditor: { id: string; name: string };
  mandateCode: string;
  placedOn: string;
  fileName: string | null;
  format: 'csv' | 'jsonl' | null;
  status: PlacementStatus;
  rowsTotal: number;
  /** Rows read so far while the import runs; null otherwise. */
  rowsRead: number | null;
  rowsRejected: number;
  /** Present once completed. */
  counts: PlacementCounts | null;
  errorCount: number;
  failure: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface PlacementFilter {
  creditorId?: string;
  limit: number;
  offset: number;
}

/** One problem of one row of a placement file. */
export interface PlacementError {
  line: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export const listPlacements = (filter: PlacementFilter, signal?: AbortSignal) =>
  http.get<{ items: Placement[]; hasMore: boolean }>('/api/v1/placements', { ...filter }, signal);
export const getPlacement = (id: string, signal?: AbortSignal) =>
  http.get<Placement>(`/api/v1/placements/${encodeURIComponent(id)}`, undefined, signal);
export const listPlacementErrors = (id: string, page: { limit: number; offset: number }, signal?: AbortSignal) =>
  http.get<{ items: PlacementError[]; total: number }>(
    `/api/v1/placements/${encodeURIComponent(id)}/errors`,
    page,
    signal,
  );

/** The media type the server reads a placement file as, from its name; null for a kind it does not take. */
export function placementMediaType(fileName: string): string | null {
  if (/\.csv$/i.test(fileName)) return 'text/csv';
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return 'application/x-ndjson';
  return null;
}

export const uploadPlacement = (
  placement: { creditorId: string; mandateCode: string; file: File },
  options: { onProgress?: (progress: { loaded: number; total: number }) => void; signal?: AbortSignal } = {},
) =>
  upload<{ id: string; status: 'pending' }>('/api/v1/placements', {
    query: {
      creditorId: placement.creditorId,
      mandateCode: placement.mandateCode,
      fileName: placement.file.name.slice(0, 255),
    },
    body: placement.file,
    contentType: placementMediaType(placement.file.name) ?? 'application/octet-stream',
    ...options,
  });
