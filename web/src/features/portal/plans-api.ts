import type {
  PlanSigned,
  PortalBudget,
  PortalBudgetInput,
  PortalPlans,
  PortalProposal,
  SignPlanInput,
} from '../../../../src/portal/plans/contract.js';
import { http } from '../../api/client.js';

/** The portal's budget and plans (`/api/portal/v1/cases/:caseId/…`, docs/portal.md "A budget and a plan"). */

export type { PlanSigned, PortalBudget, PortalBudgetInput, PortalPlans, PortalProposal, SignPlanInput };
export { EXPENSE_CATEGORIES, RESOURCE_TYPES } from '../../../../src/affordability/contract.js';

const BASE = '/api/portal/v1/cases';

export const portalPlansApi = {
  declareBudget: (caseId: string, body: PortalBudgetInput) => http.post<PortalBudget>(`${BASE}/${caseId}/budget`, body),
  plans: (caseId: string, signal?: AbortSignal) => http.get<PortalPlans>(`${BASE}/${caseId}/plans`, undefined, signal),
  sign: (caseId: string, body: SignPlanInput) => http.post<PlanSigned>(`${BASE}/${caseId}/plans`, body),
  scheduleUrl: (caseId: string, planId: string) => `${BASE}/${caseId}/plans/${planId}/schedule.pdf`,
};
