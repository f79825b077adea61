import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { exportFileResponse, problemResponses } from '../platform/http/schemas.js';
import { sendExport } from '../platform/export/send.js';
import { auditedExportContext } from './record-export.js';
import { appliedAuditFilter } from './applied-filter.js';
import { auditExport } from './audit-export.js';
import { auditExportQuery, auditListSchema, auditQuery, auditVerificationSchema } from './contract.js';
import { listAuditEntries } from './list-entries.js';
import { verifyAuditTrail } from './verify.js';

export function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary:
          'Audit entries in words, newest first: filtered by days, author, case, debtor and family; page with nextCursor',
        querystring: auditQuery,
        response: { 200: auditListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listAuditEntries(deps, request.query),
  );

  r.get(
    '/api/v1/audit/export',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail as CSV or XLSX: the same filter as the list, every entry, newest first',
        querystring: auditExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { format: _format, ...filter } = request.query;
      const context = auditedExportContext(deps, request.actor!, {
        list: 'audit_trail',
        query: request.query,
        requestId: String(request.id),
      });
      return sendExport(reply, context, auditExport(deps, filter, await appliedAuditFilter(deps, filter)));
    },
  );

  r.get(
    '/api/v1/audit/verification',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Re-computes the hash chain and reports the first broken entry, if any',
        response: { 200: auditVerificationSchema, ...problemResponses(401, 403) },
      },
    },
    async () => verifyAuditTrail(deps.db),
  );
}
