import type {
  DebtorReferrals,
  OrganisationInput,
  OrganisationList,
  OrganisationView,
  ReferralClosingInput,
  ReferralProposalInput,
  ReferralView,
} from '../../../../../src/care/referrals/contract.js';
import { http, type Query } from '../../../api/client.js';

/** The organisations directory and a debtor's referrals: the server's own types (care/referrals/contract.ts). */
export type { DebtorReferrals, OrganisationInput, OrganisationView, ReferralView };

export const getOrganisations = (query: Query, signal?: AbortSignal) =>
  http.get<OrganisationList>('/api/v1/care/organisations', query, signal);

export const createOrganisation = (body: OrganisationInput) =>
  http.post<OrganisationView>('/api/v1/care/organisations', body);

export const updateOrganisation = (id: string, body: OrganisationInput) =>
  http.put<OrganisationView>(`/api/v1/care/organisations/${encodeURIComponent(id)}`, body);

/** A team leader or a manager reading outside a case they hold states a reason, kept with the read. */
export const getDebtorReferrals = (debtorId: string, reason: string | null, signal?: AbortSignal) =>
  http.get<DebtorReferrals>(
    `/api/v1/debtors/${encodeURIComponent(debtorId)}/referrals`,
    { reason: reason ?? undefined },
    signal,
  );

export const proposeReferral = (debtorId: string, body: ReferralProposalInput) =>
  http.post<ReferralView>(`/api/v1/debtors/${encodeURIComponent(debtorId)}/referrals`, body);

const referralUrl = (id: string, act: 'sending' | 'follow-up' | 'closing') =>
  `/api/v1/referrals/${encodeURIComponent(id)}/${act}`;

export const sendReferral = (id: string, how: ReferralView['sentHow'] & string) =>
  http.post<ReferralView>(referralUrl(id, 'sending'), { how });

export const rescheduleFollowUp = (id: string, followUpOn: string) =>
  http.post<ReferralView>(referralUrl(id, 'follow-up'), { followUpOn });

export const closeReferral = (id: string, body: ReferralClosingInput) =>
  http.post<ReferralView>(referralUrl(id, 'closing'), body);
