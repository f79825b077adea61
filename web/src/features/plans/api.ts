import { http } from '../../api/client.js';
import type {
  ApprovalItem,
  CaseReviewView,
  PlanTerms,
  PlanView,
  ProposalsView,
} from '../../../../src/plans/contract.js';

/** Plans as the case and the approvals queue use them: the server's own types, imported type-only. */
export type Plan = PlanView;
export type PlanProposals = ProposalsView;
export type PlanApproval = ApprovalItem;
export type CaseReview = CaseReviewView;
export type NewPlan = PlanTerms & { note?: string };

export const getPlanProposals = (caseId: string, signal?: AbortSignal) =>
  http.get<PlanProposals>(`/api/v1/cases/${caseId}/plan-proposals`, undefined, signal);
export const getCasePlans = (caseId: string, signal?: AbortSignal) =>
  http.get<{ items: Plan[]; reviews: CaseReview[] }>(`/api/v1/cases/${caseId}/plans`, undefined, signal);
export const createPlan = (caseId: string, body: NewPlan) => http.post<Plan>(`/api/v1/cases/${caseId}/plans`, body);
export const flagOrientation = (caseId: string, note?: string) =>
  http.post<CaseReview>(`/api/v1/cases/${caseId}/orientation`, note ? { note } : {});
export const schedulePdfUrl = (planId: string) => `/api/v1/plans/${planId}/schedule.pdf`;
export const listPlanApprovals = (signal?: AbortSignal) =>
  http.get<{ items: PlanApproval[] }>('/api/v1/plan-approvals', undefined, signal);
export const decidePlanApproval = (id: string, decision: 'accept' | 'refuse', reason: string) =>
  http.post<Plan>(`/api/v1/plan-approvals/${id}/decision`, { decision, reason });
export const cancelPlan = (planId: string, reason: string) =>
  http.post<Plan>(`/api/v1/plans/${planId}/cancellation`, { reason });
export const renegotiatePlan = (planId: string, body: PlanTerms & { reason: string }) =>
  http.post<Plan>(`/api/v1/plans/${planId}/versions`, body);
export const payInstalment = (planId: string, number: number, body: { paidOn: string; reference: string }) =>
  http.post<Plan>(`/api/v1/plans/${planId}/instalments/${number}/payment`, body);
export const listCaseReviews = (signal?: AbortSignal) =>
  http.get<{ items: CaseReview[] }>('/api/v1/case-reviews', undefined, signal);
export const closeCaseReview = (id: string, outcome: string) =>
  http.post<CaseReview>(`/api/v1/case-reviews/${id}/closure`, { outcome });
