import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mayAccessCreditor } from '../identity/scope.js';
import { assertVisible, creditorFilter } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import { exportFileResponse, fileResponse, idParams as id, problemResponses } from '../platform/http/schemas.js';
import { sendExport } from '../platform/export/send.js';
import { auditedExportContext } from '../audit/record-export.js';
import { creditorPaymentsExport } from './payments-export.js';
import {
  creditorPaymentsExportQuery,
  creditorPaymentsQuery,
  creditorPaymentsSchema,
  prepareRemittanceBody,
  remittanceListQuery,
  remittanceListSchema,
  remittanceSchema,
  remittanceSettingsBody,
  remittanceSettingsSchema,
  statementCsvSchema,
  transferXmlSchema,
} from './contract.js';
import { creditorPayments } from './creditor-payments.js';
import { remittanceCsv, remittancePain001, remittancePdf } from './documents.js';
import { setRemittanceSettings } from './creditor-settings.js';
import { prepareRemittance } from './prepare-remittance.js';
import { cancelRemittance, releaseRemittance } from './release-remittance.js';
import { listRemittances, loadRemittance } from './remittance-view.js';

const tags = ['remittances'];

/** A remittance the actor may see (404 outside their creditor's scope). */
async function inScope(db: Deps['db'], remittanceId: string, actor: Parameters<typeof mayAccessCreditor>[0]) {
  const remittance = await loadRemittance(db, remittanceId);
  assertVisible(actor, remittance, 'The remittance');
  return remittance;
}

/** Remittances to creditors: the statement of what was collected, the commission and the net, and the transfer. */
export function remittanceRoutes(app: FastifyInstance, deps: Deps) {
  registerPreparationRoutes(app, deps);
  registerReadingRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerCreditorRoutes(app, deps);
}

/** A remittance prepared, then released by another person or cancelled. */
function registerPreparationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/remittances',
    {
      config: { access: { permission: 'remittances.manage' } },
      schema: {
        tags,
        summary:
          "Prepare a creditor's remittance: everything collected up to `periodTo` and not yet remitted, net of commission",
        body: prepareRemittanceBody,
        response: { 201: remittanceSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await prepareRemittance(deps, request.actor!, request.body, request.id)),
  );

  r.post(
    '/api/v1/remittances/:id/release',
    {
      config: { access: { permission: 'remittances.manage' } },
      schema: {
        tags,
        summary:
          'Release a prepared remittance (four-eyes: never by the person who prepared it); the payment over is posted and its transfer can be produced',
        params: id,
        response: { 200: remittanceSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => releaseRemittance(deps, request.actor!, request.params.id, request.id),
  );

  r.post(
    '/api/v1/remittances/:id/cancel',
    {
      config: { access: { permission: 'remittances.manage' } },
      schema: {
        tags,
        summary: 'Cancel a prepared remittance: nothing is paid and its lines go to the next remittance',
        params: id,
        response: { 200: remittanceSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelRemittance(deps, request.actor!, request.params.id, request.id),
  );
}

/** The remittances, and one remittance's statement with its lines. */
function registerReadingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/remittances',
    {
      config: { access: { permission: 'remittances.read' } },
      schema: {
        tags,
        summary: 'Remittances, newest first (a creditor user sees its own)',
        querystring: remittanceListQuery,
        response: { 200: remittanceListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      items: await listRemittances(deps.db, creditorFilter(request.actor!, request.query.creditorId)),
    }),
  );

  r.get(
    '/api/v1/remittances/:id',
    {
      config: { access: { permission: 'remittances.read' } },
      schema: {
        tags,
        summary: 'A remittance statement with its lines',
        params: id,
        response: { 200: remittanceSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => inScope(deps.db, request.params.id, request.actor!),
  );
}

/** A remittance's documents: the statement as PDF and CSV, the transfer file. */
function registerDocumentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/remittances/:id/statement.pdf',
    {
      config: { access: { permission: 'remittances.read' } },
      schema: {
        tags,
        summary: 'The statement as PDF',
        params: id,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const remittance = await inScope(deps.db, request.params.id, request.actor!);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${remittance.number}.pdf"`)
        .send(await remittancePdf(remittance));
    },
  );

  r.get(
    '/api/v1/remittances/:id/statement.csv',
    {
      config: { access: { permission: 'remittances.read' } },
      schema: {
        tags,
        summary: 'The statement as CSV',
        params: id,
        response: { 200: statementCsvSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const remittance = await inScope(deps.db, request.params.id, request.actor!);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${remittance.number}.csv"`)
        .send(remittanceCsv(remittance));
    },
  );

  r.get(
    '/api/v1/remittances/:id/transfer.xml',
    {
      config: { access: { permission: 'remittances.manage' } },
      schema: {
        tags,
        summary: 'The SEPA credit transfer (pain.001.001.03) paying the net over, once the remittance is released',
        params: id,
        response: { 200: transferXmlSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const remittance = await inScope(deps.db, request.params.id, request.actor!);
      const xml = await remittancePain001(deps, request.actor!, remittance, request.id);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${remittance.number}-pain001.xml"`)
        .send(xml);
    },
  );
}

/** A creditor's remittance settings, and the payments on its cases in a period (list and export). */
function registerCreditorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    '/api/v1/creditors/:id/remittance-settings',
    {
      config: { access: { permission: 'remittances.manage' } },
      schema: {
        tags,
        summary:
          "Where the creditor's money is paid over (IBAN, BIC) and where its payment notices go (a public https webhook, HMAC-signed; the secret encrypted at rest, shown once)",
        params: id,
        body: remittanceSettingsBody,
        response: { 200: remittanceSettingsSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => setRemittanceSettings(deps, request.actor!, request.params.id, request.body, request.id),
  );

  r.get(
    '/api/v1/creditor-payments',
    {
      config: { access: { permission: 'payments.read' } },
      schema: {
        tags,
        summary:
          "Every payment on a creditor's cases in a period (CPCE R124-5: the creditor is informed of each); a creditor user sees its own",
        querystring: creditorPaymentsQuery,
        response: { 200: creditorPaymentsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) =>
      creditorPayments(deps.db, {
        creditorId: creditorFilter(request.actor!, request.query.creditorId),
        from: request.query.from,
        to: request.query.to,
      }),
  );
  r.get(
    '/api/v1/creditor-payments/export',
    {
      config: { access: { permission: 'payments.read' } },
      schema: {
        tags,
        summary: "A period's payments as CSV or XLSX: the same filters and scope as the list",
        querystring: creditorPaymentsExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'payments',
          query: request.query,
          requestId: String(request.id),
        }),
        creditorPaymentsExport(deps, request.actor!, request.query),
      ),
  );
}
