import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { exportFileResponse, idParams, problemResponses } from '../platform/http/schemas.js';
import { sendExport } from '../platform/export/send.js';
import { auditedExportContext } from '../audit/record-export.js';
import { caseExport } from './case-export.js';
import { getCase, searchCases } from './cases.js';
import {
  caseDetailSchema,
  caseExportQuery,
  caseListSchema,
  caseSearchQuery,
  creditorDetailSchema,
  creditorListSchema,
} from './contract.js';
import { getCreditor, listCreditors } from './creditors.js';

export function portfolioRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/creditors',
    {
      config: { access: { permission: 'creditors.read' } },
      schema: {
        tags: ['portfolio'],
        summary: 'Creditors in your scope (a creditor user sees its own only)',
        response: { 200: creditorListSchema, ...problemResponses(401, 403) },
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
        params: idParams,
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
        querystring: caseSearchQuery,
        response: { 200: caseListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => searchCases(deps, request.actor!, request.query),
  );

  r.get(
    '/api/v1/cases/export',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['portfolio'],
        summary: 'The case list as CSV or XLSX: the same filters and scope as the list, every row',
        querystring: caseExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'cases',
          query: request.query,
          requestId: String(request.id),
        }),
        caseExport(deps, request.actor!, request.query),
      ),
  );

  r.get(
    '/api/v1/cases/:id',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['portfolio'],
        summary: 'A case: debtor, claims, holds, stage history and timeline',
        params: idParams,
        response: { 200: caseDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getCase(deps, request.actor!, request.params.id),
  );
}
