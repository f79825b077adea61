import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import { caseProcedureSchema, documentBody, filingBody, procedureSchema, queueSchema, stepBody } from './contract.js';
import { caseProcedure, procedureQueue, procedureView } from './read-procedure.js';
import { recordFiling, recordStep, recordStepDocument } from './record-procedure.js';

const tags = ['overindebtedness'];
const answers = { 200: procedureSchema, ...problemResponses(400, 401, 403, 404, 409, 422) };

/** The over-indebtedness procedure (REGULATION §2, §10): the filing, each step with its deadlines, the team's queue. */
export function overindebtednessRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/overindebtedness',
    {
      config: { access: { permission: 'overindebtedness.read' } },
      schema: {
        tags,
        summary:
          "The over-indebtedness procedure covering the case (null when none); a creditor user sees its own cases' state",
        params: idParams,
        response: { 200: caseProcedureSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => caseProcedure(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/debtors/:id/overindebtedness',
    {
      config: { access: { permission: 'overindebtedness.manage' } },
      schema: {
        tags,
        summary:
          "Record a debtor's over-indebtedness filing: every open case of the debtor, at every creditor, enters it",
        params: idParams,
        body: filingBody,
        response: { 201: procedureSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordFiling(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.get(
    '/api/v1/overindebtedness/queue',
    {
      config: { access: { permission: 'overindebtedness.queue' } },
      schema: {
        tags,
        summary: 'The over-indebtedness team’s queue: every procedure with an action due, by its date',
        response: { 200: queueSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => procedureQueue(deps, request.actor!),
  );
  r.get(
    '/api/v1/overindebtedness/:id',
    {
      config: { access: { permission: 'overindebtedness.queue' } },
      schema: {
        tags,
        summary: 'A procedure, its steps, deadlines and next action',
        params: idParams,
        response: answers,
      },
    },
    async (request) => procedureView(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/overindebtedness/:id/steps',
    {
      config: { access: { permission: 'overindebtedness.manage' } },
      schema: {
        tags,
        summary: 'Record the next step (a letter or decision) with its day and document; its effects follow',
        params: idParams,
        body: stepBody,
        response: answers,
      },
    },
    async (request) => recordStep(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/overindebtedness/:id/document',
    {
      config: { access: { permission: 'overindebtedness.manage' } },
      schema: {
        tags,
        summary: "Record the current step's document, received after the step",
        params: idParams,
        body: documentBody,
        response: answers,
      },
    },
    async (request) =>
      recordStepDocument(deps, request.actor!, request.params.id, request.body.documentRef, String(request.id)),
  );
}
