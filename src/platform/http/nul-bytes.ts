import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.js';

/** Enough for any body the API takes; deeper JSON is refused by the route's schema anyway. */
const MAX_DEPTH = 64;

/**
 * The path of the first string holding a NUL character (U+0000) in a parsed value, or null. PostgreSQL refuses NUL
 * in text and jsonb, and no name, note or search term needs one. Iterative, so a deeply nested body cannot exhaust
 * the stack; past MAX_DEPTH it stops looking (the route's schema refuses such a body).
 */
export function findNulByte(value: unknown, root: string): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (
      current !== null &&
      typeof current === 'object' &&
      depth < MAX_DEPTH &&
      !Buffer.isBuffer(current) &&
      !isStream(current)
    ) {
      for (const [key, inner] of Object.entries(current)) {
        if (key.includes('\u0000')) return path;
        stack.push({ value: inner, path: `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return null;
}

function isStream(value: object): boolean {
  return typeof (value as { pipe?: unknown }).pipe === 'function';
}

/**
 * preValidation hook: a NUL character anywhere in the path, the query string or a JSON body is refused with 400
 * `request.nul_byte` before a route sees it. Raw uploads (buffers, streams) are checked by their own parsers.
 */
export async function refuseNulBytes(request: FastifyRequest, reply: FastifyReply) {
  const where =
    findNulByte(request.params, 'params') ?? findNulByte(request.query, 'query') ?? findNulByte(request.body, 'body');
  if (where === null) return;
  // The value itself is not echoed: it may be a name, a note or something more sensitive.
  return sendProblem(
    request,
    reply,
    400,
    'request.nul_byte',
    `${where} contains a NUL character (\\u0000), which Accord cannot store: remove it and send again.`,
    { path: where },
  );
}
