import type {
  AccessRequestView,
  PoleView,
  TeamKind,
  TeamList,
  TeamView,
  UserDetail,
  UserView,
} from '../../../../src/identity/contract.js';
import { http } from '../../api/client.js';
import type { Permission, Role } from './permissions.js';

/** The signed-in user, the accounts and their access requests (the server's own types, imported type-only). */

export type Locale = 'fr' | 'en' | 'it';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  creditorId: string | null;
  locale: Locale;
  permissions: Permission[];
  csrfToken: string;
}

export type User = UserView;

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  creditorId: string | null;
  locale: Locale;
  password: string;
}

export interface UserChange {
  active?: boolean;
  unlock?: true;
  teamId?: string | null;
  role?: Role;
  creditorId?: string | null;
}
export type { PoleView, TeamKind, TeamList, TeamView, UserDetail };

/** Signs in; `newPassword` only when the server asked for one (auth.password_change_required, after a reset). */
export const signIn = (email: string, password: string, newPassword?: string) =>
  http.post<Me>('/api/v1/auth/login', { email, password, ...(newPassword ? { newPassword } : {}) });
/** A forgotten password: the same answer whether the address has an account or not. */
export const askForNewPassword = (email: string, newPassword: string) =>
  http.post<{ received: true }>('/api/v1/auth/password-forgotten', { email, newPassword });
export const signOut = () => http.post<void>('/api/v1/auth/logout');
export const getMe = (signal?: AbortSignal) => http.get<Me>('/api/v1/me', undefined, signal);
export const saveLocale = (locale: Locale) => http.patch<void>('/api/v1/me', { locale });

export const listUsers = (page: { limit: number; offset: number }, signal?: AbortSignal) =>
  http.get<{ items: User[] }>('/api/v1/users', page, signal);
export const createUser = (user: NewUser) => http.post<User>('/api/v1/users', user);
export const changeUser = (id: string, change: UserChange) =>
  http.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, change);
export const listAccessRequests = (signal?: AbortSignal) =>
  http.get<{ items: AccessRequestView[] }>('/api/v1/user-access-requests', { status: 'pending', limit: 200 }, signal);
export const decideAccessRequest = (id: string, decision: { decision: 'approve' | 'refuse'; reason?: string }) =>
  http.post<AccessRequestView>(`/api/v1/user-access-requests/${encodeURIComponent(id)}/decision`, decision);
export const getUser = (id: string, signal?: AbortSignal) =>
  http.get<UserDetail>(`/api/v1/users/${encodeURIComponent(id)}`, undefined, signal);
export const resetPassword = (id: string) =>
  http.post<UserDetail>(`/api/v1/users/${encodeURIComponent(id)}/password-reset`, {});
export const listTeams = (signal?: AbortSignal) => http.get<TeamList>('/api/v1/teams', undefined, signal);
export const createTeam = (team: { name: string; kind: TeamKind; poleId: string | null }) =>
  http.post<TeamView>('/api/v1/teams', team);
export const updateTeam = (id: string, change: { name?: string; poleId?: string | null }) =>
  http.patch<TeamView>(`/api/v1/teams/${encodeURIComponent(id)}`, change);
export const createPole = (name: string) => http.post<PoleView>('/api/v1/poles', { name });
export const renamePole = (id: string, name: string) =>
  http.patch<PoleView>(`/api/v1/poles/${encodeURIComponent(id)}`, { name });
