import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { bearerMatches } from '../../platform/http/metrics.js';
import { fileResponse, problemResponses } from '../../platform/http/schemas.js';
import { inboundMailResultSchema, unsubscribedSchema, unsubscribeParams } from './contract.js';
import { UNSUBSCRIBE_PAGE_CSP, unsubscribePageHtml, type UnsubscribePage } from './core/unsubscribe-page.js';
import { receiveInboundMail } from './inbound-mail.js';
import { unsubscribe, unsubscribePage } from './unsubscribe.js';

const tags = ['e-mail'];
/** The opt-out link is opened by debtors and by their mailbox providers (one-click POSTs from a few addresses). */
const UNSUBSCRIBE_RATE = { max: 120, timeWindow: '1 minute' };
/** A bounce with the original's headers is a few kilobytes; a complaint may carry the whole original. */
const INBOUND_MAIL_LIMIT_BYTES = 1024 * 1024;
/** What an opt-out POST may carry: RFC 8058's `List-Unsubscribe=One-Click`, as a form; it is not read. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** E-mail's public doors: the one-click opt-out (RFC 8058) and the relay's reports (bounces, complaints). */
export function emailRoutes(app: FastifyInstance, deps: Deps) {
  registerUnsubscribeRoutes(app, deps);
  registerInboundMailRoute(app, deps);
}

const wantsHtml = (request: FastifyRequest) => /\btext\/html\b/.test(request.headers.accept ?? '');

function registerUnsubscribeRoutes(app: FastifyInstance, deps: Deps) {
  app.register(async (scope) => {
    scope.addContentTypeParser(FORM_TYPES, { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) =>
      done(null, null),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const sendPage = (reply: FastifyReply, page: UnsubscribePage) =>
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', UNSUBSCRIBE_PAGE_CSP)
        .send(unsubscribePageHtml(page));
    r.get(
      '/api/v1/unsubscribe/:token',
      {
        config: { access: 'public', rateLimit: UNSUBSCRIBE_RATE },
        schema: {
          tags,
          security: [],
          summary:
            'The opt-out link of an e-mail, opened in a browser: a page that asks to confirm (it changes nothing)',
          params: unsubscribeParams,
          response: { 200: fileResponse('text/html'), ...problemResponses(400, 404, 429) },
        },
      },
      async (request, reply) => sendPage(reply, await unsubscribePage(deps, request.params.token)),
    );
    r.post(
      '/api/v1/unsubscribe/:token',
      {
        config: { access: 'public', rateLimit: UNSUBSCRIBE_RATE },
        schema: {
          tags,
          security: [],
          summary: 'One-click opt-out (RFC 8058): the debtor receives no more e-mail; 200 also when it was already so',
          description:
            'The body is the form `List-Unsubscribe=One-Click` (application/x-www-form-urlencoded or multipart/form-data); the link itself is the proof. A browser (Accept: text/html) gets the confirmation page.',
          params: unsubscribeParams,
          response: { 200: unsubscribedSchema, ...problemResponses(400, 404, 413, 415, 429) },
        },
      },
      async (request, reply) => {
        const { alreadyOptedOut, page } = await unsubscribe(deps, request.params.token);
        if (wantsHtml(request)) return sendPage(reply, page);
        return { optedOut: true as const, alreadyOptedOut };
      },
    );
  });
}

function registerInboundMailRoute(app: FastifyInstance, deps: Deps) {
  app.register(async (scope) => {
    // Before the body is read: closed when no token is set, and only the relay's token opens it.
    scope.addHook('onRequest', async (request, reply) => {
      const token = deps.config.INBOUND_MAIL_TOKEN;
      if (!token) {
        throw new AppError('not_found', 404, 'There is no POST /api/v1/inbound-mail: INBOUND_MAIL_TOKEN is not set.');
      }
      if (!bearerMatches(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer realm="inbound-mail"');
        throw new AppError(
          'inbound_mail.unauthorized',
          401,
          'Send the INBOUND_MAIL_TOKEN setting as "Authorization: Bearer <token>".',
        );
      }
    });
    scope.addContentTypeParser(
      'message/rfc822',
      { parseAs: 'buffer', bodyLimit: INBOUND_MAIL_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/inbound-mail',
      {
        config: { access: 'public' },
        bodyLimit: INBOUND_MAIL_LIMIT_BYTES,
        schema: {
          tags,
          security: [{ bearerKey: [] }],
          summary:
            'The mail relay hands on a message sent back to the sender: a bounce or a complaint is applied to the e-mail it is about',
          description:
            'Authorization: Bearer INBOUND_MAIL_TOKEN (404 when it is not set). The raw message as received (RFC 5322), Content-Type message/rfc822, at most 1 MB. A delivery status notification (RFC 3464) or a complaint (ARF, RFC 5965) is applied; anything else is answered `ignored`.',
          response: { 202: inboundMailResultSchema, ...problemResponses(400, 401, 404, 413, 415, 503) },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError(
            'request.unsupported_media_type',
            415,
            'Send the raw e-mail as the body with Content-Type message/rfc822.',
          );
        }
        return reply.status(202).send(await receiveInboundMail(deps, request.body));
      },
    );
  });
}
