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
  conductExportQuery,
  conductReportQuery,
  conductReportSchema,
  careReportSchema,
  dashboardSchema,
  portfolioExportQuery,
  portfolioOutcomesSchema,
  portfolioReportQuery,
  portfolioReportSchema,
  reportPlacementsQuery,
  reportPlacementsSchema,
} from './contract.js';
import { reportPlacements } from './report-placements.js';
import { portfolioPerformance } from './portfolio-performance.js';
import { portfolioExport } from './portfolio-export.js';
import { portfolioOutcomes } from './portfolio-outcomes.js';
import { portfolioOutcomesExport } from './portfolio-outcomes-export.js';
import { careReport } from './care-report.js';
import { dashboard } from './dashboard.js';
import { championChallenger } from './champion-challenger.js';
import { championChallengerExport } from './champion-challenger-export.js';
import { decideExperiment } from './experiment-decision.js';
import { conductReport } from './conduct-report.js';
import { conductExport } from './conduct-export.js';
import { teamsReportRoutes } from './teams-routes.js';
import { monthlyReportRoutes } from './monthly-report-routes.js';

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
  r.get(
    '/api/v1/reports/portfolio/placements',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary:
          'The placements (intake batches) the portfolio reports may be filtered by, in your scope, newest first',
        querystring: reportPlacementsQuery,
        response: { 200: reportPlacementsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => reportPlacements(deps, request.actor!, request.query),
  );
  outcomeRoutes(app, deps);
  championChallengerRoutes(app, deps);
  conductRoutes(app, deps);
  monthlyReportRoutes(app, deps);
}

/** The portfolio's outcomes: contacts, promises, plans, first payments, stages; and their export. */
function outcomeRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/reports/portfolio/outcomes',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary:
          'Right-party contact rates, promises, plans, days to the first payment, cases by stage and the moves between stages, by vintage or month, in your scope; figures at most five minutes old',
        querystring: portfolioReportQuery,
        response: { 200: portfolioOutcomesSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => portfolioOutcomes(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/reports/portfolio/outcomes/export',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary: 'The outcome figures as CSV or XLSX: one line per figure and month, same scope',
        querystring: portfolioExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { format: _format, ...query } = request.query;
      return sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'portfolio_outcomes',
          query: request.query,
          requestId: String(request.id),
        }),
        portfolioOutcomesExport(deps, request.actor!, query),
      );
    },
  );
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

/** Responsible collection: contacts against the caps, refusals, complaints, disputes, care and satisfaction, and its export. */
function conductRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/reports/conduct',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary:
          "Responsible collection beside the money: contacts per case and week against the policy's caps, refusals by rule, complaints by subject and deadline, disputes and their outcomes, fragile debtors and referrals (small counts withheld), satisfaction; in your scope, figures at most five minutes old",
        querystring: conductReportQuery,
        response: { 200: conductReportSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => conductReport(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/reports/conduct/export',
    {
      config: { access: { permission: 'reports.portfolio' } },
      schema: {
        tags: ['reporting'],
        summary: 'The responsible-collection figures as CSV or XLSX: one line per figure, same scope',
        querystring: conductExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { format: _format, ...query } = request.query;
      return sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'responsible_collection',
          query: request.query,
          requestId: String(request.id),
        }),
        conductExport(deps, request.actor!, query),
      );
    },
  );
}
