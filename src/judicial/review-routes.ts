import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import {
  queueRefreshSchema,
  reviewDecisionBody,
  reviewOutcomeListSchema,
  reviewQueueCountsQuery,
  reviewQueueCountsSchema,
  reviewQueueQuery,
  reviewQueueSchema,
  reviewSchema,
} from './contract.js';
import { decideReview } from './decide-review.js';
import { refreshReviewQueueAsked } from './review-queue.js';
import { countReviewQueue, listCaseReviewOutcomes, listReviewQueue, readReview } from './review-view.js';

const tags = ['judicial'];

/** The review before the judicial stage: the queue, its refresh, the review screen, the decision, a case's outcomes. */
export function judicialReviewRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/judicial-reviews',
    {
      config: { access: { permission: 'judicial_reviews.review' } },
      schema: {
        tags,
        summary: 'Cases waiting for a review before the judicial stage, by due date, each with what blocks it',
        querystring: reviewQueueQuery,
        response: { 200: reviewQueueSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listReviewQueue(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/judicial-reviews/counts',
    {
      config: { access: { permission: 'judicial_reviews.review' } },
      schema: {
        tags,
        summary: 'How many waiting reviews are escalable now, blocked, and blocked by each reason',
        querystring: reviewQueueCountsQuery,
        response: { 200: reviewQueueCountsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => countReviewQueue(deps, request.actor!, request.query),
  );
  r.post(
    '/api/v1/judicial-reviews/refresh',
    {
      config: { access: { permission: 'judicial_reviews.review' } },
      schema: {
        tags,
        summary: 'Refresh the review queue now (it is refreshed every night)',
        response: { 200: queueRefreshSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => refreshReviewQueueAsked(deps, request.actor!, String(request.id)),
  );
  r.get(
    '/api/v1/judicial-reviews/:id',
    {
      config: { access: { permission: 'judicial_reviews.review' } },
      schema: {
        tags,
        summary:
          'A review with the facts that matter: contacts, budget, offers, vulnerability, disputes, time bar, amounts',
        params: idParams,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readReview(deps, request.actor!, request.params.id, String(request.id)),
  );
  r.post(
    '/api/v1/judicial-reviews/:id/decision',
    {
      config: { access: { permission: 'judicial_reviews.review' } },
      schema: {
        tags,
        summary:
          "A person's decision: escalate by a route, keep amicable until a date, close, or return to the creditor",
        params: idParams,
        body: reviewDecisionBody,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => decideReview(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.get(
    '/api/v1/cases/:id/judicial-reviews',
    {
      config: { access: { permission: 'judicial_reviews.read' } },
      schema: {
        tags,
        summary:
          "A case's reviews before the judicial stage: outcome, route and dates (a creditor user: its own cases)",
        params: idParams,
        response: { 200: reviewOutcomeListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listCaseReviewOutcomes(deps, request.actor!, request.params.id),
  );
}
