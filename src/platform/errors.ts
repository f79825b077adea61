/**
 * Typed errors with stable codes. The HTTP layer turns them into application/problem+json (RFC 9457):
 * `code` is stable for programs, `detail` tells a person what to fix.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) =>
  new AppError('not_found', 404, `${what} was not found, or you may not see it.`);

export const unauthenticated = () =>
  new AppError('auth.required', 401, 'Sign in first: this request needs a valid session.');

export const forbidden = (permission: string) =>
  new AppError('auth.forbidden', 403, `Your role does not allow this action (needs permission "${permission}").`, {
    permission,
  });

export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(code, 409, message, extra);

export const invalid = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(code, 422, message, extra);
