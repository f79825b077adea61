import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { pagingQuery, problemResponses } from '../platform/http/schemas.js';
import { decideMatch } from './decide-match.js';
import { listMatches } from './matches.js';
import { debtorMatchSchema, matchStatusSchema } from './schemas.js';

export function debtorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/debtor-matches',
    {
      config: { access: { permission: 'debtors.review_matches' } },
      schema: {
        tags: ['debtors'],
        summary: 'Possible duplicate debtors found at intake: open ones oldest first, decided ones newest decision first',
        querystring: z.strictObject({ status: matchStatusSchema.default('open'), ...pagingQuery }),
        response: { 200: z.object({ items: z.array(debtorMatchSchema), hasMore: z.boolean() }), ...problemResponses(400, 401, 403) },
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
        params: z.strictObject({ id: z.string().uuid() }),
        body: z.strictObject({
          decision: z.enum(['same_person', 'different_people']),
          note: z.string().max(500).optional(),
        }),
        response: { 200: debtorMatchSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => decideMatch(deps, request.actor!, request.params.id, request.body, request.id),
  );
}
