import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { calendarDate, pagingQuery, problemResponses } from '../platform/http/schemas.js';
import { getCase, searchCases } from './cases.js';
import { getCreditor, listCreditors } from './creditors.js';
import { caseDetailSchema, caseStatusSchema, creditorDetailSchema, stageSchema } from './schemas.js';

const isoDate = calendarDate;
const cents = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const caseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  stage: stageSchema,
  status: caseStatusSchema,
  balanceCents: z.number().int(),
  currency: z.string(),
  openedOn: z.string(),
  creditor: z.object({ id: z.string(), name: z.string() }),
  debtor: z.object({ id: z.string(), displayName: z.string() }),
});

export function portfolioRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/creditors',
    {
      config: { access: { permission: 'creditors.read' } },
      schema: {
        tags: ['portfolio'],
        summary: 'Creditors in your scope (a creditor user sees its own only)',
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), sector: z.string(), country: z.string(), active: z.boolean() })),
          }),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => ({ items: await listCreditors(deps, request.actor!) }),
  );

  r.get(
    '/api/v1/creditors/:id',
    {
      config: { access: { permission: 'creditors.read' } },
      schema: {
        tags: ['portfolio'],
        summary: 'A creditor with its mandates',
        params: z.strictObject({ id: z.string().uuid() }),
        response: { 200: creditorDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getCreditor(deps, request.actor!, request.params.id),
  );

  r.get(
    '/api/v1/cases',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['portfolio'],
        summary: 'Search cases in your scope',
        querystring: z.strictObject({
          q: z.string().trim().max(100).optional().describe('case reference, claim reference, or the start of a name'),
          creditorId: z.string().uuid().optional(),
          stage: stageSchema.optional(),
          status: caseStatusSchema.optional(),
          minBalanceCents: cents.optional(),
          maxBalanceCents: cents.optional(),
          openedAfter: isoDate.optional(),
          openedBefore: isoDate.optional(),
          sort: z.enum(['balance_desc', 'balance_asc', 'opened_asc', 'opened_desc', 'reference']).default('opened_desc'),
          ...pagingQuery,
        }),
        response: { 200: z.object({ items: z.array(caseSummary), hasMore: z.boolean() }), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => searchCases(deps, request.actor!, request.query),
  );

  r.get(
    '/api/v1/cases/:id',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['portfolio'],
        summary: 'A case: debtor, claims, holds, stage history and timeline',
        params: z.strictObject({ id: z.string().uuid() }),
        response: { 200: caseDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getCase(deps, request.actor!, request.params.id),
  );
}
