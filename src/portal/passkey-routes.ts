import type { RegistrationResponseJSON, AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hashToken } from '../identity/sessions.js';
import type { Deps } from '../platform/deps.js';
import { idParams, noContent, problemResponses } from '../platform/http/schemas.js';
import { AppError } from '../platform/errors.js';
import { portalMeSchema } from './contract.js';
import { relyingParty } from './core/passkeys.js';
import {
  ceremonySchema,
  debtorPasskeysSchema,
  passkeySchema,
  passkeySignInBody,
  passkeysRevokedSchema,
  passkeysSchema,
  registerPasskeyBody,
} from './passkeys/contract.js';
import { signInWithPasskey, passkeySignInOptions } from './passkey-sign-in.js';
import {
  debtorPasskeys,
  declinePasskeyOffer,
  passkeyRegistrationOptions,
  portalPasskeys,
  registerPasskey,
  removePasskey,
  revokeDebtorPasskeys,
  type VisitorSession,
} from './passkeys.js';
import { PORTAL_COOKIE, retryAfter, setPortalCookie, signInLimit } from './portal-cookie.js';
import { portalMe } from './portal-cases.js';

const tags = ['debtor portal'];

/** The site passkeys belong to: `PUBLIC_URL`, or a local address the request came to when it is unset (development). */
const rpOf = (deps: Deps, request: FastifyRequest) => {
  const rp = relyingParty(deps.config.PUBLIC_URL, { protocol: request.protocol, host: request.host });
  if (!rp)
    throw new AppError(
      'portal.passkeys_unavailable',
      503,
      'Passkeys need the portal’s public address: set PUBLIC_URL to the address debtors reach.',
    );
  return rp;
};

const sessionOf = (request: FastifyRequest): VisitorSession => ({
  ...request.visitor!,
  tokenHash: hashToken(request.cookies[PORTAL_COOKIE]!),
});

/**
 * Passkeys on the portal (docs/portal.md "Passkeys"): signing in with one (public, throttled like the other sign-in
 * steps), and, signed in, making one, listing and removing them.
 */
export function passkeyRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/portal/v1/sign-in/passkey/options',
    {
      config: { portal: 'public', ...signInLimit },
      schema: {
        tags,
        summary: 'Sign-in with a passkey, step 1: a challenge for the device (any passkey of this site)',
        response: { 200: ceremonySchema, ...problemResponses(429, 503) },
      },
    },
    async (request) => passkeySignInOptions(deps, rpOf(deps, request)),
  );
  r.post(
    '/api/portal/v1/sign-in/passkey',
    {
      config: { portal: 'public', ...signInLimit },
      schema: {
        tags,
        summary: 'Sign-in with a passkey, step 2: the device’s signed answer; sets the portal session cookie',
        body: passkeySignInBody,
        response: { 200: portalMeSchema, ...problemResponses(400, 401, 429, 503) },
      },
    },
    async (request, reply) => {
      const session = await signInWithPasskey(deps, rpOf(deps, request), {
        challengeId: request.body.challengeId,
        response: request.body.response as AuthenticationResponseJSON,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      }).catch((error: unknown) => retryAfter(reply, error));
      setPortalCookie(deps, request, reply, session.token);
      return portalMe(deps, session, undefined);
    },
  );
  ownPasskeyRoutes(scope, deps);
}

function ownPasskeyRoutes(scope: FastifyInstance, deps: Deps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/portal/v1/passkeys',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'The person’s passkeys, and whether to offer one on this device now',
        response: { 200: passkeysSchema, ...problemResponses(401) },
      },
    },
    async (request) => portalPasskeys(deps, sessionOf(request)),
  );
  r.post(
    '/api/portal/v1/passkeys/options',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Make a passkey, step 1: the options for the device, with a challenge bound to this session',
        response: { 200: ceremonySchema, ...problemResponses(401, 403, 409, 503) },
      },
    },
    async (request) => passkeyRegistrationOptions(deps, sessionOf(request), rpOf(deps, request)),
  );
  r.post(
    '/api/portal/v1/passkeys',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Make a passkey, step 2: the device’s answer, with a name the person may give',
        body: registerPasskeyBody,
        response: { 201: passkeySchema, ...problemResponses(400, 401, 403, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const made = await registerPasskey(deps, sessionOf(request), rpOf(deps, request), {
        challengeId: request.body.challengeId,
        response: request.body.response as RegistrationResponseJSON,
        name: request.body.name,
        requestId: String(request.id),
      });
      return reply.status(201).send(made);
    },
  );
  r.post(
    '/api/portal/v1/passkeys/offer/decline',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: '“Not now”: the offer of a passkey is not made again in this session',
        response: { 204: noContent, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await declinePasskeyOffer(deps, sessionOf(request), String(request.id));
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/portal/v1/passkeys/:id/remove',
    {
      config: { portal: 'visitor' },
      schema: {
        tags,
        summary: 'Remove one of the person’s passkeys: it opens nothing any more',
        params: idParams,
        response: { 204: noContent, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removePasskey(deps, request.visitor!, request.params.id, String(request.id));
      return reply.status(204).send(null);
    },
  );
}

/** The agency's side: revoke every passkey of a case's debtor and end their portal sessions (a reset of access). */
export function staffPasskeyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/portal-passkeys',
    {
      config: { access: { permission: 'portal_access.reset' } },
      schema: {
        tags: ['cases'],
        summary: 'Whether the debtor has portal passkeys: how many are in force and when one was last used',
        params: idParams,
        response: { 200: debtorPasskeysSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => debtorPasskeys(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/cases/:id/portal-passkeys/revoke',
    {
      config: { access: { permission: 'portal_access.reset' } },
      schema: {
        tags: ['cases'],
        summary: 'Reset the debtor’s portal access: revoke all their passkeys and end their portal sessions',
        params: idParams,
        response: { 200: passkeysRevokedSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => revokeDebtorPasskeys(deps, request.actor!, request.params.id, String(request.id)),
  );
}
