import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../platform/deps.js';
import { forbidden, unauthenticated, AppError } from '../platform/errors.js';
import type { Actor } from './actor.js';
import { can, type Permission } from './core/permissions.js';
import { findSession } from './sessions.js';

/**
 * Every API route declares who may call it, in its route config: `access: 'public'` or
 * `access: { permission }`. The app refuses to start if an /api route declares nothing, so no route can
 * forget its check. Authentication, CSRF and the permission are enforced here, before any handler runs.
 */
export type Access = 'public' | { permission: Permission };

/** An /api/v1 route and its access rule, as registered (the permission-matrix test tries each with every role). */
export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
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

/**
 * Installs access control on an app before its routes are registered: every /api/v1 route must declare its access
 * rule (the list of them is kept in `app.apiRoutes`), and each request is authenticated from its session cookie and
 * checked (CSRF, permission) before its body is even parsed.
 */
export function installAccessControl(app: FastifyInstance, deps: Deps): void {
  const apiRoutes: ApiRoute[] = [];
  app.addHook('onRoute', (route) => {
    assertRouteDeclaresAccess(route);
    if (route.url.startsWith('/api/v1')) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access: route.config!.access! });
      }
    }
  });
  app.decorate('apiRoutes', apiRoutes);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook(
    'onRequest',
    accessControl((token) => findSession(deps.db, token, deps.now(), deps.config.SESSION_TTL_HOURS)),
  );
}
