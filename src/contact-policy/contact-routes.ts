import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams as id, noContent, problemResponses } from '../platform/http/schemas.js';
import { liftHold, placeHold } from './holds/manage-holds.js';
import { caseContact } from './case-contact.js';
import { contactPermission } from './contact-permission.js';
import {
  callbackBody,
  callbackSchema,
  caseContactQuery,
  caseContactSchema,
  contactPermissionQuery,
  decisionSchema,
  grantedOverrideSchema,
  holdSchema,
  liftHoldBody,
  optOutBody,
  optOutParams,
  optOutSchema,
  overrideBody,
  placeHoldBody,
  preferencesBody,
  preferencesSchema,
  recordContactBody,
  recordedContactSchema,
} from './contract.js';
import { grantOverride } from './grant-override.js';
import { cancelCallback, optOut, requestCallback, setPreferences, withdrawOptOut } from './preferences.js';
import { recordContact } from './record-contact.js';

import { holdsAsReadBy } from '../need-to-know/holds.js';

const tags = ['contacts'];

/** Contacts with debtors: the permission, recording, overrides, holds and the debtor's own wishes. */
export function contactRoutes(app: FastifyInstance, deps: Deps) {
  registerPermissionRoutes(app, deps);
  registerRecordingRoutes(app, deps);
  registerHoldRoutes(app, deps);
  registerWishRoutes(app, deps);
}

/** May a debtor be contacted now: on one channel, and a case's whole contact picture. */
function registerPermissionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/debtors/:id/contact-permission',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary:
          'May this debtor be contacted on this channel now (or at `at`)? Every reason, and the next allowed moment',
        params: id,
        querystring: contactPermissionQuery,
        response: { 200: decisionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      contactPermission(deps, request.actor!, {
        debtorId: request.params.id,
        channel: request.query.channel,
        at: request.query.at,
        caseId: request.query.caseId,
        recipient: request.query.recipient,
      }),
  );

  r.get(
    '/api/v1/cases/:id/contact',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary:
          "The case's contact permissions per channel now, the debtor's contacts, holds, overrides, opt-outs, preferences and callbacks",
        params: id,
        querystring: caseContactQuery,
        response: { 200: caseContactSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      caseContact(deps, request.actor!, request.params.id, { reason: request.query.reason, requestId: request.id }),
  );
}

/** A contact recorded, and an override letting the next one through. */
function registerRecordingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/contact-attempts',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary:
          'Record a contact; an outbound one the policy refuses is not recorded (409 with the reasons and the next allowed moment)',
        body: recordContactBody,
        response: { 201: recordedContactSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordContact(deps, request.actor!, request.body, request.id)),
  );

  r.post(
    '/api/v1/contact-overrides',
    {
      config: { access: { permission: 'contacts.override' } },
      schema: {
        tags,
        summary:
          'Let the next contact on a channel through once while the policy refuses it: a written reason, audited, shown on the case',
        body: overrideBody,
        response: { 201: grantedOverrideSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await grantOverride(deps, request.actor!, request.body, request.id)),
  );
}

/** Holds: placed on a debtor, lifted. */
function registerHoldRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/debtors/:id/holds',
    {
      config: { access: { permission: 'holds.manage' } },
      schema: {
        tags,
        summary: 'Place a hold; an end or a review date is required',
        params: id,
        body: placeHoldBody,
        response: { 201: holdSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await placeHold(deps, request.actor!, request.params.id, request.body, request.id)),
  );

  r.post(
    '/api/v1/holds/:id/lift',
    {
      config: { access: { permission: 'holds.manage' } },
      schema: {
        tags,
        summary: 'Lift an active hold, with the reason',
        params: id,
        body: liftHoldBody,
        response: { 200: holdSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const hold = await liftHold(deps, request.actor!, request.params.id, request.body.reason, request.id);
      // The placer wrote the reason and gets it back; whoever lifts a care hold reads it as need-to-know allows.
      const read = await holdsAsReadBy(deps, request.actor!, { debtorId: hold.debtorId, caseId: hold.caseId }, [hold], {
        requestId: request.id,
      });
      return read.holds[0]!;
    },
  );
}

/** The debtor's own wishes: preferred channels and hours, opt-outs, callbacks. */
function registerWishRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    '/api/v1/debtors/:id/contact-preferences',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: "The debtor's preferred channels and hours (they narrow the policy, never widen it)",
        params: id,
        body: preferencesBody,
        response: { 200: preferencesSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => setPreferences(deps, request.actor!, request.params.id, request.body, request.id),
  );

  r.post(
    '/api/v1/debtors/:id/opt-outs',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: 'The debtor asked not to be contacted on a channel ("stop calling" keeps written channels open)',
        params: id,
        body: optOutBody,
        response: { 201: optOutSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await optOut(deps, request.actor!, request.params.id, request.body.channel, request.id)),
  );

  r.delete(
    '/api/v1/debtors/:id/opt-outs/:channel',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: 'The debtor withdrew an opt-out',
        params: optOutParams,
        response: { 204: noContent, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await withdrawOptOut(deps, request.actor!, request.params.id, request.params.channel, request.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/callbacks/:id/cancel',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: 'The debtor no longer wants the callback they asked for',
        params: id,
        response: { 200: callbackSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelCallback(deps, request.actor!, request.params.id, request.id),
  );

  r.post(
    '/api/v1/debtors/:id/callbacks',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: 'A callback the debtor asked for, at the moment they chose',
        params: id,
        body: callbackBody,
        response: { 201: callbackSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestCallback(deps, request.actor!, request.params.id, request.body, request.id)),
  );
}
