import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { fileResponse, idParams as id, problemResponses } from '../platform/http/schemas.js';
import { creditorScope } from '../identity/scope.js';
import { assertVisible } from '../cases/scope.js';
import {
  casePaymentsSchema,
  claimAdjustmentBody,
  claimAdjustmentSchema,
  creditAllocationSchema,
  paymentSchema,
  recordPaymentBody,
  recordPaymentHeaders,
  refundBody,
  refundResultSchema,
  reversalBody,
} from './contract.js';
import { adjustClaim, allocateCredit, refundCredit } from './credit.js';
import { casePayments, loadPayment } from './payment-view.js';
import { receiptPdf } from './receipt-pdf.js';
import { recordPayment } from './record-payment.js';
import { reversePayment } from './reverse-payment.js';

const tags = ['payments'];

/** Payments: recorded once whatever the retries, allocated by law, with a receipt; reversed when the money bounces. */
export function paymentRoutes(app: FastifyInstance, deps: Deps) {
  registerPaymentRoutes(app, deps);
  registerFollowUpRoutes(app, deps);
  registerCreditRoutes(app, deps);
}

/** A payment recorded and read, and a case's payments with the debtor's credit. */
function registerPaymentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/payments',
    {
      config: { access: { permission: 'payments.record' } },
      schema: {
        tags,
        summary:
          'Record a payment on a case and allocate it (Idempotency-Key header required: the same key and body return the first payment, another body is 409)',
        headers: recordPaymentHeaders,
        body: recordPaymentBody,
        response: { 200: paymentSchema, 201: paymentSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { payment, replayed } = await recordPayment(
        deps,
        request.actor!,
        request.body,
        {
          idempotencyKey: request.headers['idempotency-key'],
          source: request.headers['x-accord-client'] === 'web' ? 'web' : 'api',
        },
        request.id,
      );
      return reply.status(replayed ? 200 : 201).send(payment);
    },
  );

  r.get(
    '/api/v1/payments/:id',
    {
      config: { access: { permission: 'payments.read' } },
      schema: {
        tags,
        summary: 'A payment with its allocation and receipt number',
        params: id,
        response: { 200: paymentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const payment = await loadPayment(deps.db, request.params.id);
      assertVisible(request.actor!, payment, 'The payment');
      return payment;
    },
  );

  r.get(
    '/api/v1/cases/:id/payments',
    {
      config: { access: { permission: 'payments.read' } },
      schema: {
        tags,
        summary: "The case's payments, newest first, and the debtor's credit (money received that no claim took)",
        params: id,
        response: { 200: casePaymentsSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const found = await deps.db
        .selectFrom('cases')
        .select(['id', 'creditor_id', 'debtor_id'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      assertVisible(request.actor!, found, 'The case');
      // The debtor's credit is money of the person, not of this creditor's case: never in a creditor's projection.
      if (creditorScope(request.actor!))
        return { items: await casePayments(deps.db, found.id), debtorCreditCents: null };
      const credit = await deps.db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total'))
        .where('account', '=', 'debtor_credit')
        .where('debtor_id', '=', found.debtor_id)
        .executeTakeFirstOrThrow();
      return { items: await casePayments(deps.db, found.id), debtorCreditCents: -Number(credit.total) };
    },
  );
}

/** What follows a recorded payment: its reversal, its receipt. */
function registerFollowUpRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/payments/:id/reversal',
    {
      config: { access: { permission: 'payments.reverse' } },
      schema: {
        tags,
        summary:
          'Reverse a payment whose money did not stay (returned direct debit, bounced cheque, chargeback, error)',
        params: id,
        body: reversalBody,
        response: { 200: paymentSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reversePayment(deps, request.actor!, request.params.id, request.body, request.id),
  );

  r.get(
    '/api/v1/payments/:id/receipt.pdf',
    {
      config: { access: { permission: 'payments.read' } },
      schema: {
        tags,
        summary: 'The receipt (quittance, CPCE R124-6) as PDF',
        params: id,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const payment = await loadPayment(deps.db, request.params.id);
      assertVisible(request.actor!, payment, 'The payment');
      const pdf = await receiptPdf(deps, payment);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="quittance-${payment.receiptNumber}.pdf"`)
        .send(pdf);
    },
  );
}

/** The debtor's credit refunded or allocated to a case, and a claim's corrections. */
function registerCreditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/debtors/:id/credit/refunds',
    {
      config: { access: { permission: 'payments.reverse' } },
      schema: {
        tags,
        summary: "Refund part or all of the debtor's credit (money received that no claim took)",
        params: id,
        body: refundBody,
        response: { 200: refundResultSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => refundCredit(deps, request.actor!, request.params.id, request.body, request.id),
  );

  r.post(
    '/api/v1/cases/:id/credit/allocation',
    {
      config: { access: { permission: 'payments.record' } },
      schema: {
        tags,
        summary: "Allocate the debtor's credit to this case's open claims, by the mandate's rules",
        params: id,
        response: { 200: creditAllocationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => allocateCredit(deps, request.actor!, request.params.id, request.id),
  );

  r.post(
    '/api/v1/claims/:id/adjustments',
    {
      config: { access: { permission: 'payments.reverse' } },
      schema: {
        tags,
        summary:
          'Correct a claim component (positive: owed more; negative: owed less, never below zero), with the reason',
        params: id,
        body: claimAdjustmentBody,
        response: { 200: claimAdjustmentSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => adjustClaim(deps, request.actor!, request.params.id, request.body, request.id),
  );
}
