import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import { noContent, problemResponses } from '../../platform/http/schemas.js';
import {
  publishTemplateDraftBody,
  returnTemplateDraftBody,
  saveTemplateDraftBody,
  slotParams,
  templatePreviewBody,
  templatePreviewSchema,
  templateSlotSchema,
  templateSlotsSchema,
} from './contract.js';
import { previewTemplate } from './preview-template.js';
import {
  discardTemplateDraft,
  publishTemplateDraft,
  returnTemplateDraft,
  saveTemplateDraft,
  submitTemplateDraft,
  templateSlot,
  templateSlots,
} from './template-admin.js';

const tags = ['communications'];
const read = { access: { permission: 'templates.read' as const } };
const manage = { access: { permission: 'templates.manage' as const } };
const SLOT = '/api/v1/message-templates/:template/:channel/:language';

/** Message templates: read, draft, preview, submit, review (return or publish). */
export function messageTemplateRoutes(app: FastifyInstance, deps: Deps) {
  registerReadRoutes(app, deps);
  registerDraftRoutes(app, deps);
}

/** The slots, one slot, and a text previewed. */
function registerReadRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/message-templates',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every template slot (template, channel, language): the version in force, the next, the draft',
        response: { 200: templateSlotsSchema, ...problemResponses(401, 403) },
      },
    },
    async () => templateSlots(deps),
  );
  r.get(
    SLOT,
    {
      config: read,
      schema: {
        tags,
        summary: 'One slot: the text in force, those to come, the history, the draft checked, the variables',
        params: slotParams,
        response: { 200: templateSlotSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => templateSlot(deps, request.params),
  );
  r.post(
    '/api/v1/message-templates/preview',
    {
      config: read,
      schema: {
        tags,
        summary: 'A text rendered on a real case or an edge case, with its findings; nothing is recorded',
        body: templatePreviewBody,
        response: { 200: templatePreviewSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => previewTemplate(deps, request.actor!, request.body),
  );
}

/** The slot's draft: saved, discarded, submitted, returned or published. */
function registerDraftRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    `${SLOT}/draft`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Save the slot’s draft (started from the text in force when there is none)',
        params: slotParams,
        body: saveTemplateDraftBody,
        response: { 200: templateSlotSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request) => saveTemplateDraft(deps, request.actor!, request.params, request.body, request.id),
  );
  r.delete(
    `${SLOT}/draft`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Discard the slot’s draft',
        params: slotParams,
        response: { 204: noContent, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await discardTemplateDraft(deps, request.actor!, request.params, request.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    `${SLOT}/draft/submit`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Submit the draft for review (refused while it has an error)',
        params: slotParams,
        response: { 200: templateSlotSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => submitTemplateDraft(deps, request.actor!, request.params, request.id),
  );
  r.post(
    `${SLOT}/draft/return`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Return the draft under review to its author with what to change (not its author)',
        params: slotParams,
        body: returnTemplateDraftBody,
        response: { 200: templateSlotSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => returnTemplateDraft(deps, request.actor!, request.params, request.body.comment, request.id),
  );
  r.post(
    `${SLOT}/draft/publish`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Publish the draft under review as the next version from an effective date (not its author)',
        params: slotParams,
        body: publishTemplateDraftBody,
        response: { 200: templateSlotSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => publishTemplateDraft(deps, request.actor!, request.params, request.body, request.id),
  );
}
