import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { fileResponse, problemResponses } from '../platform/http/schemas.js';
import {
  planSignedSchema,
  portalBudgetBody,
  portalBudgetSchema,
  portalPlansSchema,
  signPlanBody,
} from './plans/contract.js';
import { declarePortalBudget, portalPlans, portalSchedulePdf, signPortalPlan } from './portal-plans.js';

const tags = ['debtor portal'];
const caseParams = z.strictObject({ caseId: z.string().uuid() });
const planParams = z.strictObject({ caseId: z.string().uuid(), planId: z.string().uuid() });
const visitor = (request: FastifyRequest) => request.visitor!;

/** The person's budget and plan (docs/portal.md, "A budget and a plan"), in the portal's scope (routes.ts). */
export function portalPlanRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/portal/v1/cases/:caseId/budget',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Declare the household’s budget: its capacity, computed and explained as the agents’ is',
        params: caseParams,
        body: portalBudgetBody,
        response: { 201: portalBudgetSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await declarePortalBudget(deps, visitor(request), request.params.caseId, request.body, String(request.id)),
        ),
  );
  r.get(
    '/api/portal/v1/cases/:caseId/plans',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'The budget’s capacity, the plans proposed within it (or why none can be chosen) and the current plan',
        params: caseParams,
        response: { 200: portalPlansSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => portalPlans(deps, visitor(request), request.params.caseId),
  );
  r.post(
    '/api/portal/v1/cases/:caseId/plans',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Sign one of the plans proposed, with consent: agreed, or waiting for the agency’s approval',
        params: caseParams,
        body: signPlanBody,
        response: { 201: planSignedSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await signPortalPlan(deps, visitor(request), request.params.caseId, request.body, String(request.id))),
  );
  r.get(
    '/api/portal/v1/cases/:caseId/plans/:planId/schedule.pdf',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'The schedule of the agreed plan, as PDF',
        params: planParams,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { fileName, pdf } = await portalSchedulePdf(
        deps,
        visitor(request),
        request.params.caseId,
        request.params.planId,
        String(request.id),
      );
      return sendPdf(reply, fileName, pdf);
    },
  );
}

/** A PDF made for the person, as an attachment never kept by a cache. */
export function sendPdf(reply: FastifyReply, fileName: string, pdf: Buffer) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);
}
