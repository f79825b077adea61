import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { verifyAuditTrail } from './verify.js';

export function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit entries, newest first; page with beforeSeq',
        querystring: z.strictObject({
          action: z.string().max(100).optional(),
          targetType: z.string().max(50).optional(),
          targetId: z.string().max(100).optional(),
          actorUserId: z.string().uuid().optional(),
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number().int(),
                occurredAt: z.string(),
                actorUserId: z.string().nullable(),
                actorName: z.string().nullable(),
                actorRole: z.string().nullable(),
                action: z.string(),
                targetType: z.string(),
                targetId: z.string().nullable(),
                before: z.unknown(),
                after: z.unknown(),
                requestId: z.string().nullable(),
                hash: z.string(),
              }),
            ),
          }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query;
      let query = deps.db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
        .selectAll('audit_log')
        .select('users.display_name as actor_name');
      if (q.action) query = query.where('audit_log.action', '=', q.action);
      if (q.targetType) query = query.where('audit_log.target_type', '=', q.targetType);
      if (q.targetId) query = query.where('audit_log.target_id', '=', q.targetId);
      if (q.actorUserId) query = query.where('audit_log.actor_user_id', '=', q.actorUserId);
      if (q.beforeSeq) query = query.where('audit_log.seq', '<', q.beforeSeq);
      const rows = await query.orderBy('audit_log.seq', 'desc').limit(q.limit).execute();
      return {
        items: rows.map((row) => ({
          seq: row.seq,
          occurredAt: row.occurred_at.toISOString(),
          actorUserId: row.actor_user_id,
          actorName: row.actor_name,
          actorRole: row.actor_role,
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          before: row.before,
          after: row.after,
          requestId: row.request_id,
          hash: row.hash,
        })),
      };
    },
  );

  r.get(
    '/api/v1/audit/verification',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Re-computes the hash chain and reports the first broken entry, if any',
        response: {
          200: z.object({ ok: z.boolean(), entriesChecked: z.number().int(), message: z.string(), problem: z.unknown() }),
          ...problemResponses(401, 403),
        },
      },
    },
    async () => verifyAuditTrail(deps.db),
  );
}
