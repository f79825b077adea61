import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { fileResponse, idParams, problemResponses } from '../platform/http/schemas.js';
import { decideApproval, listPendingApprovals } from './approvals.js';
import { recordInstalmentPayment } from './instalments.js';
import { loadCase } from './plan-facts.js';
import { loadPlans } from './plan-view.js';
import { planProposals } from './proposals-view.js';
import { cancelPlan, createPlan, renegotiatePlan } from './record-plan.js';
import { closeReview, flagOrientation, listReviews } from './reviews.js';
import { schedulePdf } from './schedule-pdf.js';
import {
  approvalListSchema,
  casePlansSchema,
  closeReviewBody,
  createPlanBody,
  decisionBody,
  instalmentParams,
  orientationBody,
  paymentBody,
  planSchema,
  proposalsQuery,
  proposalsSchema,
  reasonBody,
  renegotiateBody,
  reviewListSchema,
  reviewSchema,
} from './contract.js';

const tags = ['plans'];

/** Payment plans: proposed, recorded, renegotiated, paid, approved, and the cases they send for review. */
export function planRoutes(app: FastifyInstance, deps: Deps) {
  registerCasePlanRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerApprovalRoutes(app, deps);
  registerReviewRoutes(app, deps);
}

/** A case's plans: what can be offered, the plans it has, a new plan. */
function registerCasePlanRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/cases/:id/plan-proposals',
    {
      config: { access: { permission: 'plans.read' } },
      schema: {
        tags,
        summary: "What can be offered on a case: from its balance, the debtor's latest capacity and the mandate",
        params: idParams,
        querystring: proposalsQuery,
        response: { 200: proposalsSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => planProposals(deps, request.actor!, request.params.id, request.query.firstDueOn),
  );

  r.get(
    '/api/v1/cases/:id/plans',
    {
      config: { access: { permission: 'plans.read' } },
      schema: {
        tags,
        summary: "A case's plans with their versions, instalments and history (newest first), and its review items",
        params: idParams,
        response: { 200: casePlansSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await loadCase(deps.db, request.params.id);
      const [items, reviews] = await Promise.all([
        loadPlans(deps.db, { caseId: request.params.id }),
        listReviews(deps, { caseId: request.params.id }),
      ]);
      return { items, reviews };
    },
  );

  r.post(
    '/api/v1/cases/:id/plans',
    {
      config: { access: { permission: 'plans.propose' } },
      schema: {
        tags,
        summary: 'Record the plan the debtor chose: agreed within authority and capacity, otherwise sent for approval',
        params: idParams,
        body: createPlanBody,
        response: { 201: planSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { note, ...terms } = request.body;
      return reply.code(201).send(await createPlan(deps, request.actor!, request.params.id, terms, note, request.id));
    },
  );
}

/** A plan: renegotiated, cancelled, its instalments paid, its schedule document. */
function registerPlanRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/plans/:id/versions',
    {
      config: { access: { permission: 'plans.propose' } },
      schema: {
        tags,
        summary: 'Renegotiate a plan: a new version on what remains unpaid, with its reason',
        params: idParams,
        body: renegotiateBody,
        response: { 201: planSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { reason, ...terms } = request.body;
      return reply
        .code(201)
        .send(await renegotiatePlan(deps, request.actor!, request.params.id, terms, reason, request.id));
    },
  );

  r.post(
    '/api/v1/plans/:id/cancellation',
    {
      config: { access: { permission: 'plans.propose' } },
      schema: {
        tags,
        summary: 'Cancel a live plan, with the reason',
        params: idParams,
        body: reasonBody,
        response: { 200: planSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelPlan(deps, request.actor!, request.params.id, request.body.reason, request.id),
  );

  r.post(
    '/api/v1/plans/:id/instalments/:number/payment',
    {
      config: { access: { permission: 'plans.record' } },
      schema: {
        tags,
        summary: "Mark an instalment of the plan's current version paid (idempotent on the payment reference)",
        params: instalmentParams,
        body: paymentBody,
        response: { 200: planSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      recordInstalmentPayment(deps, request.actor!, request.params.id, request.params.number, request.body, request.id),
  );

  r.get(
    '/api/v1/plans/:id/schedule.pdf',
    {
      config: { access: { permission: 'plans.read' } },
      schema: {
        tags,
        summary: "The schedule document of an agreed plan (PDF, in the debtor's language)",
        params: idParams,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { fileName, pdf } = await schedulePdf(deps, request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );
}

/** Plans waiting for a team leader, and the decision. */
function registerApprovalRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/plan-approvals',
    {
      config: { access: { permission: 'plans.approve' } },
      schema: {
        tags,
        summary: 'Plans waiting for a team leader, oldest first',
        response: { 200: approvalListSchema, ...problemResponses(401, 403) },
      },
    },
    async () => ({ items: await listPendingApprovals(deps) }),
  );

  r.post(
    '/api/v1/plan-approvals/:id/decision',
    {
      config: { access: { permission: 'plans.approve' } },
      schema: {
        tags,
        summary: 'Accept or refuse a plan, with the reason',
        params: idParams,
        body: decisionBody,
        response: { 200: planSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      decideApproval(deps, request.actor!, request.params.id, request.body.decision, request.body.reason, request.id),
  );
}

/** Review items: a case flagged for orientation, the open items, their closure. */
function registerReviewRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/cases/:id/orientation',
    {
      config: { access: { permission: 'plans.propose' } },
      schema: {
        tags,
        summary:
          'Flag a case for orientation to the Banque de France procedure and free debt advice (a person reviews it)',
        params: idParams,
        body: orientationBody,
        response: { 201: reviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await flagOrientation(deps, request.actor!, request.params.id, request.body.note, request.id)),
  );

  r.get(
    '/api/v1/case-reviews',
    {
      config: { access: { permission: 'plans.review' } },
      schema: {
        tags,
        summary: 'Open review items (orientation, broken plans), oldest first',
        response: { 200: reviewListSchema, ...problemResponses(401, 403) },
      },
    },
    async () => ({ items: await listReviews(deps, { open: true }) }),
  );

  r.post(
    '/api/v1/case-reviews/:id/closure',
    {
      config: { access: { permission: 'plans.review' } },
      schema: {
        tags,
        summary: 'Close a review item with what was decided',
        params: idParams,
        body: closeReviewBody,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => closeReview(deps, request.actor!, request.params.id, request.body.outcome, request.id),
  );
}
