import type { SearchAnswer, SearchGroup, SearchKind, SearchResult } from '../../../../src/search/contract.js';
import { http } from '../../api/client.js';

/** The search box's API: the server's own types (search/contract.ts), imported type-only. */
export type { SearchAnswer, SearchGroup, SearchKind, SearchResult };

/** The shortest text the server searches (src/search/core/plan.ts). */
export const MIN_LENGTH = 2;

export const searchCases = (q: string, options: { kind?: SearchKind; limit?: number }, signal?: AbortSignal) =>
  http.get<SearchAnswer>('/api/v1/search', { q, ...options }, signal);
