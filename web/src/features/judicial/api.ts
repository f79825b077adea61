import type {
  QueueRefreshView,
  ReviewDecisionBody,
  ReviewQueue,
  ReviewView,
} from '../../../../src/judicial/contract.js';
import { http } from '../../api/client.js';

/** The review before the judicial stage: the server's own types (judicial/contract.ts). */
export type { QueueRefreshView, ReviewDecisionBody, ReviewQueue, ReviewView };

const reviewUrl = (id: string) => `/api/v1/judicial-reviews/${encodeURIComponent(id)}`;

export const getReviewQueue = (offset: number, signal?: AbortSignal) =>
  http.get<ReviewQueue>('/api/v1/judicial-reviews', { offset: String(offset), limit: '50' }, signal);

export const refreshReviewQueue = () => http.post<QueueRefreshView>('/api/v1/judicial-reviews/refresh', {});

export const getReview = (id: string, signal?: AbortSignal) => http.get<ReviewView>(reviewUrl(id), undefined, signal);

export const decideReview = (id: string, body: ReviewDecisionBody) =>
  http.post<ReviewView>(`${reviewUrl(id)}/decision`, body);
