import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { decideAccessRequest, listAccessRequests } from './access-requests.js';
import { accessDecisionBody, accessRequestListSchema, accessRequestQuery, accessRequestSchema } from './contract.js';

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
        summary:
          'Requests for access to case data (new accounts, raised roles, passwords set by an administrator), newest first; `status=pending` for those waiting',
        querystring: accessRequestQuery,
        response: { 200: accessRequestListSchema, ...problemResponses(400, 401, 403) },
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
        summary:
          'Approve or refuse a request for access to case data (a refusal says why); never your own request or account',
        params: idParams,
        body: accessDecisionBody,
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
