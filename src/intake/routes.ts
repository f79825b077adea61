import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertCreditorInScope } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { exportFileResponse, idParams, problemResponses } from '../platform/http/schemas.js';
import { sendExport } from '../platform/export/send.js';
import { auditedExportContext } from '../audit/record-export.js';
import { placementErrorsExport } from './errors-export.js';
import {
  PLACEMENT_FILE_TYPES as FILE_TYPES,
  placementErrorListSchema,
  placementErrorsExportQuery,
  placementErrorsQuery,
  placementListQuery,
  placementListSchema,
  placementSchema,
  uploadAcceptedSchema,
  uploadQuery,
} from './contract.js';
import { receivePlacementUpload } from './receive-upload.js';
import { getPlacement, listPlacementErrors, listPlacements } from './placements.js';

export function intakeRoutes(app: FastifyInstance, deps: Deps) {
  // The upload takes the file as a raw stream; only this scope accepts these media types.
  app.register(async (scope) => {
    scope.addContentTypeParser(Object.keys(FILE_TYPES), (_request, payload, done) => done(null, payload));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/v1/placements',
      {
        config: { access: { permission: 'placements.create' } },
        schema: {
          tags: ['intake'],
          summary: 'Upload a placement file (CSV or JSON lines, see docs/intake-format.md); the import runs as a job',
          description: 'Send the file as the raw body with Content-Type text/csv or application/x-ndjson.',
          querystring: uploadQuery,
          response: {
            202: uploadAcceptedSchema,
            ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503),
          },
        },
      },
      async (request, reply) => {
        const actor = request.actor!;
        const { creditorId, mandateCode, fileName } = request.query;
        assertCreditorInScope(actor, creditorId);
        const mediaType = String(request.headers['content-type']).split(';')[0]!.trim().toLowerCase();
        const format = FILE_TYPES[mediaType as keyof typeof FILE_TYPES];
        if (!format) {
          throw new AppError(
            'request.unsupported_media_type',
            415,
            'Send the file as the raw body with Content-Type text/csv (CSV) or application/x-ndjson (JSON lines).',
          );
        }
        try {
          const { placementId } = await receivePlacementUpload(
            deps,
            actor,
            {
              creditorId,
              mandateCode,
              fileName: fileName ?? null,
              format,
              body: request.body as NodeJS.ReadableStream,
            },
            String(request.id),
          );
          return reply.status(202).send({ id: placementId, status: 'pending' as const });
        } catch (error) {
          // The rest of the body is not read: close the connection rather than leave it hanging.
          if ((error as { cutOff?: boolean }).cutOff) reply.header('connection', 'close');
          throw error;
        }
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/placements',
    {
      config: { access: { permission: 'placements.read' } },
      schema: {
        tags: ['intake'],
        summary: 'Placements in your scope, newest first',
        querystring: placementListQuery,
        response: { 200: placementListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listPlacements(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/placements/:id',
    {
      config: { access: { permission: 'placements.read' } },
      schema: {
        tags: ['intake'],
        summary: 'A placement: status, live progress, counts',
        params: idParams,
        response: { 200: placementSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getPlacement(deps, request.actor!, request.params.id),
  );
  r.get(
    '/api/v1/placements/:id/errors',
    {
      config: { access: { permission: 'placements.read' } },
      schema: {
        tags: ['intake'],
        summary: "A placement's rejected rows: line, column, value and what to fix",
        params: idParams,
        querystring: placementErrorsQuery,
        response: { 200: placementErrorListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listPlacementErrors(deps, request.actor!, request.params.id, request.query),
  );
  placementErrorsExportRoute(app, deps);
}

/** The rejected rows as a file, beside their list. */
function placementErrorsExportRoute(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/placements/:id/errors/export',
    {
      config: { access: { permission: 'placements.read' } },
      schema: {
        tags: ['intake'],
        summary: "A placement's rejected rows as CSV or XLSX, every one",
        params: idParams,
        querystring: placementErrorsExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'placement_errors',
          query: request.query,
          target: { type: 'placement', id: request.params.id },
          requestId: String(request.id),
        }),
        placementErrorsExport(deps, request.actor!, request.params.id),
      ),
  );
}
