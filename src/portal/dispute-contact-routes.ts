import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { problemResponses } from '../platform/http/schemas.js';
import {
  addressBody,
  contactDetailsSchema,
  phoneBody,
  portalDisputeBody,
  portalDisputeRecordedSchema,
  portalDocumentQuery,
  portalDocumentReceivedSchema,
  PORTAL_UPLOAD_CONTENT_TYPES,
} from './contract.js';
import { givePortalAddress, givePortalPhone, portalContactDetails } from './portal-contacts.js';
import { disputeFromPortal, receivePortalDocument } from './portal-disputes.js';

const tags = ['debtor portal'];
const caseParams = z.strictObject({ caseId: z.string().uuid() });
const visitor = (request: FastifyRequest) => request.visitor!;

/**
 * Contesting a debt on the portal: a document sent first (the raw file as the body, in a scope that alone takes
 * those content types), then the dispute naming the contract, the grounds, the person's words and the documents.
 * Registered inside the portal's scope: its hook (portal session, CSRF on writes) covers these routes.
 */
export function disputeRoutes(scope: FastifyInstance, deps: Deps) {
  void scope.register(async (files) => {
    files.addContentTypeParser([...PORTAL_UPLOAD_CONTENT_TYPES], (_request, payload, done) => done(null, payload));
    files.withTypeProvider<ZodTypeProvider>().post(
      '/api/portal/v1/cases/:caseId/documents',
      {
        config: { portal: 'visitor' },
        schema: {
          tags,
          summary: 'Send a document on the file (PDF, JPEG or PNG, 10 MB at most; the type is read from the bytes)',
          description: 'The file as the raw body with its own Content-Type (or application/octet-stream).',
          params: caseParams,
          querystring: portalDocumentQuery,
          response: { 201: portalDocumentReceivedSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const mediaType = String(request.headers['content-type']).split(';')[0]!.trim().toLowerCase();
        if (!(PORTAL_UPLOAD_CONTENT_TYPES as readonly string[]).includes(mediaType))
          throw new AppError(
            'request.unsupported_media_type',
            415,
            'Send the file as the raw body with its own Content-Type (application/pdf, image/jpeg, image/png).',
          );
        const body = request.body as Readable;
        try {
          const received = await receivePortalDocument(
            deps,
            visitor(request),
            request.params.caseId,
            request.query.fileName,
            body,
            String(request.id),
          );
          return reply.status(201).send(received);
        } catch (error) {
          // The rest of the body was not read: close the connection rather than leave it hanging.
          if (!body.readableEnded) reply.header('connection', 'close');
          throw error;
        }
      },
    );
  });
  scope.withTypeProvider<ZodTypeProvider>().post(
    '/api/portal/v1/cases/:caseId/disputes',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Contest a debt of the file: collection stops, the creditor is asked for its evidence',
        params: caseParams,
        body: portalDisputeBody,
        response: { 201: portalDisputeRecordedSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await disputeFromPortal(deps, visitor(request), request.params.caseId, request.body, String(request.id))),
  );
}

/** The person's address and phones: read, and a new one given. */
export function contactDetailRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/portal/v1/contact-details',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'The address the letters go to and the phone numbers known (masked)',
        response: { 200: contactDetailsSchema, ...problemResponses(401) },
      },
    },
    async (request) => portalContactDetails(deps, visitor(request)),
  );
  r.post(
    '/api/portal/v1/contact-details/address',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Give a new postal address (kept beside the earlier ones, checked by an agent)',
        body: addressBody,
        response: { 201: contactDetailsSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await givePortalAddress(deps, visitor(request), request.body, String(request.id))),
  );
  r.post(
    '/api/portal/v1/contact-details/phones',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Give a phone number (unverified until verified)',
        body: phoneBody,
        response: { 201: contactDetailsSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await givePortalPhone(deps, visitor(request), request.body, String(request.id))),
  );
}
