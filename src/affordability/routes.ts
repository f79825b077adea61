import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import { computeAssessment, readAssessments, recordAssessment } from './assessments.js';
import {
  loadReferenceData,
  saveLivingFloor,
  saveRsaAmounts,
  saveSeizureScale,
  saveStandardAllowance,
} from './reference-data.js';
import {
  assessmentBody,
  assessmentListSchema,
  assessmentsQuery,
  assessmentVersionSchema,
  capacityResultSchema,
  debtorParams,
  livingFloorBody,
  livingFloorParams,
  livingFloorSchema,
  referenceDataSchema,
  rsaAmountsBody,
  rsaAmountsParams,
  rsaAmountsSchema,
  seizureScaleBody,
  seizureScaleParams,
  seizureScaleSchema,
  standardAllowanceBody,
  standardAllowanceParams,
  standardAllowanceSchema,
} from './contract.js';

/** Affordability: household budgets and their repayment capacity, and the dated reference data they are computed with. */
export function affordabilityRoutes(app: FastifyInstance, deps: Deps) {
  registerAssessmentRoutes(app, deps);
  registerIncomeReferenceRoutes(app, deps);
  registerBudgetReferenceRoutes(app, deps);
}

/** Budgets: computed without saving, a debtor's recorded versions, a new version. */
function registerAssessmentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/affordability/assessments',
    {
      config: { access: { permission: 'affordability.compute' } },
      schema: {
        tags: ['affordability'],
        summary: 'Compute the repayment capacity of a household budget (REGULATION.md §7), without saving it',
        body: assessmentBody,
        response: { 200: capacityResultSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => computeAssessment(deps, request.body),
  );

  r.get(
    '/api/v1/debtors/:id/assessments',
    {
      config: { access: { permission: 'affordability.read' } },
      schema: {
        tags: ['affordability'],
        summary:
          "A debtor's recorded budgets, newest version first; health lines masked unless the reader has need-to-know (care team, compliance, the case's holder) or, as a team leader or manager, states a reason. Every read is recorded.",
        params: debtorParams,
        querystring: assessmentsQuery,
        response: { 200: assessmentListSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => readAssessments(deps, request.actor!, request.params.id, request.query.reason, request.id),
  );

  r.post(
    '/api/v1/debtors/:id/assessments',
    {
      config: { access: { permission: 'affordability.record' } },
      schema: {
        tags: ['affordability'],
        summary: "Record a budget as the debtor's next version, computed with the reference data in force at its date",
        params: debtorParams,
        body: assessmentBody,
        response: { 201: assessmentVersionSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordAssessment(deps, request.actor!, request.params.id, request.body, request.id)),
  );
}

/** The reference data read, and its income figures corrected: seizure scales, RSA amounts. */
function registerIncomeReferenceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/affordability/reference-data',
    {
      config: { access: { permission: 'reference_data.read' } },
      schema: {
        tags: ['affordability'],
        summary:
          'The dated reference data: seizure scales by year, RSA amounts by effective date, standard allowances, living floors',
        response: { 200: referenceDataSchema, ...problemResponses(401, 403) },
      },
    },
    async () => loadReferenceData(deps.db),
  );

  r.put(
    '/api/v1/affordability/reference-data/seizure-scales/:year',
    {
      config: { access: { permission: 'reference_data.manage' } },
      schema: {
        tags: ['affordability'],
        summary: "Add or correct a year's wage-seizure scale (audited)",
        params: seizureScaleParams,
        body: seizureScaleBody,
        response: { 200: seizureScaleSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) =>
      saveSeizureScale(deps, {
        actor: request.actor!,
        requestId: request.id,
        row: { year: request.params.year, ...request.body },
      }),
  );

  r.put(
    '/api/v1/affordability/reference-data/rsa-amounts/:effectiveFrom',
    {
      config: { access: { permission: 'reference_data.manage' } },
      schema: {
        tags: ['affordability'],
        summary: 'Add or correct the RSA amounts in force from a date (audited)',
        params: rsaAmountsParams,
        body: rsaAmountsBody,
        response: { 200: rsaAmountsSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) =>
      saveRsaAmounts(deps, {
        actor: request.actor!,
        requestId: request.id,
        row: { effectiveFrom: request.params.effectiveFrom, ...request.body },
      }),
  );
}

/** The reference data's budget figures corrected: standard allowances, living floors. */
function registerBudgetReferenceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put(
    '/api/v1/affordability/reference-data/standard-allowances/:category/:effectiveFrom',
    {
      config: { access: { permission: 'reference_data.manage' } },
      schema: {
        tags: ['affordability'],
        summary: 'Add or correct a standard allowance in force from a date (audited)',
        params: standardAllowanceParams,
        body: standardAllowanceBody,
        response: { 200: standardAllowanceSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) =>
      saveStandardAllowance(deps, {
        actor: request.actor!,
        requestId: request.id,
        row: { ...request.params, ...request.body },
      }),
  );

  r.put(
    '/api/v1/affordability/reference-data/living-floors/:effectiveFrom',
    {
      config: { access: { permission: 'reference_data.manage' } },
      schema: {
        tags: ['affordability'],
        summary:
          'Add or correct the floor a household keeps after its expenses and the repayment, from a date (audited)',
        params: livingFloorParams,
        body: livingFloorBody,
        response: { 200: livingFloorSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) =>
      saveLivingFloor(deps, {
        actor: request.actor!,
        requestId: request.id,
        row: { effectiveFrom: request.params.effectiveFrom, ...request.body },
      }),
  );
}
