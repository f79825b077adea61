import { http } from '../../../api/client.js';
import type {
  CaseContactView,
  Channel,
  ContactView,
  DayKey,
  DecisionView,
  HoldKind,
  HoldView,
  OverrideView,
} from '../../../../../src/contact-policy/contract.js';

/**
 * The contact policy as the case view uses it (docs/contact-policy-api.md): the server's own types, imported
 * type-only, so the web and the routes cannot drift apart.
 */

export type { Channel, DayKey, HoldKind };
export type Decision = DecisionView;
export type Contact = ContactView;
export type Hold = HoldView;
export type CaseContact = CaseContactView;
export type ContactDirection = Contact['direction'];
export type PreferenceWindow = { days: DayKey[]; from: string; to: string };

export interface NewContact {
  debtorId: string;
  caseId: string;
  channel: Channel;
  direction: ContactDirection;
  outcome: string;
  note?: string;
  firstLetter?: boolean;
}

export interface NewHold {
  kind: HoldKind;
  reason: string;
  caseId?: string;
  endsAt?: string;
  reviewAt?: string;
}

const debtorPath = (debtorId: string) => `/api/v1/debtors/${encodeURIComponent(debtorId)}`;

export const getCaseContact = (caseId: string, signal?: AbortSignal) =>
  http.get<CaseContact>(`/api/v1/cases/${encodeURIComponent(caseId)}/contact`, undefined, signal);
export const recordContact = (contact: NewContact) =>
  http.post<{ contact: Contact; decision: Decision }>('/api/v1/contact-attempts', contact);
export const grantOverride = (override: { caseId: string; channel: Channel; reason: string }) =>
  http.post<OverrideView>('/api/v1/contact-overrides', override);
export const placeHold = (debtorId: string, hold: NewHold) => http.post<Hold>(`${debtorPath(debtorId)}/holds`, hold);
export const liftHold = (holdId: string, reason: string) =>
  http.post<Hold>(`/api/v1/holds/${encodeURIComponent(holdId)}/lift`, { reason });
export const setContactPreferences = (
  debtorId: string,
  preferences: { channels: Channel[] | null; windows: PreferenceWindow[] | null },
) => http.put<unknown>(`${debtorPath(debtorId)}/contact-preferences`, preferences);
export const optOut = (debtorId: string, channel: Channel) =>
  http.post<unknown>(`${debtorPath(debtorId)}/opt-outs`, { channel });
export const withdrawOptOut = (debtorId: string, channel: Channel) =>
  http.delete<unknown>(`${debtorPath(debtorId)}/opt-outs/${encodeURIComponent(channel)}`);
export const cancelCallback = (callbackId: string) =>
  http.post<unknown>(`/api/v1/callbacks/${encodeURIComponent(callbackId)}/cancel`);
export const requestCallback = (debtorId: string, callback: { caseId: string; at: string }) =>
  http.post<unknown>(`${debtorPath(debtorId)}/callbacks`, callback);
