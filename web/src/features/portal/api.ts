import type {
  ComplaintFiled,
  ComplaintSubject,
  ContactDetails,
  PortalCase,
  PortalDisputeRecorded,
  PortalDocumentReceived,
  PortalMe,
} from '../../../../src/portal/contract.js';
import { http, upload } from '../../api/client.js';

/** The debtor portal's API (`/api/portal/v1`): its own session cookie, never a staff route. */

export type { ComplaintFiled, ComplaintSubject, ContactDetails, PortalCase, PortalDisputeRecorded, PortalMe };

export type DisputeGrounds =
  'not_mine' | 'amount_wrong' | 'already_paid' | 'not_delivered' | 'identity_theft' | 'other';
export interface NewAddress {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: 'FR' | 'IT';
}

export interface Destination {
  id: string;
  channel: 'sms' | 'email';
  masked: string;
}

export type DifficultyKind = 'job_loss' | 'illness' | 'bereavement' | 'separation' | 'other';

export interface Preferences {
  channels: ('phone' | 'sms' | 'email' | 'letter')[] | null;
  windows: { days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[]; from: string; to: string }[] | null;
}

const BASE = '/api/portal/v1';

export const portalApi = {
  start: (body: { accessCode: string; birthDate?: string; postcode?: string }) =>
    http.post<{ challengeId: string; destinations: Destination[] }>(`${BASE}/sign-in`, body),
  sendCode: (challengeId: string, contactPointId: string) =>
    http.post<{ sentTo: Destination; expiresAt: string }>(`${BASE}/sign-in/code`, { challengeId, contactPointId }),
  verify: (challengeId: string, code: string) => http.post<PortalMe>(`${BASE}/sign-in/verify`, { challengeId, code }),
  me: (lang: string, signal?: AbortSignal) => http.get<PortalMe>(`${BASE}/me`, { lang }, signal),
  signOut: () => http.post<void>(`${BASE}/sign-out`),
  case: (caseId: string, lang: string, signal?: AbortSignal) =>
    http.get<PortalCase>(`${BASE}/cases/${caseId}`, { lang }, signal),
  letterUrl: (caseId: string, documentId: string) => `${BASE}/cases/${caseId}/letters/${documentId}`,
  declare: (caseId: string, body: { kind: DifficultyKind; note?: string; consent: true }) =>
    http.post<{ id: string }>(`${BASE}/cases/${caseId}/difficulties`, body),
  callback: (caseId: string, body: { day: string; time: string }) =>
    http.post<{ id: string; at: string }>(`${BASE}/cases/${caseId}/callbacks`, body),
  complain: (caseId: string, body: { subject: ComplaintSubject; summary: string }) =>
    http.post<ComplaintFiled>(`${BASE}/cases/${caseId}/complaints`, body),
  sendDocument: (caseId: string, file: File) =>
    upload<PortalDocumentReceived>(`${BASE}/cases/${caseId}/documents`, {
      query: { fileName: file.name },
      body: file,
      contentType: file.type || 'application/octet-stream',
    }),
  dispute: (
    caseId: string,
    body: { claimReference: string; grounds: DisputeGrounds; note: string; documentIds: string[] },
  ) => http.post<PortalDisputeRecorded>(`${BASE}/cases/${caseId}/disputes`, body),
  contactDetails: (signal?: AbortSignal) => http.get<ContactDetails>(`${BASE}/contact-details`, undefined, signal),
  giveAddress: (body: NewAddress) => http.post<ContactDetails>(`${BASE}/contact-details/address`, body),
  givePhone: (body: { number: string; usage: 'mobile' | 'home' | 'work' }) =>
    http.post<ContactDetails>(`${BASE}/contact-details/phones`, body),
  preferences: (signal?: AbortSignal) => http.get<Preferences>(`${BASE}/contact-preferences`, undefined, signal),
  setPreferences: (body: Preferences) => http.put<Preferences>(`${BASE}/contact-preferences`, body),
};
