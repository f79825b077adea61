import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { exportFileResponse } from '../platform/http/schemas.js';
import { sendExport } from '../platform/export/send.js';
import { auditedExportContext } from '../audit/record-export.js';
import {
  championChallengerExportQuery,
  championChallengerQuery,
  championChallengerSchema,
  experimentDecisionBody,
  experimentDecisionSchema,
  careReportQuery,
  careReportSchema,
  dashboardSchema,
  portfolioExportQuery,
  portfolioReportQuery,
  portfolioReportSchema,
} from './contract.js';
import { portfolioPerformance } from './portfolio-performance.js';
import { portfolioExport } from './portfolio-export.js';
import { careReport } from './care-report.js';
import { dashboard } from './dashboard.js';
import { championChallenger } from './champion-challenger.js';
import { championChallengerExport } from './champion-challenger-export.js';
import { decideExperiment } from './experiment-decision.js';
import { teamsReportRoutes } from './teams-routes.js';

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
  r.get(
    '/api/v1/reports/portfolio',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary:
          'Recovery rates and liquidation curves by creditor and vintage (month of placement), in your scope; figures at most five minutes old',
        querystring: portfolioReportQuery,
        response: { 200: portfolioReportSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => portfolioPerformance(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/reports/portfolio/export',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary: 'The liquidation curves as CSV or XLSX: one line per creditor, vintage and month, same scope',
        querystring: portfolioExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'portfolio_performance',
          query: request.query,
          requestId: String(request.id),
        }),
        portfolioExport(deps, request.actor!, query),
      );
    },
  );
  championChallengerRoutes(app, deps);
  teamsReportRoutes(app, deps);
}

/** Champion/challenger: the comparison, its export, and a manager's decision on it. */
function championChallengerRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/reports/champion-challenger',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary:
          'Each segment with a challenger: the two arms compared on collected per case, kept promises, complaints and satisfaction, with sample sizes, tests and a recommendation; in your scope',
        querystring: championChallengerQuery,
        response: { 200: championChallengerSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => championChallenger(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/reports/champion-challenger/export',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary: 'The comparison as CSV or XLSX: one line per segment and figure, same scope',
        querystring: championChallengerExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { format: _format, ...query } = request.query;
      return sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'champion_challenger',
          query: request.query,
          requestId: String(request.id),
        }),
        championChallengerExport(deps, request.actor!, query),
      );
    },
  );
  r.post(
    '/api/v1/reports/champion-challenger/decisions',
    {
      config: { access: { permission: 'strategies.manage' } },
      schema: {
        tags: ['reporting'],
        summary:
          "A manager's decision on a segment's comparison: promote the challenger or stop the test (a new strategy version), or keep testing; audited (409 champion_challenger.no_challenger)",
        body: experimentDecisionBody,
        response: { 201: experimentDecisionSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await decideExperiment(deps, request.actor!, request.body, String(request.id))),
  );
}
