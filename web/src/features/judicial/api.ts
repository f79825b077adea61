import type {
  BlockFilter,
  QueueRefreshView,
  ReviewDecisionBody,
  ReviewQueue,
  ReviewQueueCounts,
  ReviewView,
} from '../../../../src/judicial/contract.js';
import { http } from '../../api/client.js';

/** The review before the judicial stage: the server's own types (judicial/contract.ts). */
export type { QueueRefreshView, ReviewDecisionBody, ReviewQueue, ReviewQueueCounts, ReviewView };

const reviewUrl = (id: string) => `/api/v1/judicial-reviews/${encodeURIComponent(id)}`;

/** A page of the queue, narrowed by block when a filter is given. */
export const getReviewQueue = (query: { blocked: BlockFilter | ''; offset: number }, signal?: AbortSignal) =>
  http.get<ReviewQueue>(
    '/api/v1/judicial-reviews',
    { ...(query.blocked ? { blocked: query.blocked } : {}), offset: String(query.offset), limit: '50' },
    signal,
  );

/** How many waiting reviews are escalable now, blocked, and blocked by each reason. */
export const getReviewQueueCounts = (signal?: AbortSignal) =>
  http.get<ReviewQueueCounts>('/api/v1/judicial-reviews/counts', undefined, signal);

export const refreshReviewQueue = () => http.post<QueueRefreshView>('/api/v1/judicial-reviews/refresh', {});

export const getReview = (id: string, signal?: AbortSignal) => http.get<ReviewView>(reviewUrl(id), undefined, signal);

export const decideReview = (id: string, body: ReviewDecisionBody) =>
  http.post<ReviewView>(`${reviewUrl(id)}/decision`, body);
