/**
 * The one way the web app talks to the Accord API: same-origin cookies for the session, the CSRF token on every
 * write, and problem+json errors turned into a typed ApiError whose `detail` can be shown to the user.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly problem: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** Thrown when the server cannot be reached at all (status 0): the UI explains it in the user's language. */
export const NETWORK_ERROR_CODE = 'network.unreachable';

type QueryValue = string | number | undefined | null;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. the Idempotency-Key of a payment). */
  headers?: Record<string, string>;
}

let csrfToken: string | null = null;
let sessionLostHandler: (() => void) | null = null;

/** The token comes from the sign-in answer or GET /me; the server refuses writes without it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 to a signed-in request (expired or ended session). */
export function onSessionLost(handler: (() => void) | null): void {
  sessionLostHandler = handler;
}

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function problemFrom(status: number, statusText: string, body: Record<string, unknown>): ApiError {
  const code = typeof body.code === 'string' ? body.code : `http.${status}`;
  const detail = typeof body.detail === 'string' ? body.detail : `${status} ${statusText}`.trim();
  return new ApiError(status, code, detail, body);
}

async function readProblem(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy or a crash may answer with HTML or nothing: fall back to the status line.
  }
  return problemFrom(response.status, response.statusText, body);
}

async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  // No Content-Type without a body: the server rejects a declared JSON body that is empty.
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR_CODE, 'The Accord server could not be reached.');
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    // A refused sign-in is no lost session.
    if (response.status === 401 && path !== '/api/v1/auth/login' && !path.startsWith('/api/portal/v1/sign-in'))
      sessionLostHandler?.();
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>, signal?: AbortSignal) =>
    request<T>('POST', path, { body, headers, signal }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * GETs a file (an export) and hands it to the browser as a download under the name the server gave. A problem comes
 * back as an ApiError, as for any request, instead of a page of JSON in a new tab.
 */
export async function download(path: string, query?: Query): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(query)}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, NETWORK_ERROR_CODE, 'The Accord server could not be reached.');
  }
  if (!response.ok) {
    if (response.status === 401) sessionLostHandler?.();
    throw await readProblem(response);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  // The exact name (RFC 8187) when the server gives one, else its ASCII fallback.
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const fileName = exact ? decodeURIComponent(exact) : (/filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; the address is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface UploadOptions {
  query?: Query;
  /** The file, sent as the raw body. */
  body: Blob;
  contentType: string;
  /** Bytes sent so far, from the browser's upload progress events. */
  onProgress?: (progress: { loaded: number; total: number }) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file as the raw request body with XMLHttpRequest, which (unlike fetch) reports upload progress. Same
 * rules as the other requests: the CSRF token, problem+json errors as ApiError, a 401 ends the session.
 */
export function upload<T>(path: string, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const settle = () => options.signal?.removeEventListener('abort', abort);
    xhr.open('POST', `${path}${toQueryString(options.query)}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Content-Type', options.contentType);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : options.body.size });
    };
    xhr.onload = () => {
      settle();
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        // Not JSON (a proxy's page): the status line says what happened.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      if (xhr.status === 401) sessionLostHandler?.();
      reject(problemFrom(xhr.status, xhr.statusText, body));
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError(0, NETWORK_ERROR_CODE, 'The Accord server could not be reached.'));
    };
    xhr.onabort = () => {
      settle();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', abort);
    xhr.send(options.body);
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
