import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { cookieSecure } from '../platform/http/cookies.js';
import { PORTAL_SESSION } from './core/access.js';

/** The portal session's cookie: httpOnly, SameSite=Strict, its token kept on the server as a SHA-256 only. */
export const PORTAL_COOKIE = 'accord_portal';

/** Sets the cookie of a portal session just opened (by the one-time code or by a passkey). */
export function setPortalCookie(deps: Deps, request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: cookieSecure(deps, request.protocol),
    path: '/',
    // A lifetime, not a date (a phone whose clock is off still keeps it); the server ends the session.
    maxAge: PORTAL_SESSION.maxHours * 3600,
  });
}

/** Each sign-in step's limit per client, beside the throttle of failures (docs/portal.md "Getting in"). */
export const signInLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** Rethrows a sign-in step's error, with `Retry-After` when it says how long to wait. */
export function retryAfter(reply: FastifyReply, error: unknown): never {
  const seconds = error instanceof AppError ? error.extra.retryAfterSeconds : undefined;
  if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
  throw error;
}
