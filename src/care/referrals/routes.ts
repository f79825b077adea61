import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import { idParams, problemResponses } from '../../platform/http/schemas.js';
import { closeReferral } from './close-referral.js';
import {
  debtorReferralsSchema,
  organisationBody,
  organisationListSchema,
  organisationQuery,
  organisationSchema,
  referralClosingBody,
  referralFollowUpBody,
  referralProposalBody,
  referralReadQuery,
  referralSchema,
  referralSendingBody,
} from './contract.js';
import { listOrganisations } from './list-organisations.js';
import { proposeReferral } from './propose-referral.js';
import { debtorReferrals } from './read-referrals.js';
import { rescheduleFollowUp } from './reschedule-follow-up.js';
import { createOrganisation, updateOrganisation } from './save-organisation.js';
import { sendReferral } from './send-referral.js';

const tags = ['care'];

/** The care unit's organisations directory and a debtor's referrals to them. */
export function careReferralRoutes(app: FastifyInstance, deps: Deps) {
  directoryRoutes(app, deps);
  referralRoutes(app, deps);
}

function directoryRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/care/organisations',
    {
      config: { access: { permission: 'care.directory.read' } },
      schema: {
        tags,
        summary: 'The organisations directory, by country and name (filters: country, helpsWith, area, active)',
        querystring: organisationQuery,
        response: { 200: organisationListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listOrganisations(deps, request.query),
  );
  r.post(
    '/api/v1/care/organisations',
    {
      config: { access: { permission: 'care.directory.manage' } },
      schema: {
        tags,
        summary: 'Add an organisation to the directory',
        body: organisationBody,
        response: { 201: organisationSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganisation(deps, request.actor!, request.body, String(request.id))),
  );
  r.put(
    '/api/v1/care/organisations/:id',
    {
      config: { access: { permission: 'care.directory.manage' } },
      schema: {
        tags,
        summary: 'Change an organisation of the directory (made inactive rather than removed)',
        params: idParams,
        body: organisationBody,
        response: { 200: organisationSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => updateOrganisation(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}

function referralRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/debtors/:id/referrals',
    {
      config: { access: { permission: 'care.read' } },
      schema: {
        tags,
        summary: "A debtor's referrals: in full under need-to-know (recorded), otherwise only how many",
        params: idParams,
        querystring: referralReadQuery,
        response: { 200: debtorReferralsSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      debtorReferrals(deps, request.actor!, request.params.id, request.query.reason, String(request.id)),
  );
  r.post(
    '/api/v1/debtors/:id/referrals',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: 'Propose a referral to an organisation, with the debtor’s consent',
        params: idParams,
        body: referralProposalBody,
        response: { 201: referralSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await proposeReferral(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.post(
    '/api/v1/referrals/:id/sending',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: 'Record how a proposed referral was sent: letter, e-mail (the contact details) or warm handoff',
        params: idParams,
        body: referralSendingBody,
        response: { 200: referralSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => sendReferral(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/referrals/:id/follow-up',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: "Move an open referral's follow-up to another day, today or later",
        params: idParams,
        body: referralFollowUpBody,
        response: { 200: referralSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => rescheduleFollowUp(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/referrals/:id/closing',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: 'Close a referral with its outcome',
        params: idParams,
        body: referralClosingBody,
        response: { 200: referralSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => closeReferral(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
