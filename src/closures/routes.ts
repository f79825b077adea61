import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { closeCase, reopenCase } from './close-case.js';
import { caseLifecycleSchema, closureBody, reopeningBody } from './contract.js';

const tags = ['cases'];

/** A person's closure of a case, with its reason, and its reopening. */
export function closureRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/cases/:id/closure',
    {
      config: { access: { permission: 'cases.close' } },
      schema: {
        tags,
        summary: 'Close a case for a reason; its open claims go back to the creditor, who is told',
        params: idParams,
        body: closureBody,
        response: { 200: caseLifecycleSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => closeCase(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/cases/:id/reopening',
    {
      config: { access: { permission: 'cases.reopen' } },
      schema: {
        tags,
        summary: 'Reopen a closed case at the amicable stage (not a merged one); the creditor is told',
        params: idParams,
        body: reopeningBody,
        response: { 200: caseLifecycleSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => reopenCase(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
