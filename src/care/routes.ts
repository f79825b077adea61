import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { careQueue } from './care-queue.js';
import {
  breathingSpaceBody,
  breathingSpaceSchema,
  careQueueQuery,
  careQueueSchema,
  careViewSchema,
  dismissSignalBody,
  endVulnerabilityBody,
  recordVulnerabilityBody,
  renewalBody,
  reviewVulnerabilityBody,
  signalSchema,
  vulnerabilitiesQuery,
  vulnerabilitySchema,
} from './contract.js';
import { dismissSignal } from './dismiss-signal.js';
import { endVulnerability } from './end-vulnerability.js';
import { readVulnerabilities } from './read-vulnerabilities.js';
import { recordVulnerability } from './record-vulnerability.js';
import { renewBreathingSpace } from './renew-breathing-space.js';
import { reviewVulnerability } from './review-vulnerability.js';
import { startBreathingSpace } from './start-breathing-space.js';

const tags = ['care'];
const writes = problemResponses(400, 401, 403, 404, 409, 422);

/** The care unit (REGULATION §4, §5): vulnerability records, reviews, breathing spaces, signals, the care queue. */
export function careRoutes(app: FastifyInstance, deps: Deps) {
  recordRoutes(app, deps);
  pauseSignalQueueRoutes(app, deps);
}

/** The records: read under need-to-know, recorded, reviewed, ended. */
function recordRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/debtors/:id/vulnerabilities',
    {
      config: { access: { permission: 'care.read' } },
      schema: {
        tags,
        summary:
          "The debtor's vulnerability records, signals and breathing spaces for those who need to know (each read recorded); others read only that collection is adapted, and until when",
        params: idParams,
        querystring: vulnerabilitiesQuery,
        response: { 200: careViewSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      readVulnerabilities(deps, request.actor!, request.params.id, {
        reason: request.query.reason,
        requestId: String(request.id),
      }),
  );
  r.post(
    '/api/v1/debtors/:id/vulnerabilities',
    {
      config: { access: { permission: 'care.record' } },
      schema: {
        tags,
        summary: 'Record a vulnerability: drivers, a note on how to adapt, legal basis and consent, a review date',
        params: idParams,
        body: recordVulnerabilityBody,
        response: { 201: vulnerabilitySchema, ...writes },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordVulnerability(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.post(
    '/api/v1/vulnerabilities/:id/reviews',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: 'Review a vulnerability record: kept or changed with a new review date, or ended with a reason',
        params: idParams,
        body: reviewVulnerabilityBody,
        response: { 200: vulnerabilitySchema, ...writes },
      },
    },
    async (request) => reviewVulnerability(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/vulnerabilities/:id/end',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: 'End a vulnerability record with a reason (a review whose outcome is ended)',
        params: idParams,
        body: endVulnerabilityBody,
        response: { 200: vulnerabilitySchema, ...writes },
      },
    },
    async (request) =>
      endVulnerability(deps, request.actor!, request.params.id, request.body.reason, String(request.id)),
  );
}

/** Breathing spaces, signals and the care queue. */
function pauseSignalQueueRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/debtors/:id/breathing-spaces',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: 'Start a breathing space: collection paused for the policy’s default days (30), renewable once',
        params: idParams,
        body: breathingSpaceBody,
        response: { 201: breathingSpaceSchema, ...writes },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await startBreathingSpace(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.post(
    '/api/v1/breathing-spaces/:id/renewal',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: 'Renew a breathing space once, with a reason: its end moves by the same days',
        params: idParams,
        body: renewalBody,
        response: { 200: breathingSpaceSchema, ...writes },
      },
    },
    async (request) =>
      renewBreathingSpace(deps, request.actor!, request.params.id, request.body.reason, String(request.id)),
  );
  r.post(
    '/api/v1/vulnerability-signals/:id/dismissal',
    {
      config: { access: { permission: 'care.manage' } },
      schema: {
        tags,
        summary: 'Dismiss a signal with a note (the same kind is not suggested again for 90 days)',
        params: idParams,
        body: dismissSignalBody,
        response: { 200: signalSchema, ...writes },
      },
    },
    async (request) => dismissSignal(deps, request.actor!, request.params.id, request.body.note, String(request.id)),
  );
  r.get(
    '/api/v1/care/queue',
    {
      config: { access: { permission: 'care.queue' } },
      schema: {
        tags,
        summary: "The care team's queue: new records, reviews due, open signals, referrals to follow up, with counts",
        querystring: careQueueQuery,
        response: { 200: careQueueSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => careQueue(deps, request.actor!, request.query),
  );
}
