import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runJobNow } from '../audit/job-run.js';
import type { Deps } from '../platform/deps.js';
import { exportFileResponse, idParams as id, noContent, problemResponses } from '../platform/http/schemas.js';
import { sendExport } from '../platform/export/send.js';
import { auditedExportContext } from '../audit/record-export.js';
import { teamQueuesExport } from './queues-export.js';
import { caseWorkspace } from './case-workspace.js';
import { nextCase, releaseCase, renewLease } from './next-case.js';
import { cancelPromise } from './promises.js';
import { recordCall } from './record-call.js';
import {
  assignmentBody,
  callBodySchema,
  callResultSchema,
  cancelPromiseBody,
  caseWorkspaceSchema,
  leaseSchema,
  nextCaseSchema,
  publishStrategyBody,
  queueEntrySchema,
  segmentControlBody,
  segmentControlParams,
  segmentControlSchema,
  strategiesSchema,
  strategyPreviewBody,
  strategyPreviewSchema,
  strategyVersionParams,
  strategyVersionSchema,
  sweepReportSchema,
  taskDoneBody,
  teamQueueListSchema,
  teamQueuesExportQuery,
  workspaceSummarySchema,
} from './contract.js';
import { previewStrategy } from './strategy-preview.js';
import { listStrategyVersions, publishStrategy, strategyInForce, strategyVersionView } from './strategy-store.js';
import { assignCase, setSegmentControl, teamQueues, workspaceSummary } from './supervision.js';
import { workspaceSweep } from './sweep.js';
import { completeTask } from './tasks.js';

const tags = ['workspace'];

/** The agent workspace: queues, next case, the case view's additions, calls, promises, follow-ups, supervision, strategies. */
export function workspaceRoutes(app: FastifyInstance, deps: Deps) {
  registerQueueRoutes(app, deps);
  registerCaseWorkRoutes(app, deps);
  registerSupervisionRoutes(app, deps);
  registerStrategyRoutes(app, deps);
  registerSweepRoutes(app, deps);
}

/** The agent's day and queue: the next case leased, given back, kept longer. */
function registerQueueRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/workspace',
    {
      config: { access: { permission: 'queues.work' } },
      schema: {
        tags,
        summary: "The agent's day: the case held, the queue, today's figures, the team's follow-ups due",
        response: { 200: workspaceSummarySchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => workspaceSummary(deps, request.actor!),
  );

  r.post(
    '/api/v1/workspace/next-case',
    {
      config: { access: { permission: 'queues.work' } },
      schema: {
        tags,
        summary:
          'Lease the next case of your team queue that the contact policy lets you call now (never one another agent holds)',
        response: { 200: nextCaseSchema, ...problemResponses(401, 403, 409) },
      },
    },
    async (request) => nextCase(deps, request.actor!),
  );

  r.post(
    '/api/v1/workspace/cases/:id/release',
    {
      config: { access: { permission: 'queues.work' } },
      schema: {
        tags,
        summary: 'Give back the case you hold',
        params: id,
        response: { 204: noContent, ...problemResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
      await releaseCase(deps, request.actor!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/workspace/cases/:id/lease',
    {
      config: { access: { permission: 'queues.work' } },
      schema: {
        tags,
        summary: 'Keep the case you hold for 15 more minutes while you work it',
        params: id,
        response: { 200: leaseSchema, ...problemResponses(401, 403, 409) },
      },
    },
    async (request) => renewLease(deps, request.actor!, request.params.id),
  );
}

/** Work on a case: its workspace view, calls, promises cancelled, follow-ups done. */
function registerCaseWorkRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/workspace',
    {
      config: { access: { permission: 'contacts.read' } },
      schema: {
        tags,
        summary:
          'Where the file stands in plain words, its queue entry and why, promises, follow-ups, the call script and the debtor’s local time',
        params: id,
        response: { 200: caseWorkspaceSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => caseWorkspace(deps, request.actor!, request.params.id),
  );

  r.post(
    '/api/v1/cases/:id/calls',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary:
          'Record a call of the guided conversation with its checklist and outcome; the outcome drives the next action (409 contact.refused when the policy refuses the call)',
        params: id,
        body: callBodySchema,
        response: { 201: callResultSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCall(deps, request.actor!, request.params.id, request.body, request.id)),
  );

  r.post(
    '/api/v1/promises/:id/cancel',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: 'Cancel an open promise to pay, with the reason',
        params: id,
        body: cancelPromiseBody,
        response: { 200: caseWorkspaceSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const caseId = await cancelPromise(deps, request.actor!, request.params.id, request.body.reason, request.id);
      return caseWorkspace(deps, request.actor!, caseId);
    },
  );

  r.post(
    '/api/v1/tasks/:id/done',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary: 'Mark a follow-up done',
        params: id,
        body: taskDoneBody,
        response: { 200: caseWorkspaceSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const caseId = await completeTask(deps, request.actor!, request.params.id, request.body.note, request.id);
      return caseWorkspace(deps, request.actor!, caseId);
    },
  );
}

/** Supervision: the team queues (list and export), segment controls, a case given to a team or agent. */
function registerSupervisionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/team-queues',
    {
      config: { access: { permission: 'queues.supervise' } },
      schema: {
        tags,
        summary: "Your team's queues (a manager: every team's) per segment and arm, and the agents' activity today",
        response: { 200: teamQueueListSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => teamQueues(deps, request.actor!),
  );

  r.get(
    '/api/v1/team-queues/export',
    {
      config: { access: { permission: 'queues.supervise' } },
      schema: {
        tags,
        summary: 'The team queues as CSV or XLSX: one line per team, segment and arm',
        querystring: teamQueuesExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        auditedExportContext(deps, request.actor!, {
          list: 'team_queues',
          query: request.query,
          requestId: String(request.id),
        }),
        teamQueuesExport(deps, request.actor!),
      ),
  );

  r.put(
    '/api/v1/segment-controls/:segmentId',
    {
      config: { access: { permission: 'queues.supervise' } },
      schema: {
        tags,
        summary: 'Pause or prioritise a segment of the strategy in force, with a note',
        params: segmentControlParams,
        body: segmentControlBody,
        response: { 200: segmentControlSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => setSegmentControl(deps, request.actor!, request.params.segmentId, request.body, request.id),
  );

  r.post(
    '/api/v1/cases/:id/assignment',
    {
      config: { access: { permission: 'queues.supervise' } },
      schema: {
        tags,
        summary: 'Give a case to a team, and optionally to one of its agents',
        params: id,
        body: assignmentBody,
        response: { 200: queueEntrySchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => assignCase(deps, request.actor!, request.params.id, request.body, request.id),
  );
}

/** The strategy: the version in force, the published versions, a new version. */
function registerStrategyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/strategies',
    {
      config: { access: { permission: 'strategies.read' } },
      schema: {
        tags,
        summary: 'The strategy in force and every published version',
        response: { 200: strategiesSchema, ...problemResponses(401, 403) },
      },
    },
    async () => {
      const current = await strategyInForce(deps.db);
      return { inForce: await strategyVersionView(deps, current.version), versions: await listStrategyVersions(deps) };
    },
  );

  r.get(
    '/api/v1/strategies/versions/:version',
    {
      config: { access: { permission: 'strategies.read' } },
      schema: {
        tags,
        summary: 'One published version of the strategy',
        params: strategyVersionParams,
        response: { 200: strategyVersionSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => strategyVersionView(deps, request.params.version),
  );

  r.post(
    '/api/v1/strategies/previews',
    {
      config: { access: { permission: 'strategies.manage' } },
      schema: {
        tags,
        summary:
          'How many open cases each segment of a draft strategy would take today, beside the queue now (422 strategy.invalid)',
        body: strategyPreviewBody,
        response: { 200: strategyPreviewSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => previewStrategy(deps, request.actor!, request.body.document),
  );

  r.post(
    '/api/v1/strategies/versions',
    {
      config: { access: { permission: 'strategies.manage' } },
      schema: {
        tags,
        summary:
          'Publish a new version of the strategy, in force at once (422 strategy.invalid with the issues by path)',
        body: publishStrategyBody,
        response: { 201: strategyVersionSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishStrategy(deps, request.actor!, request.body, request.id)),
  );
}

/** The workspace sweep run now. */
function registerSweepRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/jobs/workspace-sweep/runs',
    {
      config: { access: { permission: 'jobs.run' } },
      schema: {
        tags: ['jobs'],
        summary:
          'Run the workspace sweep now (broken promises, missed callbacks, expired leases, queue refresh); it also runs every minute',
        response: { 200: sweepReportSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => runJobNow(deps, request.actor!, 'workspace-sweep', () => workspaceSweep(deps), request.id),
  );
}
