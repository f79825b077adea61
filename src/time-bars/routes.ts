import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import {
  approachingListSchema,
  approachingQuery,
  caseTimeBarsSchema,
  interruptionBody,
  interruptionRecordedSchema,
} from './contract.js';
import { approachingTimeBars, readCaseTimeBars, recordInterruption } from './time-bars.js';

const tags = ['time-bars'];

/** Time bars: a case's claims and their bars, an interruption recorded, the claims nearing their bar. */
export function timeBarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/time-bars',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags,
        summary: 'The time bar of each open claim of a case: rule, start, interruptions, last day',
        params: idParams,
        response: { 200: caseTimeBarsSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readCaseTimeBars(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/cases/:id/time-bar-interruptions',
    {
      config: { access: { permission: 'time_bars.record' } },
      schema: {
        tags,
        summary: "Record what interrupts a claim's bar: the debtor's acknowledgement, a judicial act, a judgment",
        params: idParams,
        body: interruptionBody,
        response: { 201: interruptionRecordedSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordInterruption(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.get(
    '/api/v1/time-bars/approaching',
    {
      config: { access: { permission: 'time_bars.review' } },
      schema: {
        tags,
        summary: 'Claims of open cases whose bar is reached within the lead time, or already reached: nearest first',
        querystring: approachingQuery,
        response: { 200: approachingListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => approachingTimeBars(deps, request.actor!, request.query),
  );
}
