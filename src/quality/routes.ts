import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import {
  coachingBody,
  coachingSchema,
  gridSchema,
  gridsSchema,
  myQualitySchema,
  newGridBody,
  reviewBody,
  reviewSchema,
  sampleQuery,
  teamSampleSchema,
  trendsQuery,
  trendsSchema,
} from './contract.js';
import { acknowledgeCoaching, recordCoaching } from './coaching-service.js';
import { listGrids, publishGrid } from './grid-store.js';
import { acknowledgeReview, agentQuality, myQuality, readReview, recordReview } from './review-service.js';
import { teamSample } from './sample-service.js';
import { qualityTrends } from './trends.js';

const tags = ['quality'];

/** Call quality and coaching (docs/listening.md): the grid, the month's sample, reviews, coaching notes, trends. */
export function qualityRoutes(app: FastifyInstance, deps: Deps) {
  gridAndTeamRoutes(app, deps);
  reviewAndCoachingRoutes(app, deps);
}

/** The grid (the compliance officer's), the team leader's month and the trends. */
function gridAndTeamRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/quality/grids',
    {
      config: { access: { permission: 'quality.grid' } },
      schema: {
        tags,
        summary: 'The listening grid’s versions, the latest first, and the one in force today',
        response: { 200: gridsSchema, ...problemResponses(401, 403) },
      },
    },
    async () => listGrids(deps),
  );
  r.post(
    '/api/v1/quality/grids',
    {
      config: { access: { permission: 'quality.grid' } },
      schema: {
        tags,
        summary: 'A new version of the listening grid, from its date on (reviews keep the version they were scored on)',
        body: newGridBody,
        response: { 201: gridSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return publishGrid(deps, request.actor!, request.body, String(request.id));
    },
  );
  r.get(
    '/api/v1/quality/sample',
    {
      config: { access: { permission: 'quality.review' } },
      schema: {
        tags,
        summary: 'The month’s sample of calls of each agent of one’s team (random and flagged), reviews and coaching',
        querystring: sampleQuery,
        response: { 200: teamSampleSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => teamSample(deps, request.actor!, request.query.month),
  );
  r.get(
    '/api/v1/quality/trends',
    {
      config: { access: { permission: 'quality.review' } },
      schema: {
        tags,
        summary: 'Quality month by month per agent and team, next to the same month’s CSAT',
        querystring: trendsQuery,
        response: { 200: trendsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => qualityTrends(deps, request.actor!, request.query.months),
  );
}

/** Reviews and coaching notes: written by the team leader, read and acknowledged by the agent. */
function reviewAndCoachingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/quality/reviews',
    {
      config: { access: { permission: 'quality.review' } },
      schema: {
        tags,
        summary: 'Review a sampled call against the grid in force: every criterion scored, with notes',
        body: reviewBody,
        response: { 201: reviewSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return recordReview(deps, request.actor!, request.body, String(request.id));
    },
  );
  r.get(
    '/api/v1/quality/reviews/:id',
    {
      config: { access: { permission: 'quality.read_own' } },
      schema: {
        tags,
        summary: 'A review, for the agent it is about, their team leader or a manager',
        params: idParams,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readReview(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/quality/reviews/:id/acknowledge',
    {
      config: { access: { permission: 'quality.read_own' } },
      schema: {
        tags,
        summary: 'The agent acknowledges a review of their call',
        params: idParams,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => acknowledgeReview(deps, request.actor!, request.params.id, String(request.id)),
  );
  r.post(
    '/api/v1/quality/coaching',
    {
      config: { access: { permission: 'quality.review' } },
      schema: {
        tags,
        summary: 'A coaching note for an agent of one’s team: the actions agreed and a follow-up date',
        body: coachingBody,
        response: { 201: coachingSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return recordCoaching(deps, request.actor!, request.body, String(request.id));
    },
  );
  r.post(
    '/api/v1/quality/coaching/:id/acknowledge',
    {
      config: { access: { permission: 'quality.read_own' } },
      schema: {
        tags,
        summary: 'The agent acknowledges a coaching note',
        params: idParams,
        response: { 200: coachingSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => acknowledgeCoaching(deps, request.actor!, request.params.id, String(request.id)),
  );
  r.get(
    '/api/v1/quality/mine',
    {
      config: { access: { permission: 'quality.read_own' } },
      schema: {
        tags,
        summary: 'One’s own call reviews and coaching notes',
        response: { 200: myQualitySchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => myQuality(deps, request.actor!),
  );
  r.get(
    '/api/v1/quality/agents/:id',
    {
      config: { access: { permission: 'quality.review' } },
      schema: {
        tags,
        summary: 'An agent’s reviews and coaching notes, for their team leader or a manager',
        params: idParams,
        response: { 200: myQualitySchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => agentQuality(deps, request.actor!, request.params.id),
  );
}
