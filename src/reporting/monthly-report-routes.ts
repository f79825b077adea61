import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appendAudit } from '../audit/append.js';
import { creditorFilter } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import { problemResponses } from '../platform/http/schemas.js';
import {
  monthlyReportFileQuery,
  monthlyReportsQuery,
  monthlyReportsSchema,
  type MonthlyReports,
} from './monthly/contract.js';
import { lastMonth, monthlyReportFiles } from './monthly-report-job.js';
import { checkReportMonth, reportCreditorId } from './monthly-report.js';

/** The reports sent, newest first, in the reader's scope. */
async function monthlyReports(deps: Deps, actor: Actor, creditorId: string | undefined): Promise<MonthlyReports> {
  const scope = creditorFilter(actor, creditorId);
  let query = deps.db
    .selectFrom('monthly_report_sendings as s')
    .innerJoin('creditors as c', 'c.id', 's.creditor_id')
    .select([
      's.id',
      's.creditor_id',
      'c.name',
      's.month',
      's.recipient',
      's.sent_at',
      's.pdf_sha256',
      's.xlsx_sha256',
      's.message_id',
    ])
    .where('s.sent_at', 'is not', null);
  if (scope) query = query.where('s.creditor_id', '=', scope);
  const rows = await query.orderBy('s.month', 'desc').orderBy('c.name').limit(500).execute();
  return {
    lastMonth: lastMonth(deps),
    sendings: rows.map((row) => ({
      id: row.id,
      creditorId: row.creditor_id,
      creditorName: row.name,
      month: (typeof row.month === 'string' ? row.month : new Date(row.month).toISOString()).slice(0, 7),
      recipient: row.recipient,
      sentAt: new Date(row.sent_at!).toISOString(),
      pdfSha256: row.pdf_sha256,
      xlsxSha256: row.xlsx_sha256,
      messageId: row.message_id!,
    })),
  };
}

export function monthlyReportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/reports/monthly',
    {
      config: { access: { permission: 'reports.monthly' } },
      schema: {
        tags: ['reporting'],
        summary: "The creditors' monthly reports sent to their contacts, newest first, in your scope",
        querystring: monthlyReportsQuery,
        response: { 200: monthlyReportsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => monthlyReports(deps, request.actor!, request.query.creditorId),
  );
  r.get(
    '/api/v1/reports/monthly/file',
    {
      config: { access: { permission: 'reports.monthly' } },
      schema: {
        tags: ['reporting'],
        summary:
          "A creditor's monthly report for a month as PDF or XLSX, as the job sends it, with the figures as they stand now; audited (monthly_report.creditor_required, monthly_report.month_in_future: 422)",
        querystring: monthlyReportFileQuery,
        response: {
          200: z.unknown().describe('application/pdf or XLSX'),
          ...problemResponses(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const creditorId = reportCreditorId(actor, request.query.creditorId);
      checkReportMonth(deps, request.query.month);
      const creditor = await deps.db
        .selectFrom('creditors')
        .select(['id', 'code'])
        .where('id', '=', creditorId)
        .executeTakeFirst();
      if (!creditor) throw notFound('The creditor');
      const files = await monthlyReportFiles(deps, creditor, request.query.month);
      const file = request.query.format === 'pdf' ? files.pdf : files.xlsx;
      await deps.db.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: auditActor(actor),
          action: 'monthly_report.downloaded',
          targetType: 'creditor',
          targetId: creditor.id,
          creditorId: creditor.id,
          after: { reference: request.query.month, format: request.query.format },
          requestId: String(request.id),
          at: deps.now(),
        }),
      );
      return reply
        .type(
          request.query.format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .send(file.file);
    },
  );
}
