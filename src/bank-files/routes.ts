import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { fileResponse, idParams as id, problemResponses } from '../platform/http/schemas.js';
import {
  amendMandateBody,
  assignmentBody,
  createMandateBody,
  directDebitQuery,
  dismissalBody,
  mandateListQuery,
  mandateListSchema,
  mandateSchema,
  queueItemSchema,
  queueListQuery,
  queueListSchema,
  reportSchema,
  revokeMandateBody,
  statementListQuery,
  statementListSchema,
  statementUploadQuery,
} from './contract.js';
import { directDebitFile } from './direct-debits.js';
import { importStatement } from './import-statement.js';
import { amendMandate, createMandate, getMandate, listMandates, revokeMandate } from './mandates.js';
import { assignQueued, dismissQueued, listQueue } from './match-queue.js';
import { listImports, loadStatementReport } from './statements.js';

const tags = ['bank files'];
const XML_TYPES = ['application/xml', 'text/xml'];
/** A statement of 200,000 transactions is about 200 MB of XML; larger files are refused (split by day). */
const STATEMENT_LIMIT_BYTES = 256 * 1024 * 1024;

/** Bank files: statements and their match queue, SEPA mandates, direct debit files. */
export function bankFileRoutes(app: FastifyInstance, deps: Deps) {
  registerStatementRoutes(app, deps);
  registerMatchQueueRoutes(app, deps);
  registerMandateRoutes(app, deps);
  registerDirectDebitRoutes(app, deps);
}

/** Statements: the upload, the imports and each import's report. */
function registerStatementRoutes(app: FastifyInstance, deps: Deps) {
  // The statement upload takes the raw XML; only this scope accepts XML bodies.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      XML_TYPES,
      { parseAs: 'buffer', bodyLimit: Math.min(STATEMENT_LIMIT_BYTES, deps.config.UPLOAD_LIMIT_BYTES) },
      (_request, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/bank-statements',
      {
        config: { access: { permission: 'bank_files.import' } },
        bodyLimit: Math.min(STATEMENT_LIMIT_BYTES, deps.config.UPLOAD_LIMIT_BYTES),
        schema: {
          tags,
          summary:
            'Import a bank statement (camt.053) or notification (camt.054): lines matched, recorded, queued or reversed',
          description:
            'Send the file as the raw body with Content-Type application/xml. The same file again changes nothing (200 with the first report).',
          querystring: statementUploadQuery,
          response: { 200: reportSchema, 201: reportSchema, ...problemResponses(400, 401, 403, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError(
            'request.unsupported_media_type',
            415,
            'Send the statement as the raw body with Content-Type application/xml.',
          );
        }
        const { report, replayed } = await importStatement(
          deps,
          request.actor!,
          { body: request.body, fileName: request.query.fileName ?? null },
          String(request.id),
        );
        return reply.status(replayed ? 200 : 201).send(report);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/bank-statements',
    {
      config: { access: { permission: 'bank_files.read' } },
      schema: {
        tags,
        summary: 'Imported bank statements, newest first',
        querystring: statementListQuery,
        response: { 200: statementListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listImports(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/bank-statements/:id',
    {
      config: { access: { permission: 'bank_files.read' } },
      schema: {
        tags,
        summary: "An import's report: every line, what became of it and why",
        params: id,
        response: { 200: reportSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => loadStatementReport(deps, request.params.id),
  );
}

/** The credits waiting for a person: list, assign to a case, dismiss. */
function registerMatchQueueRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/bank-match-queue',
    {
      config: { access: { permission: 'bank_files.read' } },
      schema: {
        tags,
        summary: 'Credits waiting for a person (oldest first), with the suggested case and the reason',
        querystring: queueListQuery,
        response: { 200: queueListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listQueue(deps, request.actor!, request.query),
  );
  r.post(
    '/api/v1/bank-match-queue/:id/assignment',
    {
      config: { access: { permission: 'bank_files.match' } },
      schema: {
        tags,
        summary: 'Assign a queued credit to a case: records the payment (idempotent on the bank line)',
        params: id,
        body: assignmentBody,
        response: { 200: queueItemSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => assignQueued(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/bank-match-queue/:id/dismissal',
    {
      config: { access: { permission: 'bank_files.match' } },
      schema: {
        tags,
        summary: 'Dismiss a queued credit that is for no case (to return to the payer), with the reason',
        params: id,
        body: dismissalBody,
        response: { 200: queueItemSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => dismissQueued(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}

/** SEPA direct debit mandates: list, record, read, amend, revoke. */
function registerMandateRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/sepa-mandates',
    {
      config: { access: { permission: 'sepa_mandates.read' } },
      schema: {
        tags,
        summary: 'SEPA direct debit mandates, newest first',
        querystring: mandateListQuery,
        response: { 200: mandateListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listMandates(deps, request.actor!, request.query),
  );
  r.post(
    '/api/v1/sepa-mandates',
    {
      config: { access: { permission: 'sepa_mandates.manage' } },
      schema: {
        tags,
        summary: 'Record a SEPA Core mandate signed by the debtor of a case (IBAN checked)',
        body: createMandateBody,
        response: { 201: mandateSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMandate(deps, request.actor!, request.body, String(request.id))),
  );
  r.get(
    '/api/v1/sepa-mandates/:id',
    {
      config: { access: { permission: 'sepa_mandates.read' } },
      schema: {
        tags,
        summary: 'A SEPA mandate',
        params: id,
        response: { 200: mandateSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getMandate(deps, request.actor!, request.params.id),
  );
  r.patch(
    '/api/v1/sepa-mandates/:id',
    {
      config: { access: { permission: 'sepa_mandates.manage' } },
      schema: {
        tags,
        summary: "Amend an active mandate: the debtor's name, IBAN (the next collection is FRST again) or BIC",
        params: id,
        body: amendMandateBody,
        response: { 200: mandateSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => amendMandate(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/sepa-mandates/:id/revocation',
    {
      config: { access: { permission: 'sepa_mandates.manage' } },
      schema: {
        tags,
        summary: 'Revoke a mandate (no more direct debits under it); mandates are never deleted',
        params: id,
        body: revokeMandateBody,
        response: { 200: mandateSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => revokeMandate(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}

/** The pain.008 file of the direct debits due on a date. */
function registerDirectDebitRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/direct-debits/pain008',
    {
      config: { access: { permission: 'bank_files.collect' } },
      schema: {
        tags,
        summary:
          'The pain.008.001.02 file of the direct debits due on a date (issues their collections the first time)',
        querystring: directDebitQuery,
        response: { 200: fileResponse('application/xml'), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const file = await directDebitFile(deps, request.actor!, request.query.date, String(request.id));
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-transaction-count', String(file.count))
        .send(file.xml);
    },
  );
}
