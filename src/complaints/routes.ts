import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { auditedExportContext } from '../audit/record-export.js';
import { sendExport } from '../platform/export/send.js';
import { exportFileResponse, idParams, problemResponses } from '../platform/http/schemas.js';
import { complaintExport } from './complaint-export.js';
import {
  answerComplaintBody,
  closeComplaintBody,
  complaintExportQuery,
  complaintListSchema,
  complaintPageSchema,
  complaintRegisterQuery,
  complaintSchema,
  mediatorBody,
  mediatorListSchema,
  mediatorRowSchema,
  registerComplaintBody,
} from './contract.js';
import { listMediators, saveMediator } from './mediators.js';
import { acknowledgeComplaint, answerComplaint, closeComplaint } from './handle-complaint.js';
import { complaintRegisterPage, getComplaint, listCaseComplaints } from './read-complaints.js';
import { registerComplaint } from './register-complaint.js';

const tags = ['complaints'];

/** Complaints: registered on a case, handled (acknowledged, answered, closed), the register and its export. */
export function complaintRoutes(app: FastifyInstance, deps: Deps) {
  caseRoutes(app, deps);
  registerRoutes(app, deps);
  handlingRoutes(app, deps);
  mediatorRoutes(app, deps);
}

/** The mediators a refusal names: dated reference data, edited by compliance officers and administrators. */
function mediatorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/mediators',
    {
      config: { access: { permission: 'mediators.manage' } },
      schema: {
        tags,
        summary: 'The mediators by country, creditor and sector, each from its day, the one in force today marked',
        response: { 200: mediatorListSchema, ...problemResponses(401, 403) },
      },
    },
    async () => listMediators(deps),
  );
  r.post(
    '/api/v1/mediators',
    {
      config: { access: { permission: 'mediators.manage' } },
      schema: {
        tags,
        summary: 'Change a mediator from a day (today or later), or correct the row of that scope and day (audited)',
        body: mediatorBody,
        response: { 200: mediatorRowSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => saveMediator(deps, request.actor!, request.body, String(request.id)),
  );
}

function caseRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/cases/:id/complaints',
    {
      config: { access: { permission: 'complaints.register' } },
      schema: {
        tags,
        summary: 'Register a complaint on a case: its deadlines are counted on the debtor’s business-day calendar',
        params: idParams,
        body: registerComplaintBody,
        response: { 201: complaintSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await registerComplaint(deps, request.actor!, request.params.id, request.body, String(request.id))),
  );
  r.get(
    '/api/v1/cases/:id/complaints',
    {
      config: { access: { permission: 'complaints.read' } },
      schema: {
        tags,
        summary: "A case's complaints, newest first",
        params: idParams,
        response: { 200: complaintListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listCaseComplaints(deps, request.actor!, request.params.id),
  );
}

function registerRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/complaints',
    {
      config: { access: { permission: 'complaints.register_read' } },
      schema: {
        tags,
        summary: 'The register of complaints and measures, newest first, filtered; with counts by deadline status',
        querystring: complaintRegisterQuery,
        response: { 200: complaintPageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => complaintRegisterPage(deps, request.actor!, request.query),
  );
  r.get(
    '/api/v1/complaints/export',
    {
      config: { access: { permission: 'complaints.register_read' } },
      schema: {
        tags,
        summary: 'The register of complaints and measures as CSV or XLSX, with the list’s filter (for the regulator)',
        querystring: complaintExportQuery,
        response: { 200: exportFileResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const context = auditedExportContext(deps, request.actor!, {
        list: 'complaints',
        query: request.query,
        requestId: String(request.id),
      });
      return sendExport(reply, context, complaintExport(deps, request.actor!, request.query));
    },
  );
  r.get(
    '/api/v1/complaints/:id',
    {
      config: { access: { permission: 'complaints.read' } },
      schema: {
        tags,
        summary: 'One complaint, with its deadlines, answer, mediator and the contacts it is about',
        params: idParams,
        response: { 200: complaintSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getComplaint(deps, request.actor!, request.params.id),
  );
}

function handlingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/complaints/:id/acknowledgement',
    {
      config: { access: { permission: 'complaints.handle' } },
      schema: {
        tags,
        summary: 'Record that the complaint was acknowledged today',
        params: idParams,
        response: { 200: complaintSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => acknowledgeComplaint(deps, request.actor!, request.params.id, String(request.id)),
  );
  r.post(
    '/api/v1/complaints/:id/answer',
    {
      config: { access: { permission: 'complaints.handle' } },
      schema: {
        tags,
        summary: 'Answer the complaint: outcome, answer, root cause, measures; a refusal carries the mediator',
        params: idParams,
        body: answerComplaintBody,
        response: { 200: complaintSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => answerComplaint(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  r.post(
    '/api/v1/complaints/:id/closure',
    {
      config: { access: { permission: 'complaints.handle' } },
      schema: {
        tags,
        summary: 'Close an answered complaint, or record that the person took it to the mediator',
        params: idParams,
        body: closeComplaintBody,
        response: { 200: complaintSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => closeComplaint(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
}
