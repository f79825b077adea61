import type { AccessRequestView } from '../../../src/identity/access-requests.js';
import { http, upload } from './client.js';
import type {
  AuditEntry,
  BudgetInput,
  BudgetVersion,
  CapacityResult,
  AuditFilter,
  AuditVerification,
  CaseDetail,
  CaseSearch,
  CaseSummary,
  CreditorDetail,
  CreditorSummary,
  Dashboard,
  DebtorMatch,
  DebtorMatchDecision,
  DebtorMatchStatus,
  Locale,
  Me,
  NewUser,
  NightlyRefreshReport,
  Placement,
  PlacementError,
  PlacementFilter,
  User,
  UserChange,
} from './types.js';

/** One function per API operation the web app uses; paths and parameters as in /api/openapi.json. */

export const signIn = (email: string, password: string) => http.post<Me>('/api/v1/auth/login', { email, password });
export const signOut = () => http.post<void>('/api/v1/auth/logout');
export const getMe = (signal?: AbortSignal) => http.get<Me>('/api/v1/me', undefined, signal);
export const saveLocale = (locale: Locale) => http.patch<void>('/api/v1/me', { locale });

export const getDashboard = (signal?: AbortSignal) => http.get<Dashboard>('/api/v1/dashboard', undefined, signal);
export const runNightlyRefresh = () => http.post<NightlyRefreshReport>('/api/v1/jobs/nightly-refresh/runs');

export const listCreditors = (signal?: AbortSignal) =>
  http.get<{ items: CreditorSummary[] }>('/api/v1/creditors', undefined, signal);
export const getCreditor = (id: string, signal?: AbortSignal) =>
  http.get<CreditorDetail>(`/api/v1/creditors/${encodeURIComponent(id)}`, undefined, signal);

export const searchCases = (search: CaseSearch, signal?: AbortSignal) =>
  http.get<{ items: CaseSummary[]; hasMore: boolean }>('/api/v1/cases', { ...search }, signal);
export const getCase = (id: string, signal?: AbortSignal) =>
  http.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, undefined, signal);

export const listUsers = (page: { limit: number; offset: number }, signal?: AbortSignal) =>
  http.get<{ items: User[] }>('/api/v1/users', page, signal);
export const createUser = (user: NewUser) => http.post<User>('/api/v1/users', user);
export const changeUser = (id: string, change: UserChange) => http.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, change);
export const listAccessRequests = (signal?: AbortSignal) =>
  http.get<{ items: AccessRequestView[] }>('/api/v1/user-access-requests', { status: 'pending', limit: 200 }, signal);
export const decideAccessRequest = (id: string, decision: { decision: 'approve' | 'refuse'; reason?: string }) =>
  http.post<AccessRequestView>(`/api/v1/user-access-requests/${encodeURIComponent(id)}/decision`, decision);

export const listAudit = (filter: AuditFilter, signal?: AbortSignal) =>
  http.get<{ items: AuditEntry[] }>('/api/v1/audit', { ...filter }, signal);
export const verifyAudit = () => http.get<AuditVerification>('/api/v1/audit/verification');

export const listPlacements = (filter: PlacementFilter, signal?: AbortSignal) =>
  http.get<{ items: Placement[]; hasMore: boolean }>('/api/v1/placements', { ...filter }, signal);
export const getPlacement = (id: string, signal?: AbortSignal) =>
  http.get<Placement>(`/api/v1/placements/${encodeURIComponent(id)}`, undefined, signal);
export const listPlacementErrors = (id: string, page: { limit: number; offset: number }, signal?: AbortSignal) =>
  http.get<{ items: PlacementError[]; total: number }>(`/api/v1/placements/${encodeURIComponent(id)}/errors`, page, signal);

/** The media type the server reads a placement file as, from its name; null for a kind it does not take. */
export function placementMediaType(fileName: string): string | null {
  if (/\.csv$/i.test(fileName)) return 'text/csv';
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return 'application/x-ndjson';
  return null;
}

export const uploadPlacement = (
  placement: { creditorId: string; mandateCode: string; file: File },
  options: { onProgress?: (progress: { loaded: number; total: number }) => void; signal?: AbortSignal } = {},
) =>
  upload<{ id: string; status: 'pending' }>('/api/v1/placements', {
    query: { creditorId: placement.creditorId, mandateCode: placement.mandateCode, fileName: placement.file.name.slice(0, 255) },
    body: placement.file,
    contentType: placementMediaType(placement.file.name) ?? 'application/octet-stream',
    ...options,
  });

export const listDebtorMatches = (filter: { status: DebtorMatchStatus; limit: number; offset: number }, signal?: AbortSignal) =>
  http.get<{ items: DebtorMatch[]; hasMore: boolean }>('/api/v1/debtor-matches', { ...filter }, signal);
export const decideDebtorMatch = (id: string, decision: { decision: DebtorMatchDecision; note?: string }) =>
  http.post<DebtorMatch>(`/api/v1/debtor-matches/${encodeURIComponent(id)}/decision`, decision);

export const computeBudget = (budget: BudgetInput) => http.post<CapacityResult>('/api/v1/affordability/assessments', budget);
export const listBudgets = (debtorId: string, signal?: AbortSignal) =>
  http.get<{ items: BudgetVersion[] }>(`/api/v1/debtors/${encodeURIComponent(debtorId)}/assessments`, undefined, signal);
export const saveBudget = (debtorId: string, budget: BudgetInput) =>
  http.post<BudgetVersion>(`/api/v1/debtors/${encodeURIComponent(debtorId)}/assessments`, budget);
