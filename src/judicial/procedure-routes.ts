import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { idParams, problemResponses } from '../platform/http/schemas.js';
import {
  caseProcedureSchema,
  openProcedureBody,
  partnerPaymentBody,
  procedureCostBody,
  procedureQueueSchema,
  procedureSchema,
  procedureStepBody,
} from './contract.js';
import { procedureQueue } from './procedure-queue.js';
import { openJudicialProcedure, recordPartnerPayment, recordProcedureStep } from './procedure-steps.js';
import { recordProcedureCost } from './procedure-costs.js';
import { caseProcedure } from './procedure-view.js';

const tags = ['judicial'];
const answers = { 200: procedureSchema, ...problemResponses(400, 401, 403, 404, 409, 422) };

/**
 * A case's judicial procedure (REGULATION §11): its route, dated steps with their deadlines, costs and the payments
 * the partner collected; and the judicial team's queue. A partner's update is entered by a person of the agency
 * (`reportedBy: partner`), or posted by the partner through the partner API and applied from the inbox.
 */
export function judicialProcedureRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/judicial/procedures/queue',
    {
      config: { access: { permission: 'judicial_procedures.queue' } },
      schema: {
        tags,
        summary: 'The judicial queue: cases at the judicial stage by the next deadline, those to open first',
        response: { 200: procedureQueueSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => procedureQueue(deps, request.actor!),
  );
  r.get(
    '/api/v1/cases/:id/judicial-procedure',
    {
      config: { access: { permission: 'judicial_procedures.read' } },
      schema: {
        tags,
        summary: "The case's judicial procedure (null when none); a creditor user sees its state, not its acts",
        params: idParams,
        response: { 200: caseProcedureSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => caseProcedure(deps, request.actor!, request.params.id),
  );
  r.post(
    '/api/v1/cases/:id/judicial-procedure',
    {
      config: { access: { permission: 'judicial_procedures.manage' } },
      schema: {
        tags,
        summary: 'Open the judicial procedure on the route chosen (by default the judicial review’s)',
        params: idParams,
        body: openProcedureBody,
        response: { 201: procedureSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await openJudicialProcedure(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.post(
    '/api/v1/cases/:id/judicial-procedure/steps',
    {
      config: { access: { permission: 'judicial_procedures.manage' } },
      schema: {
        tags,
        summary:
          "Record a step (the agency's act or the partner's update), checked against the state and its deadlines",
        params: idParams,
        body: procedureStepBody,
        response: answers,
      },
    },
    async (request) => recordProcedureStep(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/cases/:id/judicial-procedure/costs',
    {
      config: { access: { permission: 'judicial_procedures.manage' } },
      schema: {
        tags,
        summary: 'Record a cost line with its legal basis and who bears it (never an amicable fee on the debtor)',
        params: idParams,
        body: procedureCostBody,
        response: answers,
      },
    },
    async (request) => recordProcedureCost(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/cases/:id/judicial-procedure/partner-payments',
    {
      config: { access: { permission: 'judicial_procedures.manage' } },
      schema: {
        tags,
        summary: 'Record a payment the partner collected: allocated by law like any payment, named on the procedure',
        params: idParams,
        body: partnerPaymentBody,
        response: answers,
      },
    },
    async (request) => recordPartnerPayment(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
