import { http } from './client.js';
import type {
  AuditEntry,
  AuditFilter,
  AuditVerification,
  CaseDetail,
  CaseSearch,
  CaseSummary,
  CreditorDetail,
  CreditorSummary,
  Dashboard,
  Locale,
  Me,
  NewUser,
  NightlyRefreshReport,
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

export const listAudit = (filter: AuditFilter, signal?: AbortSignal) =>
  http.get<{ items: AuditEntry[] }>('/api/v1/audit', { ...filter }, signal);
export const verifyAudit = () => http.get<AuditVerification>('/api/v1/audit/verification');
