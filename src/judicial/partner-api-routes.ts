import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { partnerProcedureListSchema, partnerReportBody, partnerReportSchema } from './contract.js';
import { partnerOfKey, type PartnerCaller } from './partner-keys.js';
import { partnerProcedures, partnerReport, receivePartnerReport } from './partner-reports.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The judicial partner calling the partner API with its key (null everywhere else). */
    partner: PartnerCaller | null;
  }
}

const tags = ['partner API'];
const security = [{ bearerKey: [] }];

/**
 * The partner API (docs/partner-api.md): a judicial partner reads the procedures it handles and posts its reports,
 * authenticated by `Authorization: Bearer <key>` only. Its routes live under /api/partner/v1 in a scope of their own
 * whose hook knows keys and nothing else: no session cookie opens them, no CSRF token applies (a key is no ambient
 * credential), and identity's access control, which reads only the session cookie, never takes a key for /api/v1.
 */
export function partnerApiRoutes(app: FastifyInstance, deps: Deps) {
  void app.register(async (scope) => {
    scope.decorateRequest('partner', null);
    scope.addHook('onRequest', async (request, reply) => {
      try {
        request.partner = await partnerOfKey(deps, request.headers.authorization);
      } catch (error) {
        reply.header('www-authenticate', 'Bearer realm="partner"');
        throw error;
      }
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/partner/v1/procedures',
      {
        schema: {
          tags,
          security,
          summary: 'The open procedures you handle, with the steps each accepts today',
          response: { 200: partnerProcedureListSchema, ...problemResponses(401) },
        },
      },
      async (request) => partnerProcedures(deps, request.partner!),
    );
    r.post(
      '/api/partner/v1/procedures/:id/reports',
      {
        schema: {
          tags,
          security,
          summary: 'Report a step or a payment on one of your procedures: stored pending until the agency decides',
          params: idParams,
          body: partnerReportBody,
          response: { 200: partnerReportSchema, 201: partnerReportSchema, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (request, reply) => {
        const { report, created } = await receivePartnerReport(
          deps,
          request.partner!,
          request.params.id,
          request.body,
          String(request.id),
        );
        return reply.status(created ? 201 : 200).send(report);
      },
    );
    r.get(
      '/api/partner/v1/reports/:id',
      {
        schema: {
          tags,
          security,
          summary: "One of your reports: pending, applied, or rejected with the agency's reason",
          params: idParams,
          response: { 200: partnerReportSchema, ...problemResponses(400, 401, 404) },
        },
      },
      async (request) => partnerReport(deps, request.partner!, request.params.id),
    );
  });
}
