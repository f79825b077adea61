import type {
  CoachingInput,
  CoachingView,
  CriterionView,
  GridsView,
  GridView,
  MyQuality,
  NewGrid,
  QualityTrends,
  ReviewInput,
  ReviewView,
  SampledCallView,
  TeamSample,
  TrendPoint,
} from '../../../../src/quality/contract.js';
import { http } from '../../api/client.js';

/** Call quality and coaching: the server's own types (quality/contract.ts). */
export type {
  CoachingInput,
  CoachingView,
  CriterionView,
  GridsView,
  GridView,
  MyQuality,
  NewGrid,
  QualityTrends,
  ReviewInput,
  ReviewView,
  SampledCallView,
  TeamSample,
  TrendPoint,
};

export const getTeamSample = (month: string | undefined, signal?: AbortSignal) =>
  http.get<TeamSample>('/api/v1/quality/sample', month ? { month } : undefined, signal);

export const getQualityTrends = (months: number, signal?: AbortSignal) =>
  http.get<QualityTrends>('/api/v1/quality/trends', { months }, signal);

export const getMyQuality = (signal?: AbortSignal) => http.get<MyQuality>('/api/v1/quality/mine', undefined, signal);

export const recordReview = (body: ReviewInput) => http.post<ReviewView>('/api/v1/quality/reviews', body);

export const recordCoaching = (body: CoachingInput) => http.post<CoachingView>('/api/v1/quality/coaching', body);

export const acknowledgeReview = (id: string) =>
  http.post<ReviewView>(`/api/v1/quality/reviews/${encodeURIComponent(id)}/acknowledge`);

export const acknowledgeCoaching = (id: string) =>
  http.post<CoachingView>(`/api/v1/quality/coaching/${encodeURIComponent(id)}/acknowledge`);

export const getGrids = (signal?: AbortSignal) => http.get<GridsView>('/api/v1/quality/grids', undefined, signal);

export const publishGrid = (body: NewGrid) => http.post<GridView>('/api/v1/quality/grids', body);
