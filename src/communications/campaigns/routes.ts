import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.js';
import { idParams, problemResponses } from '../../platform/http/schemas.js';
import { campaignInputSchema, campaignRunSchema, campaignsSchema } from '../contract.js';
import { createCampaign, listCampaigns, setCampaignStatus } from './campaigns.js';
import { runCampaign } from './run-campaign.js';

const tags = ['communications'];

/** Campaigns of e-mails and SMS: kept, previewed, activated and run. */
export function campaignRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/campaigns',
    {
      config: { access: { permission: 'campaigns.read' } },
      schema: {
        tags,
        summary: 'The campaigns, newest first, each with its ten latest runs and previews',
        response: { 200: campaignsSchema, ...problemResponses(401, 403) },
      },
    },
    async () => listCampaigns(deps),
  );
  r.post(
    '/api/v1/campaigns',
    {
      config: { access: { permission: 'campaigns.manage' } },
      schema: {
        tags,
        summary: 'Create a campaign, paused: preview it, then activate it',
        body: campaignInputSchema,
        response: { 201: z.object({ id: z.string().uuid() }), ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCampaign(deps, request.actor!, request.body, String(request.id))),
  );
  r.post(
    '/api/v1/campaigns/:id/status',
    {
      config: { access: { permission: 'campaigns.manage' } },
      schema: {
        tags,
        summary: 'Activate (it then runs daily, on your authority) or pause a campaign',
        params: idParams,
        body: z.object({ status: z.enum(['active', 'paused']) }),
        response: {
          200: z.object({ id: z.string().uuid(), status: z.enum(['active', 'paused']) }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      setCampaignStatus(deps, request.actor!, request.params.id, request.body.status, String(request.id)),
  );
  r.post(
    '/api/v1/campaigns/:id/runs',
    {
      config: { access: { permission: 'campaigns.manage' } },
      schema: {
        tags,
        summary:
          'Run a campaign now, or preview it (`preview: true`): what the policy would allow and refuse, by rule; a preview records and sends nothing',
        params: idParams,
        body: z.object({ preview: z.boolean() }),
        response: { 201: campaignRunSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCampaign(deps, request.params.id, { preview: request.body.preview, startedBy: request.actor! })),
  );
}
