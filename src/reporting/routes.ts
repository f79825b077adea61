import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { careReportQuery, careReportSchema, dashboardSchema } from './contract.js';
import { careReport } from './care-report.js';
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
  r.get(
    '/api/v1/reports/care',
    {
      config: { access: { permission: 'care.report' } },
      schema: {
        tags: ['reporting'],
        summary:
          "The care unit's figures over a period: fragile debtors by creditor and team, time to the first care contact, referrals and their outcomes, reviews and signals; no individual's details, small counts withheld",
        querystring: careReportQuery,
        response: { 200: careReportSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => careReport(deps, request.actor!, request.query),
  );
}
