import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { readAttempt, startAttempt, submitAnswers } from './attempts.js';
import {
  answersBody,
  attemptSchema,
  moduleDetailSchema,
  moduleParams,
  teamTrainingSchema,
  trainingOverviewSchema,
} from './contract.js';
import { moduleDetail, teamTraining, trainingOverview } from './overview.js';

const tags = ['training'];

/** Training ("la Ruche"): modules, quizzes, certifications, and a team's training state. */
export function trainingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/training',
    {
      config: { access: { permission: 'training.take' } },
      schema: {
        tags,
        summary: 'The reader’s modules with their progress, certifications with expiry, and path to each team',
        response: { 200: trainingOverviewSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => trainingOverview(deps, request.actor!),
  );
  r.get(
    '/api/v1/training/modules/:moduleId',
    {
      config: { access: { permission: 'training.take' } },
      schema: {
        tags,
        summary: 'A module’s text (as blocks, never HTML) in the reader’s language, with their attempts',
        params: moduleParams,
        response: { 200: moduleDetailSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => moduleDetail(deps, request.actor!, request.params.moduleId),
  );
  r.post(
    '/api/v1/training/modules/:moduleId/attempts',
    {
      config: { access: { permission: 'training.take' } },
      schema: {
        tags,
        summary: 'Start a quiz: questions drawn from the module’s bank, without their right options',
        params: moduleParams,
        response: { 201: attemptSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return startAttempt(deps, request.actor!, request.params.moduleId, String(request.id));
    },
  );
  r.get(
    '/api/v1/training/attempts/:id',
    {
      config: { access: { permission: 'training.take' } },
      schema: {
        tags,
        summary: 'One of the reader’s attempts; the right options only once it is submitted',
        params: idParams,
        response: { 200: attemptSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readAttempt(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/training/attempts/:id/answers',
    {
      config: { access: { permission: 'training.take' } },
      schema: {
        tags,
        summary: 'Submit an attempt’s answers, once: the score, and any certification a pass earns',
        params: idParams,
        body: answersBody,
        response: { 200: attemptSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => submitAnswers(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.get(
    '/api/v1/training/team',
    {
      config: { access: { permission: 'training.team' } },
      schema: {
        tags,
        summary: 'The training state of the reader’s team: modules passed, certifications, queues open to each person',
        response: { 200: teamTrainingSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => teamTraining(deps, request.actor!),
  );
}
