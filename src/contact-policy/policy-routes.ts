import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { INT4_MAX, int4Param, problemResponses } from '../platform/http/schemas.js';
import { compilePolicy } from './core/compile.js';
import { decideContact } from './core/decide.js';
import type { ContactFacts } from './core/facts.js';
import { holidayCalendar } from './core/holidays.js';
import { isValidTimeZone } from '../platform/calendar/index.js';
import { CHANNELS, DAY_KEYS, HOLD_KINDS, policyDocumentSchema } from './core/policy-document.js';
import { decisionSchema, decisionView } from './decision-view.js';
import { discardDraft, getDraft, noDraft, parsePolicyDocument, policyOverview, publishDraft, saveDraft } from './policy-admin.js';
import { policyInForce, policyVersion, versionDetail } from './policy-store.js';
import { simulateDraft } from './simulate.js';

const channel = z.enum(CHANNELS);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const ms = (value: Date) => value.getTime();

const versionSummarySchema = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string(),
  publishedAt: z.string(),
  publishedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
const versionDetailSchema = versionSummarySchema.extend({ document: policyDocumentSchema });
const draftSchema = z.object({ document: policyDocumentSchema, basedOnVersion: z.number().int().nullable(), updatedAt: z.string(), updatedBy: z.string().nullable() });

/** Facts given inline, to try a rule without touching real data. */
const inlineFactsSchema = z.strictObject({
  location: z.strictObject({
    country: z.string().regex(/^[A-Z]{2}$/),
    region: z.string().max(10).nullable().default(null),
    timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone such as Europe/Paris'),
  }),
  holds: z
    .array(z.strictObject({ kind: z.enum(HOLD_KINDS), startsAt: instant, endsAt: instant.nullable().default(null), reviewAt: instant.nullable().default(null) }))
    .max(20)
    .default([]),
  optOuts: z.partialRecord(channel, instant).default({}),
  reachable: z.strictObject({ phone: z.boolean(), sms: z.boolean(), email: z.boolean(), letter: z.boolean() }).default({ phone: true, sms: true, email: true, letter: true }),
  preferences: z
    .strictObject({
      channels: z.array(channel).nullable().default(null),
      windows: z.array(z.strictObject({ days: z.array(z.enum(DAY_KEYS)), from: z.string(), to: z.string() })).nullable().default(null),
      callbacks: z.array(z.strictObject({ at: instant, channel })).max(10).default([]),
    })
    .default({ channels: null, windows: null, callbacks: [] }),
  firstLetterSentAt: instant.nullable(),
  caseOpen: z.boolean().default(true),
  history: z
    .array(z.strictObject({ at: instant, channel, direction: z.enum(['outbound', 'inbound']), conversation: z.boolean().default(false) }))
    .max(1000)
    .default([]),
});

function toFacts(input: z.infer<typeof inlineFactsSchema>): ContactFacts {
  return {
    location: input.location,
    holds: input.holds.map((hold) => ({ kind: hold.kind, startsAt: ms(hold.startsAt), endsAt: hold.endsAt && ms(hold.endsAt), reviewAt: hold.reviewAt && ms(hold.reviewAt) })),
    optOuts: Object.fromEntries(Object.entries(input.optOuts).map(([key, value]) => [key, ms(value)])),
    reachable: input.reachable,
    preferences: { ...input.preferences, callbacks: input.preferences.callbacks.map((callback) => ({ at: ms(callback.at), channel: callback.channel })) },
    firstLetterSentAt: input.firstLetterSentAt && ms(input.firstLetterSentAt),
    caseOpen: input.caseOpen,
    history: input.history.map((contact) => ({ ...contact, at: ms(contact.at) })).sort((a, b) => a.at - b.at),
  };
}

/** The contact policy: read it, draft, publish, simulate a draft, and try a decision on inline facts. */
export function contactPolicyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contact policy'];
  const read = { access: { permission: 'contact_policy.read' as const } };
  const manage = { access: { permission: 'contact_policy.manage' as const } };

  r.get(
    '/api/v1/contact-policy',
    {
      config: read,
      schema: {
        tags,
        summary: 'The version in force, the versions to come, and the history of versions',
        response: { 200: z.object({ current: versionDetailSchema, upcoming: z.array(versionSummarySchema), versions: z.array(versionSummarySchema) }), ...problemResponses(401, 403, 409) },
      },
    },
    async () => policyOverview(deps),
  );

  r.get(
    '/api/v1/contact-policy/versions/:version',
    {
      config: read,
      schema: {
        tags,
        summary: 'One published version with its document',
        params: z.strictObject({ version: int4Param }),
        response: { 200: versionDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => versionDetail(deps.db, request.params.version),
  );

  r.get(
    '/api/v1/contact-policy/draft',
    { config: read, schema: { tags, summary: 'The shared draft, if any', response: { 200: draftSchema, ...problemResponses(401, 403, 404) } } },
    async () => {
      const draft = await getDraft(deps);
      if (!draft) throw noDraft();
      return draft;
    },
  );

  r.put(
    '/api/v1/contact-policy/draft',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Save the draft (validated; each issue named by its path)',
        body: z.strictObject({
          document: z.unknown(),
          basedOnVersion: z.number().int().min(1).nullable(),
          /** The draft's `updatedAt` this edit started from, or null to start a new one: a changed draft answers 409. */
          expectedUpdatedAt: z.iso.datetime({ offset: true }).nullable().optional(),
        }),
        response: { 200: draftSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request) => saveDraft(deps, request.actor!, request.body, request.id),
  );

  r.delete(
    '/api/v1/contact-policy/draft',
    { config: manage, schema: { tags, summary: 'Discard the draft', response: { 204: z.null(), ...problemResponses(401, 403, 404) } } },
    async (request, reply) => {
      await discardDraft(deps, request.actor!, request.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/contact-policy/draft/publish',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Publish the draft as a new version from an effective date (now or later); every version is kept',
        body: z.strictObject({ effectiveFrom: instant, note: z.string().trim().min(3, 'say in a few words what changes').max(1000) }),
        response: { 201: versionDetailSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await publishDraft(deps, request.actor!, request.body, request.id)),
  );

  r.post(
    '/api/v1/contact-policy/simulations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Replay the last days of real contacts against the draft (or a given document), rule by rule',
        body: z.strictObject({ days: z.number().int().min(1).max(90), policy: z.unknown().optional() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            contacts: z.number().int(),
            truncated: z.boolean(),
            changed: z.number().int(),
            refusedByDraft: z.number().int(),
            allowedByDraft: z.number().int(),
            rules: z.array(
              z.object({
                rule: z.string(),
                refusedByDraft: z.number().int(),
                refusedByCurrent: z.number().int(),
                examples: z.array(z.object({ contactId: z.string(), caseId: z.string(), caseReference: z.string(), at: z.string(), channel, reasons: z.array(z.string()) })),
              }),
            ),
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      let document;
      if (request.body.policy !== undefined) document = parsePolicyDocument(request.body.policy);
      else {
        const draft = await getDraft(deps);
        if (!draft) throw noDraft();
        document = draft.document;
      }
      return simulateDraft(deps, document, request.body.days);
    },
  );

  r.post(
    '/api/v1/contact-policy/decisions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Decide on inline facts, against a given document, a version, the draft, or the version in force at `at`',
        body: z.strictObject({
          policy: z.unknown().optional(),
          version: z.number().int().min(1).max(INT4_MAX).optional(),
          draft: z.boolean().optional(),
          facts: inlineFactsSchema,
          channel,
          at: instant,
        }),
        response: { 200: decisionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { body } = request;
      let policy;
      if (body.policy !== undefined) policy = compilePolicy({ version: 0, effectiveFrom: body.at.toISOString(), document: parsePolicyDocument(body.policy) });
      else if (body.version !== undefined) policy = await policyVersion(deps.db, body.version);
      else if (body.draft) {
        const draft = await getDraft(deps);
        if (!draft) throw noDraft();
        policy = compilePolicy({ version: 0, effectiveFrom: body.at.toISOString(), document: draft.document });
      } else policy = await policyInForce(deps.db, body.at);
      return decisionView(decideContact(policy, toFacts(body.facts), body.channel, ms(body.at)), request.actor!.locale);
    },
  );

  r.get(
    '/api/v1/contact-policy/holidays',
    {
      config: read,
      schema: {
        tags,
        summary: "The public holidays a policy's calendar gives for a country, region and year",
        querystring: z.strictObject({
          country: z.string().regex(/^[A-Z]{2}$/),
          region: z.string().max(10).optional(),
          year: z.coerce.number().int().min(2000).max(2100),
          draft: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ holidays: z.array(z.object({ date: z.string(), name: z.string() })) }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { country, region, year, draft } = request.query;
      let holidays;
      if (draft === 'true') {
        const found = await getDraft(deps);
        if (!found) throw noDraft();
        holidays = found.document.holidays;
      } else holidays = (await policyInForce(deps.db, deps.now())).document.holidays;
      return { holidays: holidayCalendar(holidays).list(country, region ?? null, year) };
    },
  );
}
