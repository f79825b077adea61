import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { debtorTrailQuery, debtorTrailSchema } from '../audit/contract.js';
import { invalid } from '../platform/errors.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { sensitiveReadListSchema, sensitiveReadQuery } from './contract.js';
import { readDebtorTrail } from './debtor-trail.js';
import { listSensitiveReads } from './list-reads.js';

/** Who read special-category data (budgets, vulnerability records), listed for compliance per debtor or per user. */
export function needToKnowRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/sensitive-reads',
    {
      config: { access: { permission: 'sensitive_reads.read' } },
      schema: {
        tags: ['audit'],
        summary: "Reads of special-category data, newest first: one debtor's (debtorId) or one user's (userId)",
        querystring: sensitiveReadQuery,
        response: { 200: sensitiveReadListSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const { debtorId, userId } = request.query;
      if ((debtorId === undefined) === (userId === undefined)) {
        throw invalid(
          'sensitive_reads.one_filter',
          'Choose whose reads to list: give either debtorId or userId, not both and not neither.',
        );
      }
      return listSensitiveReads(deps, request.query);
    },
  );

  r.get(
    '/api/v1/debtors/:id/audit-trail',
    {
      config: { access: { permission: 'sensitive_reads.read' } },
      schema: {
        tags: ['audit'],
        summary:
          "A debtor's trail, newest first: what was done about them and their cases, and who read their special-category data (this read is recorded too)",
        params: idParams,
        querystring: debtorTrailQuery,
        response: { 200: debtorTrailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readDebtorTrail(deps, request.actor!, request.params.id, request.query, request.id),
  );
}
