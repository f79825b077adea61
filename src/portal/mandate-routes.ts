import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import {
  mandateSignedSchema,
  portalMandatePageSchema,
  portalSurveyBody,
  signMandateBody,
  surveyOfferQuery,
  surveyOfferSchema,
} from './mandates/contract.js';
import { portalMandatePage, revokePortalMandate, signPortalMandate } from './portal-mandates.js';
import { answerPortalSurvey, surveyOfferFor } from './portal-survey.js';

const tags = ['debtor portal'];
const caseParams = z.strictObject({ caseId: z.string().uuid() });
const langQuery = z.strictObject({ lang: z.enum(['fr', 'en', 'it']).optional() });
const visitor = (request: FastifyRequest) => request.visitor!;

/**
 * The person's SEPA direct-debit e-mandate and the survey offered after an act (docs/portal.md, "A direct debit",
 * "Your opinion"), in the portal's scope (routes.ts): its session cookie, CSRF on writes, the person's own cases only.
 */
export function portalMandateRoutes(scope: FastifyInstance, deps: Deps, sessionCookie: string) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/portal/v1/cases/:caseId/mandate',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'The direct-debit mandate: its text to read, the debits it takes, the mandate in force (IBAN masked)',
        params: caseParams,
        querystring: langQuery,
        response: { 200: portalMandatePageSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => portalMandatePage(deps, visitor(request), request.params.caseId, request.query.lang ?? 'fr'),
  );
  r.post(
    '/api/portal/v1/cases/:caseId/mandate',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Sign the direct-debit mandate for the plan, with consent (replaces the mandate in force)',
        params: caseParams,
        body: signMandateBody,
        response: { 201: mandateSignedSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await signPortalMandate(deps, visitor(request), request.params.caseId, request.body, {
          sessionToken: request.cookies[sessionCookie]!,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: String(request.id),
        }),
      ),
  );
  r.post(
    '/api/portal/v1/cases/:caseId/mandate/revoke',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Revoke the direct-debit mandate: no more debits on the file',
        params: caseParams,
        response: { 200: z.object({ revoked: z.number().int() }), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => revokePortalMandate(deps, visitor(request), request.params.caseId, String(request.id)),
  );
  r.get(
    '/api/portal/v1/cases/:caseId/survey',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Whether the one-question survey is offered about an act just completed on the portal',
        params: caseParams,
        querystring: surveyOfferQuery,
        response: { 200: surveyOfferSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => surveyOfferFor(deps, visitor(request), request.params.caseId, request.query),
  );
  r.post(
    '/api/portal/v1/cases/:caseId/survey',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Answer the survey about an act completed on the portal (1–5, an optional comment), once',
        params: caseParams,
        body: portalSurveyBody,
        response: { 201: z.object({ recorded: z.literal(true) }), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await answerPortalSurvey(deps, visitor(request), request.params.caseId, request.body, String(request.id)),
        ),
  );
}
