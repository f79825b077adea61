import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { fileResponse, idParams, problemResponses } from '../platform/http/schemas.js';
import { firstLetterStateSchema, issuedFirstLetterSchema } from './contract.js';
import { firstLetterState, issueFirstLetter, previewFirstLetter } from './issue-first-letter.js';

const tags = ['communications'];

/** Communications with debtors: the first letter (CPCE R124-4), read, previewed and issued. */
export function communicationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/first-letter',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary: "The case's first letter: the day it went out, its reference and the document kept, or not sent yet",
        params: idParams,
        response: { 200: firstLetterStateSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => firstLetterState(deps, request.actor!, request.params.id),
  );
  r.get(
    '/api/v1/cases/:id/first-letter/preview',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary: 'The first letter as it would go out today, as a PDF; nothing is recorded',
        params: idParams,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await previewFirstLetter(deps, request.actor!, request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );
  r.post(
    '/api/v1/cases/:id/first-letter',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary:
          'Issue the first letter: the contact policy asked, the letter recorded as sent today, its PDF kept on the case (409 when it already went out)',
        params: idParams,
        response: { 201: issuedFirstLetterSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueFirstLetter(deps, request.actor!, request.params.id, String(request.id))),
  );
}
