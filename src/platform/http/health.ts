import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { pendingMigrations } from '../db/migrate.js';
import { sendProblem } from './problem.js';
import { problemResponses } from './schemas.js';

export function healthRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/api/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: {
          200: z.object({ status: z.literal('ready'), engine: z.enum(['pglite', 'postgres']) }),
          ...problemResponses(503),
        },
      },
    },
    async (request, reply) => {
      try {
        const pending = await pendingMigrations(deps.database);
        if (pending.length > 0) {
          return sendProblem(
            request,
            reply,
            503,
            'not_ready.migrations_pending',
            `Migrations not applied: ${pending.join(', ')}. Run npm run migrate.`,
          );
        }
        return { status: 'ready', engine: deps.database.engine };
      } catch {
        return sendProblem(request, reply, 503, 'not_ready.database', 'The database does not answer.');
      }
    },
  );
}
