import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { searchAnswerSchema, searchQuery } from './contract.js';
import { search } from './search.js';

export function searchRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/search',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['search'],
        summary:
          'Find cases in your scope by the start of a reference, a name, a phone number, an e-mail, an IBAN or a postal code',
        querystring: searchQuery,
        response: { 200: searchAnswerSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => search(deps, request.actor!, request.query),
  );
}
