import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import {
  caseEstateSchema,
  deathProofBody,
  deathReportBody,
  estateClaimBody,
  estatePartyBody,
  estatePartyParams,
  estateSchema,
  heirOptionBody,
} from './contract.js';
import { addEstateParty, declareEstateClaim, recordDeathProof, recordHeirOption } from './estate-steps.js';
import { caseEstate } from './read-estate.js';
import { reportDeath } from './report-death.js';

const tags = ['estates'];
const answers = { 200: estateSchema, ...problemResponses(400, 401, 403, 404, 409, 422) };

/** A deceased debtor's estate (REGULATION §12): the death reported and proven, its parties, the claim, the options. */
export function estateRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/estate',
    {
      config: { access: { permission: 'estates.read' } },
      schema: {
        tags,
        summary:
          "The case's estate when its debtor died (null otherwise); a creditor user sees its state, not the heirs",
        params: idParams,
        response: { 200: caseEstateSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => caseEstate(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/cases/:id/estate',
    {
      config: { access: { permission: 'estates.report' } },
      schema: {
        tags,
        summary: "Report the debtor's death: every contact stops at once, the case moves to the deceased stage",
        params: idParams,
        body: deathReportBody,
        response: { 201: estateSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reportDeath(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.post(
    '/api/v1/cases/:id/estate/proof',
    {
      config: { access: { permission: 'estates.manage' } },
      schema: {
        tags,
        summary: "Record the death certificate: the heirs' 4-month option period runs from the death (C. civ. 771)",
        params: idParams,
        body: deathProofBody,
        response: answers,
      },
    },
    async (request) => recordDeathProof(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/cases/:id/estate/parties',
    {
      config: { access: { permission: 'estates.manage' } },
      schema: {
        tags,
        summary: 'Identify the notary, an heir (with their option) or a relative (never asked to pay)',
        params: idParams,
        body: estatePartyBody,
        response: answers,
      },
    },
    async (request) => addEstateParty(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/cases/:id/estate/parties/:partyId/option',
    {
      config: { access: { permission: 'estates.manage' } },
      schema: {
        tags,
        summary: "Record an heir's option: accept, accept up to net assets, renounce, or not yet chosen (C. civ. 768)",
        params: estatePartyParams,
        body: heirOptionBody,
        response: answers,
      },
    },
    async (request) =>
      recordHeirOption(
        deps,
        request.actor!,
        request.params.id,
        request.params.partyId,
        request.body,
        String(request.id),
      ),
  );
  r.post(
    '/api/v1/cases/:id/estate/claim',
    {
      config: { access: { permission: 'estates.manage' } },
      schema: {
        tags,
        summary: 'Declare the claim to the estate (within 15 months of a published net-assets acceptance, C. civ. 792)',
        params: idParams,
        body: estateClaimBody,
        response: answers,
      },
    },
    async (request) => declareEstateClaim(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
