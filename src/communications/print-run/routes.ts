import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { fileResponse, idParams, problemResponses } from '../../platform/http/schemas.js';
import { confirmPosting } from './confirm-posting.js';
import {
  confirmPostingBody,
  markReturnedBody,
  markReturnedReportSchema,
  returnCandidatesSchema,
  returnSearchQuery,
  printRunListSchema,
  printRunSchema,
  returnedMailBody,
  returnedMailResultSchema,
  returnsReportSchema,
} from './contract.js';
import type { RunFile } from './files.js';
import { preparePrintRun } from './prepare.js';
import { abandonPrintRun, resumePrintRun } from './recover.js';
import { findReturnCandidates, markLettersReturned } from './return-search.js';
import { recordReturnedMail } from './returned-mail.js';
import { importReturns } from './returns.js';
import { downloadRunFile, listPrintRuns, printRunView } from './view.js';

const tags = ['communications'];
const access = { access: { permission: 'print_runs.manage' as const } };
/** A mail house's list of returns: a few thousand lines at most. */
const RETURNS_LIMIT_BYTES = 1024 * 1024;

/** The day's print run for the mail house, its files and posting, and the letters that come back (NPAI). */
export function printRunRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/print-runs',
    {
      config: access,
      schema: {
        tags,
        summary: 'The print runs, the latest first',
        response: { 200: printRunListSchema, ...problemResponses(401, 403) },
      },
    },
    async () => listPrintRuns(deps),
  );
  r.post(
    '/api/v1/print-runs',
    {
      config: access,
      schema: {
        tags,
        summary:
          "Prepare today's print run: the first letter of every open case not yet written to, each issued on its own (refusals listed), one PDF and a manifest",
        response: { 201: printRunSchema, ...problemResponses(401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await preparePrintRun(deps, request.actor!, String(request.id))),
  );
  r.get(
    '/api/v1/print-runs/:id',
    {
      config: access,
      schema: {
        tags,
        summary: 'A print run: its letters in the PDF’s order and the cases it left out',
        params: idParams,
        response: { 200: printRunSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => printRunView(deps, request.params.id),
  );
  const download = (path: string, file: RunFile, mediaType: string, summary: string) =>
    r.get(
      path,
      {
        config: access,
        schema: {
          tags,
          summary,
          params: idParams,
          response: { 200: fileResponse(mediaType), ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { body, fileName } = await downloadRunFile(
          deps,
          request.actor!,
          request.params.id,
          file,
          String(request.id),
        );
        return reply
          .type(file === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(body);
      },
    );
  download('/api/v1/print-runs/:id/letters.pdf', 'pdf', 'application/pdf', "The run's letters as one PDF");
  download(
    '/api/v1/print-runs/:id/manifest.csv',
    'manifest',
    'text/csv; charset=utf-8',
    "The run's manifest for the mail house (CSV), with the total pages and sheets",
  );
  r.post(
    '/api/v1/print-runs/:id/posting',
    {
      config: access,
      schema: {
        tags,
        summary: 'Confirm the run was handed to the mail house on a day (once: 409 the second time)',
        params: idParams,
        body: confirmPostingBody,
        response: { 200: printRunSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      confirmPosting(deps, request.actor!, request.params.id, request.body.postedOn, String(request.id)),
  );
  registerRecoveryRoutes(app, deps);
  registerReturnRoutes(app, deps);
}

/** A run a crash left preparing, once stuck: finished with its letters, or abandoned (they go into the next run). */
function registerRecoveryRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const recover = { access: { permission: 'print_runs.recover' as const } };
  const acts = [
    [
      'resume',
      'Finish a print run stuck in preparation (no sign of life for the limit) with the letters it issued: its PDF and manifest written, the run ready',
      resumePrintRun,
    ],
    [
      'abandon',
      'Abandon a print run stuck in preparation: no files; its letters, issued on their cases, are printed by the next run',
      abandonPrintRun,
    ],
  ] as const;
  for (const [verb, summary, act] of acts)
    r.post(
      `/api/v1/print-runs/:id/${verb}`,
      {
        config: recover,
        schema: {
          tags,
          summary,
          params: idParams,
          response: { 200: printRunSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => act(deps, request.actor!, request.params.id, String(request.id)),
    );
}

/** Returned letters: one on its case (agents and above), or the mail house's list on its run. */
function registerReturnRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/cases/:id/returned-mail',
    {
      config: { access: { permission: 'contacts.record' } },
      schema: {
        tags,
        summary:
          'A letter came back undelivered (NPAI): its address marked undeliverable, a trace task opened; the same address again changes nothing',
        params: idParams,
        body: returnedMailBody,
        response: { 200: returnedMailResultSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => recordReturnedMail(deps, request.actor!, request.params.id, request.body, String(request.id)),
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/print-run-letters',
    {
      config: access,
      schema: {
        tags,
        summary:
          'The letters of the recent print runs whose reference or printed name and address contain the query: returned envelopes found by what they show',
        querystring: returnSearchQuery,
        response: { 200: returnCandidatesSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => findReturnCandidates(deps, request.query.q),
  );
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/print-run-letters/returned',
    {
      config: access,
      schema: {
        tags,
        summary:
          'Several letters came back undelivered (NPAI): each recorded on its case as a returned letter, on its own; the same letters again change nothing',
        body: markReturnedBody,
        response: { 200: markReturnedReportSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => markLettersReturned(deps, request.actor!, request.body, String(request.id)),
  );
  // The mail house's list of returns is sent as the raw CSV; only this scope accepts CSV bodies.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: RETURNS_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/print-runs/:id/returns',
      {
        config: access,
        bodyLimit: RETURNS_LIMIT_BYTES,
        schema: {
          tags,
          summary: "The mail house's list of the run's returned letters (CSV: letter reference; return date; reason)",
          description: 'Send the file as the raw body with Content-Type text/csv. Each line is recorded on its own.',
          params: idParams,
          response: { 200: returnsReportSchema, ...problemResponses(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string')
          throw new AppError(
            'request.unsupported_media_type',
            415,
            'Send the list of returns as the raw body with Content-Type text/csv.',
          );
        return importReturns(deps, request.actor!, request.params.id, request.body, String(request.id));
      },
    );
  });
}
