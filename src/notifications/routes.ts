import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { notificationsSchema } from './contract.js';
import { waitingFor } from './waiting.js';

export function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/notifications',
    {
      config: { access: { permission: 'me.read' } },
      schema: {
        tags: ['notifications'],
        summary:
          'What is waiting for you: approvals, access requests, reviews, callbacks and tasks due, by your role and scope',
        response: { 200: notificationsSchema, ...problemResponses(401) },
      },
    },
    async (request) => waitingFor(deps, request.actor!),
  );
}
