import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { debtorMatchSchema, matchDecisionBody, matchListQuery, matchListSchema } from './contract.js';
import { decideMatch } from './decide-match.js';
import { listMatches } from './matches.js';

export function debtorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/debtor-matches',
    {
      config: { access: { permission: 'debtors.review_matches' } },
      schema: {
        tags: ['debtors'],
        summary:
          'Possible duplicate debtors found at intake: open ones oldest first, decided ones newest decision first',
        querystring: matchListQuery,
        response: { 200: matchListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listMatches(deps, request.query),
  );

  r.post(
    '/api/v1/debtor-matches/:id/decision',
    {
      config: { access: { permission: 'debtors.review_matches' } },
      schema: {
        tags: ['debtors'],
        summary: 'Decide on an open possible match; "same_person" merges the newer record into the older one',
        params: idParams,
        body: matchDecisionBody,
        response: { 200: debtorMatchSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => decideMatch(deps, request.actor!, request.params.id, request.body, request.id),
  );
}
