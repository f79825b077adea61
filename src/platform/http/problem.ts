import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

/** RFC 9457 problem details, with Accord's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Fastify's own request errors, given stable Accord codes and messages that say what to fix. */
const FASTIFY_ERRORS: Record<string, { code: string; status: number; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'request.malformed_json',
    status: 400,
    detail: 'The request body is not valid JSON: check quotes, commas and brackets.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'request.empty_body',
    status: 400,
    detail: 'The request declares a JSON body but sends none: send a JSON object, or drop the Content-Type header.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'request.too_large',
    status: 413,
    detail: 'The request body is larger than this endpoint accepts: send less data per request.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'request.unsupported_media_type',
    status: 415,
    detail: 'This endpoint accepts application/json bodies: set Content-Type: application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'request.bad_content_length',
    status: 400,
    detail: 'The Content-Length header does not match the body sent.',
  },
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  const problem: Problem = {
    type: `urn:accord:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: String(request.id),
    ...extra,
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(problem);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return sendProblem(request, reply, error.status, error.code, error.message, error.extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => {
      const where = [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.');
      return { path: where, message: describeIssue(issue.keyword, issue.params as Record<string, unknown>, issue.message) };
    });
    const first = errors[0];
    return sendProblem(
      request,
      reply,
      400,
      'request.validation_failed',
      first ? `${first.path}: ${first.message}` : 'The request does not match what this endpoint expects.',
      { errors },
    );
  }
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known) return sendProblem(request, reply, known.status, known.code, known.detail);
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return sendProblem(request, reply, 400, 'request.malformed_json', FASTIFY_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY!.detail);
  }
  if (error.statusCode === 429) {
    return sendProblem(request, reply, 429, 'request.rate_limited', 'Too many requests: wait a minute and try again.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(request, reply, error.statusCode, 'request.invalid', error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    request,
    reply,
    500,
    'internal_error',
    'Something went wrong on our side; nothing was changed. Try again, and quote the request id if it persists.',
  );
}

function describeIssue(keyword: string, params: Record<string, unknown>, message: string | undefined): string {
  const keys = params.keys as string[] | undefined;
  if (keyword === 'unrecognized_keys' && keys) {
    return `unknown field(s) ${keys.map((k) => `"${k}"`).join(', ')}: remove them`;
  }
  return message ?? 'is invalid';
}
