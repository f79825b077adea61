import type {
  CaseEstate,
  DeathProofBody,
  DeathReportBody,
  EstateClaimBody,
  EstatePartyBody,
  EstateView,
  HeirOptionBody,
} from '../../../../src/estates/contract.js';
import { http } from '../../api/client.js';

/** A deceased debtor's estate: the server's own types (estates/contract.ts). */
export type { CaseEstate, EstateView };

const estateUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/estate`;

export const getCaseEstate = (caseId: string, signal?: AbortSignal) =>
  http.get<CaseEstate>(estateUrl(caseId), undefined, signal);

export const reportDeath = (caseId: string, body: DeathReportBody) => http.post<EstateView>(estateUrl(caseId), body);

export const recordProof = (caseId: string, body: DeathProofBody) =>
  http.post<EstateView>(`${estateUrl(caseId)}/proof`, body);

export const addParty = (caseId: string, body: Partial<EstatePartyBody> & Pick<EstatePartyBody, 'role' | 'name'>) =>
  http.post<EstateView>(`${estateUrl(caseId)}/parties`, body);

export const recordOption = (caseId: string, partyId: string, body: HeirOptionBody) =>
  http.post<EstateView>(`${estateUrl(caseId)}/parties/${encodeURIComponent(partyId)}/option`, body);

export const declareClaim = (caseId: string, body: Partial<EstateClaimBody>) =>
  http.post<EstateView>(`${estateUrl(caseId)}/claim`, body);
