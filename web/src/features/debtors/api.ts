import type { z } from 'zod';
import type { debtorMatchSchema } from '../../../../src/debtors/contract.js';
import { http } from '../../api/client.js';

/** Possible matches between debtors, for a person to decide (type inferred from the route's schema). */

export type DebtorMatch = z.infer<typeof debtorMatchSchema>;
export type DebtorCard = DebtorMatch['debtor'];
export type DebtorMatchStatus = DebtorMatch['status'];
export type DebtorMatchDecision = 'same_person' | 'different_people';

export const listDebtorMatches = (
  filter: { status: DebtorMatchStatus; limit: number; offset: number },
  signal?: AbortSignal,
) => http.get<{ items: DebtorMatch[]; hasMore: boolean }>('/api/v1/debtor-matches', { ...filter }, signal);
export const decideDebtorMatch = (id: string, decision: { decision: DebtorMatchDecision; note?: string }) =>
  http.post<DebtorMatch>(`/api/v1/debtor-matches/${encodeURIComponent(id)}/decision`, decision);
