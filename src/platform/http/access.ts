import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../identity/core/permissions.js';
import { can } from '../../identity/core/permissions.js';
import type { Actor } from '../../identity/actor.js';
import { forbidden, unauthenticated, AppError } from '../errors.js';

/**
 * Every API route declares who may call it, in its route config: `access: 'public'` or
 * `access: { permission }`. The app refuses to start if an /api route declares nothing, so no route can
 * forget its check. Authentication, CSRF and the permission are enforced here, before any handler runs.
 */
export type Access = 'public' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const SESSION_COOKIE = 'accord_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionLookup {
  (token: string, request: FastifyRequest): Promise<{ actor: Actor; csrfToken: string } | null>;
}

export function assertRouteDeclaresAccess(route: { url: string; method: string | string[]; config?: unknown }) {
  if (!route.url.startsWith('/api/v1')) return;
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
}

export function accessControl(lookup: SessionLookup) {
  return async function checkAccess(request: FastifyRequest, _reply: FastifyReply) {
    request.actor = null;
    request.csrfToken = null;
    const access = request.routeOptions.config.access;
    if (!access) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await lookup(token, request);
      if (found) {
        request.actor = found.actor;
        request.csrfToken = found.csrfToken;
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.csrfToken) {
      throw new AppError(
        'auth.csrf_failed',
        403,
        `State-changing requests must carry the ${CSRF_HEADER} header given at sign-in (GET /api/v1/me returns it).`,
      );
    }
    if (!can(request.actor.role, access.permission)) throw forbidden(access.permission);
  };
}
