import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { liftHold, placeHold } from './holds/manage-holds.js';
import { caseContact } from './case-contact.js';
import { contactPermission } from './contact-permission.js';
import { contactSchema } from './contact-view.js';
import { CHANNELS, DAY_KEYS, HOLD_KINDS } from './core/policy-document.js';
import { decisionSchema } from './decision-view.js';
import { grantOverride } from './grant-override.js';
import { cancelCallback, optOut, requestCallback, setPreferences, withdrawOptOut } from './preferences.js';
import { recordContact } from './record-contact.js';

import { REASON_MAX_LENGTH } from '../need-to-know/core/need-to-know.js';
import { holdsAsReadBy } from '../need-to-know/holds.js';
import { CARE_RULE } from '../need-to-know/core/projection.js';

const channel = z.enum(CHANNELS);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM');
const id = z.strictObject({ id: z.string().uuid() });

export const holdSchema = z.object({
  id: z.string(),
  debtorId: z.string(),
  caseId: z.string().nullable(),
  kind: z.enum([...HOLD_KINDS, CARE_RULE]).describe('"care_rule" for a care hold whose details the reader has no need to know'),
  reason: z.string().nullable(),
  restricted: z.boolean().optional(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  reviewAt: z.string().nullable(),
  status: z.enum(['active', 'lifted', 'lapsed']),
  liftedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

const preferencesSchema = z.object({
  channels: z.array(channel).nullable(),
  windows: z.array(z.object({ days: z.array(z.enum(DAY_KEYS)), from: z.string(), to: z.string() })).nullable(),
});

const overrideSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  channel,
  reason: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  validUntil: z.string(),
  usedAt: z.string().nullable(),
});

const holdRuleSchema = z.object({ stops: z.array(channel), defaultDays: z.number().int().nullable(), maxDays: z.number().int().nullable() });

export const caseContactSchema = z.object({
  debtorId: z.string(),
  now: z.string(),
  location: z.object({ country: z.string(), region: z.string().nullable(), timeZone: z.string() }),
  policyVersion: z.number().int(),
  holdRules: z.object(Object.fromEntries(HOLD_KINDS.map((kind) => [kind, holdRuleSchema])) as Record<(typeof HOLD_KINDS)[number], typeof holdRuleSchema>),
  firstLetter: z.object({ sentOn: z.string(), reference: z.string().nullable() }).nullable(),
  permissions: z.object({ phone: decisionSchema, sms: decisionSchema, email: decisionSchema, letter: decisionSchema }),
  contacts: z.array(contactSchema),
  holds: z.array(holdSchema),
  overrides: z.array(overrideSchema),
  optOuts: z.array(z.object({ channel, optedOutAt: z.string() })),
  preferences: preferencesSchema,
  callbacks: z.array(z.object({ id: z.string(), caseId: z.string(), at: z.string(), status: z.string() })),
});

/** Contacts with debtors: the permission, recording, overrides, holds and the debtor's own wishes. */
export function contactRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contacts'];

  r.get(
    '/api/v1/debtors/:id/contact-permission',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary: 'May this debtor be contacted on this channel now (or at `at`)? Every reason, and the next allowed moment',
        params: id,
        querystring: z.strictObject({ channel, at: instant.optional(), caseId: z.string().uuid().optional() }),
        response: { 200: decisionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      contactPermission(deps, request.actor!, { debtorId: request.params.id, channel: request.query.channel, at: request.query.at, caseId: request.query.caseId }),
  );

  r.get(
    '/api/v1/cases/:id/contact',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary: "The case's contact permissions per channel now, the debtor's contacts, holds, overrides, opt-outs, preferences and callbacks",
        params: id,
        querystring: z.strictObject({ reason: z.string().max(REASON_MAX_LENGTH).optional().describe('why a team leader or manager reads care holds in full') }),
        response: { 200: caseContactSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => caseContact(deps, request.actor!, request.params.id, { reason: request.query.reason, requestId: request.id }),
  );

  r.post(
    '/api/v1/contact-attempts',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: 'Record a contact; an outbound one the policy refuses is not recorded (409 with the reasons and the next allowed moment)',
        body: z.strictObject({
          debtorId: z.string().uuid(),
          caseId: z.string().uuid(),
          channel,
          direction: z.enum(['outbound', 'inbound']),
          outcome: z.string().min(1).max(40),
          at: instant.optional(),
          note: z.string().max(2000).optional(),
          firstLetter: z.boolean().optional(),
        }),
        response: { 201: z.object({ contact: contactSchema, decision: decisionSchema }), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await recordContact(deps, request.actor!, request.body, request.id)),
  );

  r.post(
    '/api/v1/contact-overrides',
    {
      config: { access: { permission: 'contacts.override' } },
      schema: {
        tags,
        summary: 'Let the next contact on a channel through once while the policy refuses it: a written reason, audited, shown on the case',
        body: z.strictObject({
          caseId: z.string().uuid(),
          channel,
          reason: z.string().trim().min(10, 'write the reason in at least 10 characters').max(1000),
          validForMinutes: z.number().int().min(5).max(1440).optional(),
        }),
        response: { 201: overrideSchema.extend({ refusal: decisionSchema }), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await grantOverride(deps, request.actor!, request.body, request.id)),
  );

  r.post(
    '/api/v1/debtors/:id/holds',
    {
      config: { access: { permission: 'holds.manage' } },
      schema: {
        tags,
        summary: 'Place a hold; an end or a review date is required',
        params: id,
        body: z.strictObject({
          kind: z.enum(HOLD_KINDS),
          reason: z.string().trim().min(3).max(1000),
          caseId: z.string().uuid().optional(),
          startsAt: instant.optional(),
          endsAt: instant.optional(),
          reviewAt: instant.optional(),
        }),
        response: { 201: holdSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await placeHold(deps, request.actor!, request.params.id, request.body, request.id)),
  );

  r.post(
    '/api/v1/holds/:id/lift',
    {
      config: { access: { permission: 'holds.manage' } },
      schema: {
        tags,
        summary: 'Lift an active hold, with the reason',
        params: id,
        body: z.strictObject({ reason: z.string().trim().min(3).max(1000) }),
        response: { 200: holdSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const hold = await liftHold(deps, request.actor!, request.params.id, request.body.reason, request.id);
      // The placer wrote the reason and gets it back; whoever lifts a care hold reads it as need-to-know allows.
      const read = await holdsAsReadBy(deps, request.actor!, { debtorId: hold.debtorId, caseId: hold.caseId }, [hold], { requestId: request.id });
      return read.holds[0]!;
    },
  );

  r.put(
    '/api/v1/debtors/:id/contact-preferences',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: "The debtor's preferred channels and hours (they narrow the policy, never widen it)",
        params: id,
        body: z.strictObject({
          channels: z.array(channel).min(1).nullable(),
          windows: z.array(z.strictObject({ days: z.array(z.enum(DAY_KEYS)).min(1), from: clock, to: clock })).min(1).max(14).nullable(),
        }),
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
        body: z.strictObject({ channel }),
        response: { 201: z.object({ channel, optedOutAt: z.string() }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await optOut(deps, request.actor!, request.params.id, request.body.channel, request.id)),
  );

  r.delete(
    '/api/v1/debtors/:id/opt-outs/:channel',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: 'The debtor withdrew an opt-out',
        params: z.strictObject({ id: z.string().uuid(), channel }),
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
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
        response: { 200: z.object({ id: z.string(), at: z.string(), status: z.string() }), ...problemResponses(400, 401, 403, 404, 409) },
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
        body: z.strictObject({ caseId: z.string().uuid(), at: instant }),
        response: { 201: z.object({ id: z.string(), at: z.string(), status: z.string() }), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await requestCallback(deps, request.actor!, request.params.id, request.body, request.id)),
  );
}
