import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { decideAccessRequest, listAccessRequests } from './access-requests.js';
import { ROLES } from './core/roles.js';

const roleSchema = z.enum(ROLES);
const person = z.object({ id: z.string().uuid(), displayName: z.string() });

export const accessRequestSchema = z.object({
  requestId: z.string().uuid(),
  kind: z.enum(['creation', 'role_change', 'password_reset']).describe('password_reset: a new password set by an administrator, not usable until approved'),
  role: roleSchema.describe('the role asked for (for a password reset, the account’s role)'),
  creditorId: z.string().uuid().nullable(),
  requestedAt: z.string(),
  user: z.object({ id: z.string().uuid(), email: z.string(), displayName: z.string(), role: roleSchema, active: z.boolean() }),
  fromRole: roleSchema.nullable(),
  requestedBy: person,
  status: z.enum(['pending', 'approved', 'refused', 'withdrawn']),
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

/**
 * Separation of duties: accounts given a role that reads case data, and passwords set on someone else's account, wait
 * for a manager's or a compliance officer's approval (never the requester's). The list is read by whoever reads the users; the decision is the approvers'.
 */
export function accessRequestRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/user-access-requests',
    {
      config: { access: { permission: 'users.read' } },
      schema: {
        tags: ['users'],
        summary: 'Requests for access to case data (new accounts, raised roles, passwords set by an administrator), newest first; `status=pending` for those waiting',
        querystring: z.strictObject({
          status: z.enum(['pending', 'approved', 'refused', 'withdrawn']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: z.object({ items: z.array(accessRequestSchema) }), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: await listAccessRequests(deps, request.query) }),
  );

  r.post(
    '/api/v1/user-access-requests/:id/decision',
    {
      config: { access: { permission: 'users.approve_access' } },
      schema: {
        tags: ['users'],
        summary: 'Approve or refuse a request for access to case data (a refusal says why); never your own request or account',
        params: z.strictObject({ id: z.string().uuid() }),
        body: z.strictObject({
          decision: z.enum(['approve', 'refuse']),
          reason: z.string().trim().min(1).max(1000).optional(),
        }),
        response: { 200: accessRequestSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      decideAccessRequest(
        deps,
        request.actor!,
        request.params.id,
        { approve: request.body.decision === 'approve', reason: request.body.reason ?? null },
        String(request.id),
      ),
  );
}
