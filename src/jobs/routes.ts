import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { runJobNow } from '../audit/job-run.js';
import { nightlyReportSchema } from './contract.js';
import { nightlyRefresh } from './nightly-refresh.js';

export function jobRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/jobs/nightly-refresh/runs',
    {
      config: { access: { permission: 'jobs.run' } },
      schema: {
        tags: ['jobs'],
        summary: 'Run the nightly refresh now (it also runs on its schedule)',
        response: { 200: nightlyReportSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) =>
      runJobNow(deps, request.actor!, 'nightly-refresh', () => nightlyRefresh(deps), String(request.id)),
  );
}
