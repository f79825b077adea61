import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { auditActor } from './actor.js';
import {
  createPoleBody,
  createTeamBody,
  poleSchema,
  renamePoleBody,
  teamListSchema,
  teamSchema,
  updateTeamBody,
  userDetailSchema,
} from './contract.js';
import { createTeam, listTeams, savePole, updateTeam } from './teams.js';
import { getUser, resetPassword } from './users.js';

/** Administration (issue 21): one account, its password reset, and the teams and poles people belong to. */
export function administrationRoutes(app: FastifyInstance, deps: Deps) {
  accountRoutes(app, deps);
  teamRoutes(app, deps);
}

const tags = ['users'];

function accountRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/users/:id',
    {
      config: { access: { permission: 'users.read' } },
      schema: {
        tags,
        summary: 'One user, with what waits for approval about the account',
        params: idParams,
        response: { 200: userDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getUser(deps, request.params.id),
  );

  r.post(
    '/api/v1/users/:id/password-reset',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary:
          "Reset another person's password: their sessions end; once a manager or a compliance officer approves, they choose a new one at their next sign-in (nobody else ever knows it)",
        params: idParams,
        response: { 200: userDetailSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => resetPassword(deps, auditActor(request.actor!), request.params.id, String(request.id)),
  );
}

function teamRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/teams',
    {
      config: { access: { permission: 'users.read' } },
      schema: {
        tags,
        summary: 'The teams, with their pole and number of members, and the poles',
        response: { 200: teamListSchema, ...problemResponses(401, 403) },
      },
    },
    async () => listTeams(deps.db),
  );

  r.post(
    '/api/v1/teams',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Create a team, in a pole or in none',
        body: createTeamBody,
        response: { 201: teamSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTeam(deps, auditActor(request.actor!), request.body, String(request.id))),
  );

  r.patch(
    '/api/v1/teams/:id',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Rename a team, or attach it to a pole (`poleId: null` detaches it)',
        params: idParams,
        body: updateTeamBody,
        response: { 200: teamSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      updateTeam(deps, auditActor(request.actor!), request.params.id, request.body, String(request.id)),
  );

  r.post(
    '/api/v1/poles',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Create a pole (a group of teams under one manager)',
        body: createPoleBody,
        response: { 201: poleSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await savePole(deps, auditActor(request.actor!), request.body, String(request.id))),
  );

  r.patch(
    '/api/v1/poles/:id',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Rename a pole',
        params: idParams,
        body: renamePoleBody,
        response: { 200: poleSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      savePole(
        deps,
        auditActor(request.actor!),
        { name: request.body.name, poleId: request.params.id },
        String(request.id),
      ),
  );
}
