import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { dashboardSchema } from './contract.js';
import { dashboard } from './dashboard.js';

export function reportingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dashboard',
    {
      config: { access: { permission: 'dashboard.read' } },
      schema: {
        tags: ['reporting'],
        summary: 'Open cases and balances by creditor and stage, in your scope',
        response: { 200: dashboardSchema, ...problemResponses(401, 403, 409) },
      },
    },
    async (request) => dashboard(deps, request.actor!),
  );
}
