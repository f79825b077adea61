import type { CardPaymentView, Paying, PayPurpose } from '../../../../src/portal/payments/contract.js';
import { http } from '../../api/client.js';

/** Paying on the portal (`/api/portal/v1/cases/:caseId/…`, docs/portal.md "Paying"). */

export type { CardPaymentView, Paying, PayPurpose };

const BASE = '/api/portal/v1/cases';

export const portalPaymentsApi = {
  startCard: (caseId: string, body: { purpose: PayPurpose; amountCents?: number; idempotencyKey: string }) =>
    http.post<CardPaymentView>(`${BASE}/${caseId}/card-payments`, body),
  card: (caseId: string, cardPaymentId: string, signal?: AbortSignal) =>
    http.get<CardPaymentView>(`${BASE}/${caseId}/card-payments/${cardPaymentId}`, undefined, signal),
  receiptUrl: (caseId: string, paymentId: string) => `${BASE}/${caseId}/payments/${paymentId}/receipt.pdf`,
};
