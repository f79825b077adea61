import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { deadlineRuleBody, deadlineRuleSchema, feeTableBody, feeTableSchema, legalFiguresSchema } from './contract.js';
import { addDeadlineRule, addFeeTable, readLegalFigures } from './legal-figures.js';

const tags = ['legal-figures'];

/** The specialist procedures' figures of law: the deadlines and the commissaire's proportional fee, dated. */
export function legalFigureRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/legal-figures',
    {
      config: { access: { permission: 'reference_data.read' } },
      schema: {
        tags,
        summary: "The procedures' deadlines and the A444-32 fee tables, every dated row, those in force today marked",
        response: { 200: legalFiguresSchema, ...problemResponses(401, 403) },
      },
    },
    async () => readLegalFigures(deps),
  );
  r.post(
    '/api/v1/legal-figures/deadlines',
    {
      config: { access: { permission: 'legal_figures.manage' } },
      schema: {
        tags,
        summary: "Add a procedure deadline's figure from a day, today or later; counts already started keep theirs",
        body: deadlineRuleBody,
        response: { 201: deadlineRuleSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addDeadlineRule(deps, request.actor!, request.body, request.id)),
  );
  r.post(
    '/api/v1/legal-figures/fee-tables',
    {
      config: { access: { permission: 'legal_figures.manage' } },
      schema: {
        tags,
        summary: "Add the commissaire's proportional fee table (A444-32) from a day, today or later",
        body: feeTableBody,
        response: { 201: feeTableSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await addFeeTable(deps, request.actor!, request.body, request.id)),
  );
}
