import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dayNumberOf, fromLocal, minutesOf } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { AppError, unauthenticated } from '../platform/errors.js';
import { fileResponse, noContent, problemResponses } from '../platform/http/schemas.js';
import {
  callbackBody,
  callbackSchema,
  complaintBody,
  complaintFiledSchema,
  codeSentSchema,
  difficultyBody,
  langQuery,
  portalCaseSchema,
  portalMeSchema,
  preferencesBody,
  preferencesSchema,
  sendCodeBody,
  signInBody,
  signInStartedSchema,
  verifyCodeBody,
} from './contract.js';
import { PORTAL_COOKIE, retryAfter, setPortalCookie, signInLimit } from './portal-cookie.js';
import { passkeyRoutes } from './passkey-routes.js';
import { contactDetailRoutes, disputeRoutes } from './dispute-contact-routes.js';
import { fileComplaint } from './file-complaint.js';
import { portalPaymentRoutes } from './payment-routes.js';
import { portalMandateRoutes } from './mandate-routes.js';
import { portalPlanRoutes } from './plan-routes.js';
import { declareDifficulty, portalPreferences, requestPortalCallback, setPortalPreferences } from './portal-acts.js';
import { openPortalLetter, portalCase, portalMe } from './portal-cases.js';
import { findPortalSession, signOutOfPortal, type PortalVisitor } from './portal-sessions.js';
import { sendSignInCode, startSignIn, verifySignInCode } from './sign-in.js';

export { PORTAL_COOKIE };
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A portal route: open to anyone (the sign-in steps) or to a signed-in debtor. */
    portal?: 'public' | 'visitor';
  }
  interface FastifyRequest {
    /** The debtor signed in to the portal (null everywhere else). */
    visitor: PortalVisitor | null;
  }
}

const tags = ['debtor portal'];
const caseParams = z.strictObject({ caseId: z.string().uuid() });
const letterParams = z.strictObject({ caseId: z.string().uuid(), documentId: z.string().uuid() });

/**
 * The debtor portal's API (docs/portal.md) under /api/portal/v1, in a scope of its own: its hook knows the portal's
 * session cookie and nothing else, so no staff session opens a portal route and identity's access control, which
 * reads only the staff cookie, never takes a portal session for /api/v1. Every route declares whether it is public
 * (the sign-in steps) or for a signed-in person; writes carry the portal session's CSRF token.
 */
export function portalRoutes(app: FastifyInstance, deps: Deps) {
  void app.register(async (scope) => {
    scope.decorateRequest('visitor', null);
    scope.addHook('onRoute', (route) => {
      if (!route.config?.portal) throw new Error(`Portal route ${route.url} declares no portal access`);
    });
    scope.addHook('onRequest', async (request) => {
      const token = request.cookies[PORTAL_COOKIE];
      request.visitor = token ? await findPortalSession(deps, token) : null;
      if (request.routeOptions.config.portal === 'public') return;
      if (!request.visitor) throw unauthenticated();
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.visitor.csrfToken)
        throw new AppError(
          'auth.csrf_failed',
          403,
          `State-changing requests must carry the ${CSRF_HEADER} header (GET /api/portal/v1/me returns it).`,
        );
    });
    signInRoutes(scope, deps);
    caseRoutes(scope, deps);
    settingsRoutes(scope, deps);
    complaintRoutes(scope, deps);
    disputeRoutes(scope, deps);
    contactDetailRoutes(scope, deps);
    portalPlanRoutes(scope, deps);
    portalPaymentRoutes(scope, deps);
    portalMandateRoutes(scope, deps, PORTAL_COOKIE);
    passkeyRoutes(scope, deps);
  });
}

const visitor = (request: FastifyRequest) => request.visitor!;

/** The three steps of getting in, open to anyone (throttled), and signing out. */
function signInRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/portal/v1/sign-in',
    {
      config: { portal: 'public', ...signInLimit },
      schema: {
        tags,
        summary: 'Sign-in, step 1: the access code of a letter and the birth date (or the postcode)',
        body: signInBody,
        response: { 200: signInStartedSchema, ...problemResponses(400, 401, 409, 429) },
      },
    },
    async (request, reply) =>
      startSignIn(deps, { ...request.body, ip: request.ip, requestId: String(request.id) }).catch((error: unknown) =>
        retryAfter(reply, error),
      ),
  );
  r.post(
    '/api/portal/v1/sign-in/code',
    {
      config: { portal: 'public', ...signInLimit },
      schema: {
        tags,
        summary: 'Sign-in, step 2: send a one-time code to one of the verified contacts offered',
        body: sendCodeBody,
        response: { 200: codeSentSchema, ...problemResponses(400, 401, 422, 503) },
      },
    },
    async (request) => sendSignInCode(deps, { ...request.body, requestId: String(request.id) }),
  );
  r.post(
    '/api/portal/v1/sign-in/verify',
    {
      config: { portal: 'public', ...signInLimit },
      schema: {
        tags,
        summary: 'Sign-in, step 3: the one-time code; sets the portal session cookie',
        body: verifyCodeBody,
        response: { 200: portalMeSchema, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const session = await verifySignInCode(deps, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      });
      setPortalCookie(deps, request, reply, session.token);
      return portalMe(deps, session, undefined);
    },
  );
  r.post(
    '/api/portal/v1/sign-out',
    {
      config: { portal: 'visitor' },
      schema: { tags, summary: 'Sign out of the portal', response: { 204: noContent, ...problemResponses(401, 403) } },
    },
    async (request, reply) => {
      await signOutOfPortal(deps, request.cookies[PORTAL_COOKIE]!, visitor(request), String(request.id));
      reply.clearCookie(PORTAL_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}

/** What the person reads of their files and does about one of them. */
function caseRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/portal/v1/me',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'The signed-in person, their cases and the agency’s contacts',
        querystring: langQuery,
        response: { 200: portalMeSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => portalMe(deps, visitor(request), request.query.lang),
  );
  r.get(
    '/api/portal/v1/cases/:caseId',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'One of the person’s cases: amounts, where it stands, letters, payments, requests',
        params: caseParams,
        querystring: langQuery,
        response: { 200: portalCaseSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => portalCase(deps, visitor(request), request.params.caseId, request.query.lang),
  );
  r.get(
    '/api/portal/v1/cases/:caseId/letters/:documentId',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'A letter sent on the case, as PDF',
        params: letterParams,
        response: { 200: fileResponse('application/pdf'), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const letter = await openPortalLetter(
        deps,
        visitor(request),
        request.params.caseId,
        request.params.documentId,
        String(request.id),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(letter.sizeBytes))
        .header('content-disposition', letter.contentDisposition)
        .header('cache-control', 'private, no-store')
        .send(letter.stream);
    },
  );
  r.post(
    '/api/portal/v1/cases/:caseId/difficulties',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Declare a difficulty (with consent): a person of the care team looks at it',
        params: caseParams,
        body: difficultyBody,
        response: {
          201: z.object({ id: z.string().uuid(), declaredAt: z.string().datetime() }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const made = await declareDifficulty(
        deps,
        visitor(request),
        request.params.caseId,
        request.body,
        String(request.id),
      );
      return reply.status(201).send(made);
    },
  );
}

/** A complaint the person files about one of their files. */
function complaintRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/portal/v1/cases/:caseId/complaints',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'File a complaint about the file: registered with its legal deadlines to acknowledge and answer',
        params: caseParams,
        body: complaintBody,
        response: { 201: complaintFiledSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await fileComplaint(deps, visitor(request), request.params.caseId, request.body, String(request.id))),
  );
}

/** The person's wishes about contact: a callback, the channels and hours. */
function settingsRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/portal/v1/cases/:caseId/callbacks',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Ask to be called back at a chosen moment within the agency’s hours',
        params: caseParams,
        body: callbackBody,
        response: { 201: callbackSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const made = await requestPortalCallback(
        deps,
        visitor(request),
        request.params.caseId,
        new Date(fromLocal(deps.config.AGENCY_TZ, dayNumberOf(request.body.day), minutesOf(request.body.time))),
        String(request.id),
      );
      return reply.status(201).send(made);
    },
  );
  r.get(
    '/api/portal/v1/contact-preferences',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'How the person wants to be contacted',
        response: { 200: preferencesSchema, ...problemResponses(401) },
      },
    },
    async (request) => portalPreferences(deps, visitor(request)),
  );
  r.put(
    '/api/portal/v1/contact-preferences',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Set the channels and hours to be contacted by (they narrow the agency’s policy)',
        body: preferencesBody,
        response: { 200: preferencesSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => setPortalPreferences(deps, visitor(request), request.body, String(request.id)),
  );
}
