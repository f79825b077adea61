import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditedExportContext } from '../audit/record-export.js';
import type { Deps } from '../platform/deps.js';
import { sendExport } from '../platform/export/send.js';
import { exportFileResponse, problemResponses } from '../platform/http/schemas.js';
import { teamsExport } from './teams-export.js';
import { teamsReport } from './teams-report.js';
import { teamsExportQuery, teamsReportQuery, teamsReportSchema } from './teams/contract.js';

/** The agents and teams report and its export: staff who steer teams only (never creditor users). */
export function teamsReportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/reports/teams',
    {
      config: { access: { permission: 'reports.teams' } },
      schema: {
        tags: ['reporting'],
        summary:
          'Per agent and team, per day or ISO week: call quality and satisfaction beside calls, conversations, promises, plans and money collected; a team leader their own team only; figures at most five minutes old',
        querystring: teamsReportQuery,
        response: { 200: teamsReportSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => teamsReport(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/reports/teams/export',
    {
      config: { access: { permission: 'reports.teams' } },
      schema: {
        tags: ['reporting'],
        summary:
          'The agents and teams figures as CSV or XLSX: each team and agent, the whole period then each day or week',
        querystring: teamsExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { format: _format, ...query } = request.query;
      return sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'agents_teams',
          query: request.query,
          requestId: String(request.id),
        }),
        teamsExport(deps, request.actor!, query),
      );
    },
  );
}
