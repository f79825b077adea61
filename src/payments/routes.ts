import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import { calendarDate, problemResponses } from '../platform/http/schemas.js';
import { creditorScope, mayAccessCreditor } from '../identity/scope.js';
import { centsAmount, centsCorrection } from '../platform/money.js';
import { adjustClaim, allocateCredit, refundCredit } from './credit.js';
import { casePayments, loadPayment, paymentSchema } from './payment-view.js';
import { receiptPdf } from './receipt-pdf.js';
import { recordPayment } from './record-payment.js';
import { reversePayment } from './reverse-payment.js';

const id = z.strictObject({ id: z.string().uuid() });
const isoDate = calendarDate;

/** Payments: recorded once whatever the retries, allocated by law, with a receipt; reversed when the money bounces. */
export function paymentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['payments'];

  r.post(
    '/api/v1/payments',
    {
      config: { access: { permission: 'payments.record' } },
      schema: {
        tags,
        summary:
          'Record a payment on a case and allocate it (Idempotency-Key header required: the same key and body return the first payment, another body is 409)',
        headers: z.object({
          'idempotency-key': z.string().min(8, 'an Idempotency-Key of at least 8 characters, unique per payment').max(200),
          /** The web app says so, for the payment's source; other callers are the API. */
          'x-accord-client': z.enum(['web']).optional(),
        }),
        body: z.strictObject({
          caseId: z.string().uuid(),
          amountCents: centsAmount,
          channel: z.enum(['bank_transfer', 'card', 'cheque', 'cash_partner', 'direct_debit', 'creditor_reported']),
          receivedOn: isoDate,
          reference: z.string().trim().min(1).max(140).optional(),
          payerName: z.string().trim().min(1).max(140).optional(),
          payerIban: z.string().trim().max(50).optional().describe('an IBAN, spaces allowed; checked'),
          debtorChoice: z.array(z.string().uuid()).max(50).optional(),
          note: z.string().max(2000).optional(),
        }),
        response: { 200: paymentSchema, 201: paymentSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { payment, replayed } = await recordPayment(
        deps,
        request.actor!,
        request.body,
        { idempotencyKey: request.headers['idempotency-key'], source: request.headers['x-accord-client'] === 'web' ? 'web' : 'api' },
        request.id,
      );
      return reply.status(replayed ? 200 : 201).send(payment);
    },
  );

  r.get(
    '/api/v1/payments/:id',
    {
      config: { access: { permission: 'payments.read' } },
      schema: { tags, summary: 'A payment with its allocation and receipt number', params: id, response: { 200: paymentSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const payment = await loadPayment(deps.db, request.params.id);
      if (!mayAccessCreditor(request.actor!, payment.creditorId)) throw notFound('The payment');
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
        response: {
          200: z.object({
            items: z.array(paymentSchema),
            debtorCreditCents: z.number().int().nullable().describe("null for a creditor user: the debtor's credit spans every creditor's cases"),
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const found = await deps.db.selectFrom('cases').select(['id', 'creditor_id', 'debtor_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!found || !mayAccessCreditor(request.actor!, found.creditor_id)) throw notFound('The case');
      // The debtor's credit is money of the person, not of this creditor's case: never in a creditor's projection.
      if (creditorScope(request.actor!)) return { items: await casePayments(deps.db, found.id), debtorCreditCents: null };
      const credit = await deps.db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total'))
        .where('account', '=', 'debtor_credit')
        .where('debtor_id', '=', found.debtor_id)
        .executeTakeFirstOrThrow();
      return { items: await casePayments(deps.db, found.id), debtorCreditCents: -Number(credit.total) };
    },
  );

  r.post(
    '/api/v1/payments/:id/reversal',
    {
      config: { access: { permission: 'payments.reverse' } },
      schema: {
        tags,
        summary: 'Reverse a payment whose money did not stay (returned direct debit, bounced cheque, chargeback, error)',
        params: id,
        body: z.strictObject({
          kind: z.enum(['returned_direct_debit', 'bounced_cheque', 'chargeback', 'error']),
          reason: z.string().trim().min(3, 'say why in a few words').max(1000),
        }),
        response: { 200: paymentSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reversePayment(deps, request.actor!, request.params.id, request.body, request.id),
  );

  r.get(
    '/api/v1/payments/:id/receipt.pdf',
    {
      config: { access: { permission: 'payments.read' } },
      schema: { tags, summary: 'The receipt (quittance, CPCE R124-6) as PDF', params: id, response: { 200: z.unknown().describe('application/pdf'), ...problemResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const payment = await loadPayment(deps.db, request.params.id);
      if (!mayAccessCreditor(request.actor!, payment.creditorId)) throw notFound('The payment');
      const pdf = await receiptPdf(deps, payment);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="quittance-${payment.receiptNumber}.pdf"`)
        .send(pdf);
    },
  );

  r.post(
    '/api/v1/debtors/:id/credit/refunds',
    {
      config: { access: { permission: 'payments.reverse' } },
      schema: {
        tags,
        summary: "Refund part or all of the debtor's credit (money received that no claim took)",
        params: id,
        body: z.strictObject({ amountCents: centsAmount, reason: z.string().trim().min(3).max(1000) }),
        response: { 200: z.object({ debtorCreditCents: z.number().int() }), ...problemResponses(400, 401, 403, 404, 409) },
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
        response: { 200: z.object({ allocatedCents: z.number().int(), debtorCreditCents: z.number().int() }), ...problemResponses(400, 401, 403, 404, 409) },
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
        summary: 'Correct a claim component (positive: owed more; negative: owed less, never below zero), with the reason',
        params: id,
        body: z.strictObject({ component: z.enum(['principal', 'interest', 'fees']), amountCents: centsCorrection, reason: z.string().trim().min(3).max(1000) }),
        response: { 200: z.object({ claimId: z.string(), owedCents: z.number().int() }), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => adjustClaim(deps, request.actor!, request.params.id, request.body, request.id),
  );
}
