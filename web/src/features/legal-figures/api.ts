import type {
  DeadlineRuleBody,
  DeadlineRuleView,
  FeeTableBody,
  FeeTableView,
  LegalFigures,
} from '../../../../src/legal-figures/contract.js';
import { http } from '../../api/client.js';

/** The procedures' figures of law (`/api/v1/legal-figures`): the server's own types, imported type-only. */
export type { DeadlineRuleBody, DeadlineRuleView, FeeTableBody, FeeTableView, LegalFigures };

export const getLegalFigures = (signal?: AbortSignal) =>
  http.get<LegalFigures>('/api/v1/legal-figures', undefined, signal);

export const addDeadlineRule = (body: DeadlineRuleBody) =>
  http.post<DeadlineRuleView>('/api/v1/legal-figures/deadlines', body);

export const addFeeTable = (body: FeeTableBody) => http.post<FeeTableView>('/api/v1/legal-figures/fee-tables', body);
