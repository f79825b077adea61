import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { noContent, problemResponses } from '../platform/http/schemas.js';
import { compilePolicy } from './core/compile.js';
import { decideContact } from './core/decide.js';
import type { ContactFacts } from './core/facts.js';
import { holidayCalendar } from './core/holidays.js';
import {
  decisionRequestBody,
  decisionSchema,
  draftSchema,
  holidaysQuery,
  holidaysSchema,
  policyOverviewSchema,
  policyVersionParams,
  publishDraftBody,
  saveDraftBody,
  simulationBody,
  simulationSchema,
  versionDetailSchema,
  type InlineFacts,
} from './contract.js';
import { decisionView } from './decision-view.js';
import {
  discardDraft,
  getDraft,
  noDraft,
  parsePolicyDocument,
  policyOverview,
  publishDraft,
  saveDraft,
} from './policy-admin.js';
import { policyInForce, policyVersion, versionDetail } from './policy-store.js';
import { simulateDraft } from './simulate.js';

const ms = (value: Date) => value.getTime();

function toFacts(input: InlineFacts): ContactFacts {
  return {
    location: input.location,
    holds: input.holds.map((hold) => ({
      kind: hold.kind,
      startsAt: ms(hold.startsAt),
      endsAt: hold.endsAt && ms(hold.endsAt),
      reviewAt: hold.reviewAt && ms(hold.reviewAt),
    })),
    optOuts: Object.fromEntries(Object.entries(input.optOuts).map(([key, value]) => [key, ms(value)])),
    reachable: input.reachable,
    preferences: {
      ...input.preferences,
      callbacks: input.preferences.callbacks.map((callback) => ({ at: ms(callback.at), channel: callback.channel })),
    },
    firstLetterSentAt: input.firstLetterSentAt && ms(input.firstLetterSentAt),
    caseOpen: input.caseOpen,
    history: input.history.map((contact) => ({ ...contact, at: ms(contact.at) })).sort((a, b) => a.at - b.at),
    care: input.care && {
      since: ms(input.care.since),
      adaptations: input.care.adaptations,
      firstWrittenAt: input.care.firstWrittenAt && ms(input.care.firstWrittenAt),
    },
  };
}

const tags = ['contact policy'];
const read = { access: { permission: 'contact_policy.read' as const } };
const manage = { access: { permission: 'contact_policy.manage' as const } };

/** The contact policy: read it, draft, publish, simulate a draft, and try a decision on inline facts. */
export function contactPolicyRoutes(app: FastifyInstance, deps: Deps) {
  registerVersionRoutes(app, deps);
  registerDraftRoutes(app, deps);
  registerTrialRoutes(app, deps);
}

/** The published versions: the one in force, those to come, the history, one version's document. */
function registerVersionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/contact-policy',
    {
      config: read,
      schema: {
        tags,
        summary: 'The version in force, the versions to come, and the history of versions',
        response: { 200: policyOverviewSchema, ...problemResponses(401, 403, 409) },
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
        params: policyVersionParams,
        response: { 200: versionDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => versionDetail(deps.db, request.params.version),
  );
}

/** The shared draft: read, save, discard, publish, simulate. */
function registerDraftRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/contact-policy/draft',
    {
      config: read,
      schema: {
        tags,
        summary: 'The shared draft, if any',
        response: { 200: draftSchema, ...problemResponses(401, 403, 404) },
      },
    },
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
        body: saveDraftBody,
        response: { 200: draftSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request) => saveDraft(deps, request.actor!, request.body, request.id),
  );

  r.delete(
    '/api/v1/contact-policy/draft',
    {
      config: manage,
      schema: { tags, summary: 'Discard the draft', response: { 204: noContent, ...problemResponses(401, 403, 404) } },
    },
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
        body: publishDraftBody,
        response: { 201: versionDetailSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishDraft(deps, request.actor!, request.body, request.id)),
  );

  r.post(
    '/api/v1/contact-policy/simulations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Replay the last days of real contacts against the draft (or a given document), rule by rule',
        body: simulationBody,
        response: { 200: simulationSchema, ...problemResponses(400, 401, 403, 404) },
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
}

/** The policy tried: a decision on inline facts, the public holidays its calendar gives. */
function registerTrialRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/contact-policy/decisions',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Decide on inline facts, against a given document, a version, the draft, or the version in force at `at`',
        body: decisionRequestBody,
        response: { 200: decisionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { body } = request;
      let policy;
      if (body.policy !== undefined)
        policy = compilePolicy({
          version: 0,
          effectiveFrom: body.at.toISOString(),
          document: parsePolicyDocument(body.policy),
        });
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
        querystring: holidaysQuery,
        response: { 200: holidaysSchema, ...problemResponses(400, 401, 403, 404) },
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
