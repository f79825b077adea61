import type { z } from 'zod';
import { http } from '../../../api/client.js';
import type {
  Conditions,
  queueEntrySchema,
  Segment,
  segmentControlSchema,
  StrategyDocument,
  StrategyPreview,
  strategyVersionSchema,
  teamQueueSchema,
  Treatment,
} from '../../../../../src/workspace/contract.js';

/**
 * The team leader's and the manager's side of the workspace (docs/workspace.md, "API"): team queues, segment
 * controls, reassignment and the strategy. Types are inferred from the server's zod schemas (type-only imports:
 * nothing of zod reaches the bundle).
 */

export type { Conditions, Segment, StrategyDocument, StrategyPreview, Treatment };
export type TeamQueue = z.infer<typeof teamQueueSchema>;
export type SegmentStats = TeamQueue['segments'][number];
export type TeamAgent = TeamQueue['agents'][number];
export type SegmentControl = z.infer<typeof segmentControlSchema>;
export type QueueEntry = z.infer<typeof queueEntrySchema>;
export type StrategyVersion = z.infer<typeof strategyVersionSchema>;
export type StrategyVersionSummary = Pick<StrategyVersion, 'version' | 'note' | 'publishedAt' | 'publishedBy'>;

export interface StrategyOverview {
  inForce: StrategyVersion;
  versions: StrategyVersionSummary[];
}

export interface SegmentControlChange {
  paused: boolean;
  /** −500 to +500, added to the segment's priority. */
  priorityBoost: number;
  /** Why: at least 3 characters, kept in the audit. */
  note: string;
}

export interface AssignmentChange {
  teamId: string;
  /** An agent of that team, or null to leave the case to the whole team. */
  userId: string | null;
  note: string;
}

/** One issue of a refused strategy document (`422 strategy.invalid`): a path into the document, the server's English words. */
export interface StrategyIssue {
  path: string;
  message: string;
}

export const SEGMENT_BOOST_LIMIT = 500;
export const NOTE_MIN_LENGTH = 3;

export const listTeamQueues = (signal?: AbortSignal) =>
  http.get<{ items: TeamQueue[] }>('/api/v1/team-queues', undefined, signal);
export const setSegmentControl = (segmentId: string, change: SegmentControlChange) =>
  http.put<SegmentControl>(`/api/v1/segment-controls/${encodeURIComponent(segmentId)}`, change);
export const assignCase = (caseId: string, change: AssignmentChange) =>
  http.post<QueueEntry>(`/api/v1/cases/${encodeURIComponent(caseId)}/assignment`, change);
export const getStrategies = (signal?: AbortSignal) =>
  http.get<StrategyOverview>('/api/v1/strategies', undefined, signal);
export const getStrategyVersion = (version: number, signal?: AbortSignal) =>
  http.get<StrategyVersion>(`/api/v1/strategies/versions/${encodeURIComponent(String(version))}`, undefined, signal);
/** How many open cases each segment of a draft would take today (`422 strategy.invalid` for a broken draft). */
export const previewStrategy = (document: unknown, signal?: AbortSignal) =>
  http.post<StrategyPreview>('/api/v1/strategies/previews', { document }, undefined, signal);
/** Publishes a new version; an invalid document is refused with `422 strategy.invalid` and its `issues`. */
export const publishStrategy = (document: unknown, note: string) =>
  http.post<StrategyVersion>('/api/v1/strategies/versions', { document, note });

/** The issues of a refused document, read from the problem (empty when there are none). */
export function strategyIssues(problem: Readonly<Record<string, unknown>>): StrategyIssue[] {
  if (!Array.isArray(problem.issues)) return [];
  return (problem.issues as unknown[]).flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}
