import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { SESSION_COOKIE } from './access-control.js';
import { idParams, noContent, problemResponses } from '../platform/http/schemas.js';
import { auditActor } from './actor.js';
import { permissionsOf } from './core/permissions.js';
import {
  createUserBody,
  forgottenPasswordAnswer,
  forgottenPasswordBody,
  loginBody,
  meSchema,
  preferencesBody,
  updateUserBody,
  userListQuery,
  userListSchema,
  userSchema,
} from './contract.js';
import { askForNewPassword } from './forgotten-password.js';
import { login, logout } from './login.js';
import { createUser, listUsers, updateUser } from './users.js';
import { changeOwnLocale } from './preferences.js';
import { cookieSecure } from '../platform/http/cookies.js';

/** Signing in and out, the signed-in user, and the users. */
export function identityRoutes(app: FastifyInstance, deps: Deps) {
  registerSignInRoutes(app, deps);
  registerSessionRoutes(app, deps);
  registerUserRoutes(app, deps);
}

/** Signing in, and the forgotten password asked from the sign-in page. */
function registerSignInRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/auth/password-forgotten',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'A forgotten password: asks a manager or a compliance officer to approve the new password the person chose; the same answer whether the address has an account or not',
        body: forgottenPasswordBody,
        response: { 202: forgottenPasswordAnswer, ...problemResponses(400, 422, 429) },
      },
    },
    async (request, reply) => {
      await askForNewPassword(deps, {
        email: request.body.email,
        newPassword: request.body.newPassword,
        ip: request.ip,
        requestId: String(request.id),
      }).catch((error: unknown) => {
        const seconds = error instanceof AppError ? error.extra.retryAfterSeconds : undefined;
        if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
        throw error;
      });
      return reply.code(202).send({ received: true as const });
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets the httpOnly session cookie and returns the CSRF token for later writes',
        body: loginBody,
        response: { 200: meSchema, ...problemResponses(400, 401, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const session = await login(deps, {
        email: request.body.email,
        password: request.body.password,
        newPassword: request.body.newPassword,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      }).catch((error: unknown) => {
        const seconds = error instanceof AppError ? error.extra.retryAfterSeconds : undefined;
        if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: cookieSecure(deps, request.protocol),
        path: '/',
        // A lifetime, not a date: a browser whose clock is off from the server's still keeps the cookie. The server
        // decides when the session really ends (SESSION_TTL_HOURS after its last use).
        maxAge: deps.config.SESSION_TTL_HOURS * 3600,
      });
      const user = await deps.db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'role', 'creditor_id', 'locale'])
        .where('id', '=', session.userId)
        .executeTakeFirstOrThrow();
      return {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        role: user.role,
        creditorId: user.creditor_id,
        locale: user.locale,
        permissions: permissionsOf(user.role),
        csrfToken: session.csrfToken,
      };
    },
  );
}

/** The signed-in session: signing out, the user it is, their own preferences. */
function registerSessionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: { permission: 'me.read' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session',
        response: { 204: noContent, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await logout(deps, request.cookies[SESSION_COOKIE]!, String(request.id));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      config: { access: { permission: 'me.read' } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, permissions and CSRF token',
        response: { 200: meSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return {
        id: actor.userId,
        email: actor.email,
        displayName: actor.displayName,
        role: actor.role,
        creditorId: actor.creditorId,
        locale: actor.locale,
        permissions: permissionsOf(actor.role),
        csrfToken: request.csrfToken!,
      };
    },
  );

  r.patch(
    '/api/v1/me',
    {
      config: { access: { permission: 'me.update' } },
      schema: {
        tags: ['auth'],
        summary: 'Change own preferences (language)',
        body: preferencesBody,
        response: { 204: noContent, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      await changeOwnLocale(deps, actor, request.body.locale, String(request.id));
      return reply.status(204).send(null);
    },
  );
}

/** The users: list, create, change. */
function registerUserRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/users',
    {
      config: { access: { permission: 'users.read' } },
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: userListQuery,
        response: { 200: userListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: await listUsers(deps, request.query) }),
  );

  r.post(
    '/api/v1/users',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags: ['users'],
        summary:
          'Create a user; one whose role reads case data is created inactive until a manager or compliance officer approves it',
        body: createUserBody,
        response: { 201: userSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = await createUser(deps, auditActor(request.actor!), request.body, String(request.id));
      return reply.status(201).send(user);
    },
  );

  r.patch(
    '/api/v1/users/:id',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags: ['users'],
        summary:
          'Change a user: role, team, language, active, unlock (a password only on your own account); a raise (any added permission, another creditor) waits for approval; deactivating ends the sessions',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      updateUser(deps, auditActor(request.actor!), request.params.id, request.body, String(request.id)),
  );
}
