import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { invalid } from '../platform/errors.js';
import { problemResponses } from '../platform/http/schemas.js';
import { listSensitiveReads } from './list-reads.js';

export const sensitiveReadSchema = z.object({
  seq: z.number().int(),
  readAt: z.string(),
  user: z.object({ id: z.string(), displayName: z.string() }),
  role: z.string(),
  debtor: z.object({ id: z.string(), displayName: z.string() }),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  subject: z.enum(['budget', 'vulnerability']),
  basis: z.enum(['care_team', 'case_holder', 'compliance', 'stated_reason', 'restricted']),
  reason: z.string().nullable(),
  sealed: z.boolean(),
});

/** Who read special-category data (budgets, vulnerability records), listed for compliance per debtor or per user. */
export function needToKnowRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/sensitive-reads',
    {
      config: { access: { permission: 'sensitive_reads.read' } },
      schema: {
        tags: ['audit'],
        summary: "Reads of special-category data, newest first: one debtor's (debtorId) or one user's (userId)",
        querystring: z.strictObject({
          debtorId: z.string().uuid().optional(),
          userId: z.string().uuid().optional(),
          beforeSeq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(sensitiveReadSchema), hasMore: z.boolean() }), ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const { debtorId, userId } = request.query;
      if ((debtorId === undefined) === (userId === undefined)) {
        throw invalid('sensitive_reads.one_filter', 'Choose whose reads to list: give either debtorId or userId, not both and not neither.');
      }
      return listSensitiveReads(deps, request.query);
    },
  );
}
