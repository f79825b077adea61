import type { ApproachingList, CaseTimeBarsView } from '../../../../src/time-bars/contract.js';
import { http } from '../../api/client.js';

/** Time bars: the server's own types (time-bars/contract.ts), imported type-only. */
export type { ApproachingList, CaseTimeBarsView };

export const getCaseTimeBars = (caseId: string, signal?: AbortSignal) =>
  http.get<CaseTimeBarsView>(`/api/v1/cases/${encodeURIComponent(caseId)}/time-bars`, undefined, signal);

/** Without a lead time, the agency's applies (the answer's `leadDays`). */
export const getApproachingTimeBars = (leadDays: number | null, signal?: AbortSignal) =>
  http.get<ApproachingList>(
    '/api/v1/time-bars/approaching',
    leadDays === null ? undefined : { leadDays: String(leadDays) },
    signal,
  );
