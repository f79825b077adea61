import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { fileResponse, idParams, problemResponses } from '../platform/http/schemas.js';
import {
  documentDownloadQuery,
  documentErasedSchema,
  documentErasureBody,
  documentListSchema,
  documentSchema,
  documentUploadQuery,
  UPLOAD_CONTENT_TYPES,
} from './contract.js';
import { eraseDocument } from './erase-documents.js';
import { listCaseDocuments, openDocument } from './read-documents.js';
import { uploadDocument } from './upload-document.js';

const tags = ['documents'];

/** Documents on a case: upload (the raw file as the body), list, download, erasure. */
export function documentRoutes(app: FastifyInstance, deps: Deps) {
  uploadRoute(app, deps);
  readRoutes(app, deps);
}

function uploadRoute(app: FastifyInstance, deps: Deps) {
  // The upload takes the file as a raw stream, counted against its own limit; only this scope accepts these types.
  app.register(async (scope) => {
    scope.addContentTypeParser([...UPLOAD_CONTENT_TYPES], (_request, payload, done) => done(null, payload));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/cases/:id/documents',
      {
        config: { access: { permission: 'documents.upload' } },
        schema: {
          tags,
          summary: 'Upload a document on a case (PDF, PNG, JPEG, TIFF or plain text; the type is read from the bytes)',
          description:
            'Send the file as the raw body (its own Content-Type, or application/octet-stream); type, source and file name in the query.',
          params: idParams,
          querystring: documentUploadQuery,
          response: { 201: documentSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const mediaType = String(request.headers['content-type']).split(';')[0]!.trim().toLowerCase();
        if (!(UPLOAD_CONTENT_TYPES as readonly string[]).includes(mediaType))
          throw new AppError(
            'request.unsupported_media_type',
            415,
            'Send the file as the raw body with its own Content-Type (application/pdf, image/png…) or application/octet-stream.',
          );
        const body = request.body as Readable;
        try {
          const document = await uploadDocument(
            deps,
            request.actor!,
            request.params.id,
            request.query,
            body,
            String(request.id),
          );
          return reply.status(201).send(document);
        } catch (error) {
          // The rest of the body was not read: close the connection rather than leave it hanging.
          if (!body.readableEnded) reply.header('connection', 'close');
          throw error;
        }
      },
    );
  });
}

function readRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/documents',
    {
      config: { access: { permission: 'documents.read' } },
      schema: {
        tags,
        summary: "A case's documents, newest first (a creditor user: those shared with it)",
        params: idParams,
        response: { 200: documentListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listCaseDocuments(deps, request.actor!, request.params.id),
  );
  r.get(
    '/api/v1/documents/:id/file',
    {
      config: { access: { permission: 'documents.read' } },
      schema: {
        tags,
        summary: "A document's file, as an attachment (the read is audited)",
        params: idParams,
        querystring: documentDownloadQuery,
        response: { 200: fileResponse('application/octet-stream'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const opened = await openDocument(
        deps,
        request.actor!,
        request.params.id,
        request.query.reason,
        String(request.id),
      );
      return reply
        .type(opened.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : opened.mediaType)
        .header('content-length', opened.sizeBytes)
        .header('content-disposition', opened.contentDisposition)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(opened.stream);
    },
  );
  r.post(
    '/api/v1/documents/:id/erasure',
    {
      config: { access: { permission: 'documents.erase' } },
      schema: {
        tags,
        summary: 'Erase a document before its retention ends, with the reason (audited)',
        params: idParams,
        body: documentErasureBody,
        response: { 200: documentErasedSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => eraseDocument(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
