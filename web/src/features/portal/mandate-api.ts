import type {
  MandateSigned,
  PortalMandate,
  PortalMandatePage,
  PortalSurveyInput,
  SignMandateInput,
  SurveyOffer,
} from '../../../../src/portal/mandates/contract.js';
import { http } from '../../api/client.js';

/** The portal's direct debit and in-place survey (`/api/portal/v1/cases/:caseId/…`, docs/portal.md). */

export type { MandateSigned, PortalMandate, PortalMandatePage, PortalSurveyInput, SignMandateInput };
export { checkAccount, maskIban, type IbanRefusal } from '../../../../src/portal/mandates/contract.js';

const BASE = '/api/portal/v1/cases';

export const portalMandateApi = {
  page: (caseId: string, lang: string, signal?: AbortSignal) =>
    http.get<PortalMandatePage>(`${BASE}/${caseId}/mandate`, { lang }, signal),
  sign: (caseId: string, body: SignMandateInput) => http.post<MandateSigned>(`${BASE}/${caseId}/mandate`, body),
  revoke: (caseId: string) => http.post<{ revoked: number }>(`${BASE}/${caseId}/mandate/revoke`),
  surveyOffer: (caseId: string, kind: PortalSurveyInput['kind'], id: string, signal?: AbortSignal) =>
    http.get<SurveyOffer>(`${BASE}/${caseId}/survey`, { kind, id }, signal),
  answerSurvey: (caseId: string, body: PortalSurveyInput) =>
    http.post<{ recorded: true }>(`${BASE}/${caseId}/survey`, body),
};
