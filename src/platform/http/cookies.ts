import type { Deps } from '../deps.js';

/** Whether a session cookie is marked Secure: as configured, or (`auto`) when the request came over HTTPS. */
export function cookieSecure(deps: Deps, protocol: string): boolean {
  if (deps.config.COOKIE_SECURE === 'auto') return protocol === 'https';
  return deps.config.COOKIE_SECURE === 'true';
}
