import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { fileResponse, idParams, problemResponses } from '../platform/http/schemas.js';
import {
  handoffAcknowledgeBody,
  handoffListSchema,
  handoffSchema,
  handoffSendBody,
  partnerBody,
  partnerListQuery,
  partnerListSchema,
  partnerSchema,
} from './contract.js';
import { buildCaseHandoff } from './handoff-build.js';
import { listCaseHandoffs, openHandoffFile } from './handoff-read.js';
import { acknowledgeHandoff, sendHandoff } from './handoff-send.js';
import { createPartner, listPartners, updatePartner } from './partners.js';

const tags = ['judicial'];

/** The judicial partners and the handoff files of judicial cases (REGULATION.md §11 point 5). */
export function handoffRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/judicial-partners',
    {
      config: { access: { permission: 'judicial_partners.read' } },
      schema: {
        tags,
        summary: 'Commissaires de justice and lawyers a handoff file is sent to (active=true: the active ones)',
        querystring: partnerListQuery,
        response: { 200: partnerListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listPartners(deps, request.query),
  );
  r.post(
    '/api/v1/judicial-partners',
    {
      config: { access: { permission: 'judicial_partners.manage' } },
      schema: {
        tags,
        summary: 'Add a partner',
        body: partnerBody,
        response: { 201: partnerSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPartner(deps, request.actor!, request.body, String(request.id))),
  );
  r.put(
    '/api/v1/judicial-partners/:id',
    {
      config: { access: { permission: 'judicial_partners.manage' } },
      schema: {
        tags,
        summary: 'Change a partner, or deactivate it (active: false)',
        params: idParams,
        body: partnerBody,
        response: { 200: partnerSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => updatePartner(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  caseHandoffRoutes(app, deps);
}

/** A case's handoff files: list, build, download, sending and acknowledgement. */
function caseHandoffRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/handoffs',
    {
      config: { access: { permission: 'handoffs.read' } },
      schema: {
        tags,
        summary: "A case's handoff files, newest version first, with their hashes and where they were sent",
        params: idParams,
        response: { 200: handoffListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listCaseHandoffs(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/cases/:id/handoffs',
    {
      config: { access: { permission: 'handoffs.manage' } },
      schema: {
        tags,
        summary: 'Build a new version of the handoff file of a case at the judicial stage (JSON, PDF, requête)',
        params: idParams,
        response: { 201: handoffSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await buildCaseHandoff(deps, request.actor!, request.params.id, String(request.id))),
  );
  for (const format of ['json', 'pdf'] as const)
    r.get(
      `/api/v1/handoffs/:id/${format}`,
      {
        config: { access: { permission: 'handoffs.read' } },
        schema: {
          tags,
          summary: `A handoff file's ${format.toUpperCase()} as built (its SHA-256 is the one listed); the download is audited`,
          params: idParams,
          response: {
            200: fileResponse(format === 'json' ? 'application/json' : 'application/pdf'),
            ...problemResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const file = await openHandoffFile(deps, request.actor!, request.params.id, format, String(request.id));
        return reply
          .type(format === 'json' ? 'application/json; charset=utf-8' : 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.bytes);
      },
    );
  r.post(
    '/api/v1/handoffs/:id/sending',
    {
      config: { access: { permission: 'handoffs.manage' } },
      schema: {
        tags,
        summary: 'Record that a handoff file was sent to a partner, on a day and by a channel (sent by hand)',
        params: idParams,
        body: handoffSendBody,
        response: { 200: handoffSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => sendHandoff(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/handoffs/:id/acknowledgement',
    {
      config: { access: { permission: 'handoffs.manage' } },
      schema: {
        tags,
        summary: "Record the partner's acknowledgement of a file sent",
        params: idParams,
        body: handoffAcknowledgeBody,
        response: { 200: handoffSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => acknowledgeHandoff(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
