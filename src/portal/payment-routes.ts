import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { fileResponse, problemResponses } from '../platform/http/schemas.js';
import { receiveCardNotice } from './card-webhook.js';
import {
  cardPaymentParams,
  cardPaymentSchema,
  receiptParams,
  startCardPaymentBody,
  webhookAckSchema,
} from './payments/contract.js';
import { sendPdf } from './plan-routes.js';
import { portalCardPayment, portalReceipt, startCardPayment } from './portal-payments.js';

const tags = ['debtor portal'];
const caseParams = z.strictObject({ caseId: z.string().uuid() });
const visitor = (request: FastifyRequest) => request.visitor!;

/** Paying on the portal (docs/portal.md, "Paying"), in the portal's scope (routes.ts). */
export function portalPaymentRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/portal/v1/cases/:caseId/card-payments',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary:
          'Start a card payment: the provider’s payment page for the amount chosen (the same key, the same page)',
        params: caseParams,
        body: startCardPaymentBody,
        response: { 201: cardPaymentSchema, ...problemResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await startCardPayment(deps, visitor(request), request.params.caseId, request.body, {
          origin: `${request.protocol}://${request.host}`,
          requestId: String(request.id),
        }),
      ),
  );
  r.get(
    '/api/portal/v1/cases/:caseId/card-payments/:cardPaymentId',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Where a card payment stands: pending until the provider confirms it, then paid with its receipt',
        params: cardPaymentParams,
        response: { 200: cardPaymentSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => portalCardPayment(deps, visitor(request), request.params.caseId, request.params.cardPaymentId),
  );
  r.get(
    '/api/portal/v1/cases/:caseId/payments/:paymentId/receipt.pdf',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'The receipt of a payment on the case, as PDF',
        params: receiptParams,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { fileName, pdf } = await portalReceipt(
        deps,
        visitor(request),
        request.params.caseId,
        request.params.paymentId,
        String(request.id),
      );
      return sendPdf(reply, fileName, pdf);
    },
  );
  // The provider's notice, signed over its exact bytes: read raw in a scope of its own, no session, no CSRF.
  void scope.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    raw.withTypeProvider<ZodTypeProvider>().post(
      '/api/portal/v1/card-notices',
      {
        config: { portal: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'The card provider’s signed notice of a checkout (its webhook): a paid one records the payment once',
          response: { 200: webhookAckSchema, ...problemResponses(400, 422, 503) },
        },
      },
      async (request) =>
        receiveCardNotice(
          deps,
          Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          typeof request.headers['stripe-signature'] === 'string' ? request.headers['stripe-signature'] : undefined,
          String(request.id),
        ),
    );
  });
}
