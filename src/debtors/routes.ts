import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { pagingQuery, problemResponses } from '../platform/http/schemas.js';
import { caseStatusSchema, stageSchema } from '../portfolio/schemas.js';
import { decideMatch } from './decide-match.js';
import { listMatches } from './matches.js';

const matchStatusSchema = z.enum(['open', 'same_person', 'different_people']);

export const debtorCardSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  birthDate: z.string().nullable(),
  address: z.string().nullable().describe('the primary (else first) address on one line'),
  mergedInto: z.string().nullable().describe('set once this record was merged into another: the survivor'),
  references: z.array(z.object({ creditorName: z.string(), reference: z.string() })),
  cases: z.array(
    z.object({ id: z.string(), reference: z.string(), creditorName: z.string(), stage: stageSchema, status: caseStatusSchema, balanceCents: z.number().int() }),
  ),
});

export const debtorMatchSchema = z.object({
  id: z.string(),
  status: matchStatusSchema,
  reason: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable().describe('the name of the person who decided'),
  debtor: debtorCardSchema,
  candidate: debtorCardSchema,
});

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
