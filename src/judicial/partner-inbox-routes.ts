import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import {
  partnerKeyBody,
  partnerKeyCreatedSchema,
  partnerKeyListSchema,
  partnerKeyParams,
  partnerKeySchema,
  partnerReportRejectBody,
  procedureSchema,
} from './contract.js';
import { applyPartnerReport, rejectPartnerReport } from './partner-report-decide.js';
import { createPartnerKey, listPartnerKeys, revokePartnerKey } from './partner-keys.js';

const tags = ['judicial'];

/**
 * The agency's side of the partner API (docs/partner-api.md): a partner's keys (created, shown once, revoked) and the
 * inbox of the reports partners post, applied or rejected by the judicial team.
 */
export function partnerInboxRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/judicial-partners/:id/keys',
    {
      config: { access: { permission: 'judicial_partners.manage' } },
      schema: {
        tags,
        summary: "A partner's API keys, the newest first (never a key itself)",
        params: idParams,
        response: { 200: partnerKeyListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listPartnerKeys(deps, request.params.id),
  );
  r.post(
    '/api/v1/judicial-partners/:id/keys',
    {
      config: { access: { permission: 'judicial_partners.manage' } },
      schema: {
        tags,
        summary: 'Create an API key for an active partner: the answer shows the key, once',
        params: idParams,
        body: partnerKeyBody,
        response: { 201: partnerKeyCreatedSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await createPartnerKey(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.post(
    '/api/v1/judicial-partners/:id/keys/:keyId/revoke',
    {
      config: { access: { permission: 'judicial_partners.manage' } },
      schema: {
        tags,
        summary: 'Revoke a key: from now on it opens nothing',
        params: partnerKeyParams,
        response: { 200: partnerKeySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      revokePartnerKey(deps, request.actor!, request.params.id, request.params.keyId, String(request.id)),
  );
  r.post(
    '/api/v1/judicial/partner-reports/:id/apply',
    {
      config: { access: { permission: 'judicial_procedures.manage' } },
      schema: {
        tags,
        summary: "Apply a partner's report: its step or payment recorded as by hand; a refusal (409) leaves it pending",
        params: idParams,
        response: { 200: procedureSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => applyPartnerReport(deps, request.actor!, request.params.id, String(request.id)),
  );
  r.post(
    '/api/v1/judicial/partner-reports/:id/reject',
    {
      config: { access: { permission: 'judicial_procedures.manage' } },
      schema: {
        tags,
        summary: "Reject a partner's report with the reason the partner reads back",
        params: idParams,
        body: partnerReportRejectBody,
        response: { 200: procedureSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => rejectPartnerReport(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
