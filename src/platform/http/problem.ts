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
  // The problem's own members come last: a fact an error carries under the same name (a case's `status`) never
  // replaces them.
  const problem: Problem = {
    ...extra,
    type: `urn:accord:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: String(request.id),
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(problem);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    // A refusal that ends at a known moment says when, in seconds, as HTTP clients and proxies understand it.
    const retryAfter = error.extra.retryAfterSeconds;
    if (typeof retryAfter === 'number' && Number.isFinite(retryAfter))
      reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
    return sendProblem(request, reply, error.status, error.code, error.message, error.extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => {
      const where = [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.');
      return {
        path: where,
        message: describeIssue(issue.keyword, issue.params as Record<string, unknown>, issue.message),
      };
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
    return sendProblem(
      request,
      reply,
      400,
      'request.malformed_json',
      FASTIFY_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY!.detail,
    );
  }
  const refused = databaseRefusal(error);
  if (refused) {
    // A safety net: each of these is a missing check at the edge. The database's message may quote the value, so
    // only the SQLSTATE and the constraint are logged.
    request.log.warn(
      { sqlState: refused.sqlState, constraint: refused.constraint },
      'client data refused by the database',
    );
    return sendProblem(request, reply, refused.status, refused.code, refused.detail);
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

/**
 * PostgreSQL errors that only a client's data can cause (a value of the wrong form, a date or a number out of
 * range, a reference to a record that does not exist, a check the row fails), as 4xx problems instead of a 500.
 */
const CLIENT_DATA_SQLSTATES: Record<string, { status: number; code: string; detail: string }> = {
  '22P02': {
    status: 400,
    code: 'request.invalid_value',
    detail:
      'A value in the request does not have the form its field needs (a number, an id, a date): check each field against /api/docs.',
  },
  '22007': {
    status: 400,
    code: 'request.invalid_date',
    detail:
      'A date or time in the request is not valid: write dates as YYYY-MM-DD and instants as ISO 8601 with an offset.',
  },
  '22008': {
    status: 400,
    code: 'request.invalid_date',
    detail: 'A date or time in the request is out of range: use a real date between 1900 and 2199.',
  },
  '22003': {
    status: 422,
    code: 'request.number_out_of_range',
    detail: 'A number in the request is too large or too small for what it counts: send a smaller value.',
  },
  '22021': {
    status: 400,
    code: 'request.invalid_text',
    detail:
      'A text in the request holds bytes that are not valid UTF-8 or a NUL character: remove them and send again.',
  },
  '22001': {
    status: 422,
    code: 'request.text_too_long',
    detail: 'A text in the request is longer than its field allows: shorten it.',
  },
  '23503': {
    status: 422,
    code: 'request.unknown_reference',
    detail:
      'The request names a record that does not exist (an id of a team, creditor, case or other record): check the ids you send.',
  },
  '23514': {
    status: 422,
    code: 'request.check_failed',
    detail: 'A value in the request breaks a rule of the record it changes: check the values against /api/docs.',
  },
};

function databaseRefusal(
  error: unknown,
): ({ sqlState: string; constraint: string | null } & (typeof CLIENT_DATA_SQLSTATES)[string]) | null {
  if (error === null || typeof error !== 'object') return null;
  const { code, severity, constraint } = error as { code?: unknown; severity?: unknown; constraint?: unknown };
  // Both pg and PGlite raise a DatabaseError carrying the server's severity and SQLSTATE.
  if (typeof code !== 'string' || typeof severity !== 'string') return null;
  const known = CLIENT_DATA_SQLSTATES[code];
  return known ? { ...known, sqlState: code, constraint: typeof constraint === 'string' ? constraint : null } : null;
}

function describeIssue(keyword: string, params: Record<string, unknown>, message: string | undefined): string {
  const keys = params.keys as string[] | undefined;
  if (keyword === 'unrecognized_keys' && keys) {
    return `unknown field(s) ${keys.map((k) => `"${k}"`).join(', ')}: remove them`;
  }
  return message ?? 'is invalid';
}
