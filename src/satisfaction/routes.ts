import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { problemResponses } from '../platform/http/schemas.js';
import {
  figuresQuery,
  satisfactionCommentsSchema,
  satisfactionFiguresSchema,
  satisfactionSettingsBody,
  satisfactionSettingsSchema,
  surveyAnswerBody,
  surveyParams,
  surveySchema,
} from './contract.js';
import { satisfactionComments, satisfactionFigures } from './figures.js';
import { changeSatisfactionSettings, readSatisfactionSettings } from './settings.js';
import { answerSurvey, readSurvey } from './survey.js';

const tags = ['satisfaction'];
const surveyLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/** Debtor satisfaction: the survey behind its single-use link (public), and the figures and comments for staff. */
export function satisfactionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/satisfaction/survey/:token',
    {
      config: { access: 'public', ...surveyLimit },
      schema: {
        tags,
        summary: 'A survey behind its link: whether it may still be answered, in the debtor’s language',
        params: surveyParams,
        response: { 200: surveySchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => readSurvey(deps, request.params.token),
  );
  r.post(
    '/api/v1/satisfaction/survey/:token',
    {
      config: { access: 'public', ...surveyLimit },
      schema: {
        tags,
        summary: 'Answer a survey, once: a score of 1-5, an optional ease and comment (kept minimised)',
        params: surveyParams,
        body: surveyAnswerBody,
        response: { 201: z.object({ recorded: z.literal(true) }), ...problemResponses(400, 404, 409, 410, 429) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return answerSurvey(deps, request.params.token, request.body, String(request.id));
    },
  );
  r.get(
    '/api/v1/satisfaction/figures',
    {
      config: { access: { permission: 'satisfaction.read' } },
      schema: {
        tags,
        summary:
          'CSAT with its count and 95 % interval and the response rate, by agent, team, creditor, channel, month',
        querystring: figuresQuery,
        response: { 200: satisfactionFiguresSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => satisfactionFigures(deps, request.query.months),
  );
  r.get(
    '/api/v1/satisfaction/comments',
    {
      config: { access: { permission: 'satisfaction.comments' } },
      schema: {
        tags,
        summary: 'The debtors’ comments, minimised, newest first (a team leader reads their team’s)',
        response: { 200: satisfactionCommentsSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => satisfactionComments(deps, request.actor!),
  );
  r.get(
    '/api/v1/satisfaction/settings',
    {
      config: { access: { permission: 'satisfaction.read' } },
      schema: {
        tags,
        summary:
          'The survey’s settings: the gap between invitations, the window, the link’s validity, the minimum sample',
        response: { 200: satisfactionSettingsSchema, ...problemResponses(401, 403) },
      },
    },
    async () => readSatisfactionSettings(deps.db),
  );
  r.put(
    '/api/v1/satisfaction/settings',
    {
      config: { access: { permission: 'satisfaction.settings' } },
      schema: {
        tags,
        summary: 'Change the survey’s settings from now on, with the reason; audited with the figures before and after',
        body: satisfactionSettingsBody,
        response: { 200: satisfactionSettingsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => changeSatisfactionSettings(deps, request.actor!, request.body, String(request.id)),
  );
}
