import type {
  HandoffAcknowledgeBody,
  HandoffList,
  HandoffSendBody,
  HandoffView,
  PartnerBodyInput,
  PartnerKeyCreated,
  PartnerKeyList,
  PartnerKeyView,
  PartnerList,
  PartnerView,
} from '../../../../src/judicial/contract.js';
import { http } from '../../api/client.js';

/** The handoff file and the judicial partners: the server's own types (src/judicial/contract.ts). */
export type { HandoffList, HandoffView, PartnerList, PartnerView, PartnerBodyInput };
export type { PartnerKeyCreated, PartnerKeyList, PartnerKeyView };
export { PARTNER_CHANNELS, PARTNER_KINDS } from '../../../../src/judicial/contract.js';

const partnersUrl = '/api/v1/judicial-partners';
const handoffUrl = (id: string) => `/api/v1/handoffs/${encodeURIComponent(id)}`;
const caseHandoffsUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/handoffs`;

export const getPartners = (active: boolean, signal?: AbortSignal) =>
  http.get<PartnerList>(partnersUrl, { active: active ? 'true' : 'all' }, signal);
export const createPartner = (body: PartnerBodyInput) => http.post<PartnerView>(partnersUrl, body);
export const updatePartner = (id: string, body: PartnerBodyInput) =>
  http.put<PartnerView>(`${partnersUrl}/${encodeURIComponent(id)}`, body);

const keysUrl = (partnerId: string) => `${partnersUrl}/${encodeURIComponent(partnerId)}/keys`;
export const getPartnerKeys = (partnerId: string, signal?: AbortSignal) =>
  http.get<PartnerKeyList>(keysUrl(partnerId), undefined, signal);
export const createPartnerKey = (partnerId: string, label: string) =>
  http.post<PartnerKeyCreated>(keysUrl(partnerId), { label });
export const revokePartnerKey = (partnerId: string, keyId: string) =>
  http.post<PartnerKeyView>(`${keysUrl(partnerId)}/${encodeURIComponent(keyId)}/revoke`);

export const getCaseHandoffs = (caseId: string, signal?: AbortSignal) =>
  http.get<HandoffList>(caseHandoffsUrl(caseId), undefined, signal);
export const buildHandoff = (caseId: string) => http.post<HandoffView>(caseHandoffsUrl(caseId));
export const sendHandoff = (id: string, body: HandoffSendBody) =>
  http.post<HandoffView>(`${handoffUrl(id)}/sending`, body);
export const acknowledgeHandoff = (id: string, body: HandoffAcknowledgeBody) =>
  http.post<HandoffView>(`${handoffUrl(id)}/acknowledgement`, body);
export const handoffFileUrl = (id: string, format: 'json' | 'pdf') => `${handoffUrl(id)}/${format}`;

/** A partner as the form sends it back, changed or not. */
export const partnerBodyOf = (p: PartnerView, active = p.active): PartnerBodyInput => ({
  firmName: p.firmName,
  kind: p.kind,
  contactName: p.contactName,
  email: p.email,
  phone: p.phone,
  address: p.address,
  channel: p.channel,
  area: p.area,
  active,
});
