import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { fileResponse, idParams, problemResponses } from '../platform/http/schemas.js';
import {
  caseMessagesSchema,
  unmatchedSmsRepliesSchema,
  firstLetterStateSchema,
  issuedFirstLetterSchema,
  issuedReminderLetterSchema,
  reminderLetterPreviewSchema,
  messagePreviewSchema,
  messageRequestSchema,
  queuedMessageSchema,
} from './contract.js';
import { caseMessages } from './case-messages.js';
import { unmatchedSmsReplies } from './sms/sms-replies.js';
import { previewMessage, queueMessage } from './queue-message.js';
import { firstLetterState, issueFirstLetter, previewFirstLetter } from './issue-first-letter.js';
import {
  issueCaseReminderLetter,
  previewCaseReminderLetter,
  previewCaseReminderLetterPdf,
} from './case-reminder-letter.js';

const tags = ['communications'];

/** Communications with debtors: the first letter (CPCE R124-4), and the e-mails and SMS of a case. */
export function communicationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/first-letter',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary: "The case's first letter: the day it went out, its reference and the document kept, or not sent yet",
        params: idParams,
        response: { 200: firstLetterStateSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => firstLetterState(deps, request.actor!, request.params.id),
  );
  r.get(
    '/api/v1/cases/:id/first-letter/preview',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary: 'The first letter as it would go out today, as a PDF; nothing is recorded',
        params: idParams,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await previewFirstLetter(deps, request.actor!, request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );
  r.post(
    '/api/v1/cases/:id/first-letter',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary:
          'Issue the first letter: the contact policy asked, the letter recorded as sent today, its PDF kept on the case (409 when it already went out)',
        params: idParams,
        response: { 201: issuedFirstLetterSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueFirstLetter(deps, request.actor!, request.params.id, String(request.id))),
  );
  r.get(
    '/api/v1/cases/:id/messages',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags,
        summary:
          "The case's e-mails and SMS, newest first, with their text as sent and what the transport reported (a creditor user: not the address or number)",
        params: idParams,
        response: { 200: caseMessagesSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => caseMessages(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/cases/:id/messages/preview',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary: 'An e-mail or SMS as it would go out now, and to whom; nothing is recorded or sent',
        params: idParams,
        body: messageRequestSchema,
        response: { 200: messagePreviewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => previewMessage(deps, request.actor!, request.params.id, request.body),
  );
  r.post(
    '/api/v1/cases/:id/messages',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary:
          'Send an e-mail or SMS: the contact policy asked in the same transaction as the contact is recorded and the message queued (409 with the reasons and the next allowed moment when refused)',
        params: idParams,
        body: messageRequestSchema,
        response: { 201: queuedMessageSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await queueMessage(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  smsReplyRoutes(app, deps);
  reminderLetterRoutes(app, deps);
}

/** A reminder letter by post from its case: previewed (its text, its PDF), then issued for the next print run. */
function reminderLetterRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/reminder-letters/preview',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary:
          "The case's reminder letter as it would go out now: its text, references and the envelope's window; nothing is issued (the read is audited)",
        params: idParams,
        response: { 200: reminderLetterPreviewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => previewCaseReminderLetter(deps, request.actor!, request.params.id, String(request.id)),
  );
  r.get(
    '/api/v1/cases/:id/reminder-letters/preview.pdf',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary: "The case's reminder letter as it would go out now, as a PDF; nothing is issued (the read is audited)",
        params: idParams,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await previewCaseReminderLetterPdf(
        deps,
        request.actor!,
        request.params.id,
        String(request.id),
      );
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );
  r.post(
    '/api/v1/cases/:id/reminder-letters',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary:
          'Issue a reminder letter by post: the contact policy asked in the same transaction as the letter is recorded and kept (409 `contact.refused` with the reasons and the next allowed moment); the next print run prints it',
        params: idParams,
        response: { 201: issuedReminderLetterSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await issueCaseReminderLetter(deps, request.actor!, request.params.id, String(request.id))),
  );
}

/** The SMS replies no case could be matched to: a manager reads them (matched ones are read on their case). */
function smsReplyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/sms-replies/unmatched',
    {
      config: { access: { permission: 'sms_replies.unmatched' } },
      schema: {
        tags,
        summary:
          'SMS replies (other than STOP) from a number that is no debtor’s verified phone sent an SMS: kept for a manager to read, newest first',
        response: { 200: unmatchedSmsRepliesSchema, ...problemResponses(401, 403) },
      },
    },
    async () => unmatchedSmsReplies(deps),
  );
}
