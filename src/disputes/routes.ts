import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { answerDispute } from './answer-dispute.js';
import {
  disputeAnswerBody,
  disputeDecisionBody,
  disputeListQuery,
  disputeListSchema,
  disputeRecordBody,
  disputeSchema,
} from './contract.js';
import { decideDispute } from './decide-dispute.js';
import { listCaseDisputes, listOpenDisputes } from './read-disputes.js';
import { recordDispute } from './record-dispute.js';

const tags = ['disputes'];

/** Disputes of a claim: recorded by the agency, answered by the creditor, decided by a person; the waiting list. */
export function disputeRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/disputes',
    {
      config: { access: { permission: 'disputes.read' } },
      schema: {
        tags,
        summary: "A case's disputes, oldest first",
        params: idParams,
        response: { 200: disputeListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listCaseDisputes(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/cases/:id/disputes',
    {
      config: { access: { permission: 'disputes.record' } },
      schema: {
        tags,
        summary: 'Record a dispute of a claim: collection stops, the creditor is asked for its evidence',
        params: idParams,
        body: disputeRecordBody,
        response: { 201: disputeSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordDispute(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.get(
    '/api/v1/disputes',
    {
      config: { access: { permission: 'disputes.read' } },
      schema: {
        tags,
        summary:
          'Disputes waiting for the creditor or a decision, by due date (overdue=true: the overdue evidence requests)',
        querystring: disputeListQuery,
        response: { 200: disputeListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listOpenDisputes(deps, request.actor!, request.query),
  );
  r.post(
    '/api/v1/disputes/:id/answer',
    {
      config: { access: { permission: 'disputes.answer' } },
      schema: {
        tags,
        summary: "The creditor's answer to an evidence request: confirmed, adjusted (with the correction) or withdrawn",
        params: idParams,
        body: disputeAnswerBody,
        response: { 200: disputeSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => answerDispute(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/disputes/:id/decision',
    {
      config: { access: { permission: 'disputes.review' } },
      schema: {
        tags,
        summary: "A person's decision on the creditor's answer: resume, adjust or close",
        params: idParams,
        body: disputeDecisionBody,
        response: { 200: disputeSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => decideDispute(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
