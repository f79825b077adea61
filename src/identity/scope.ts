import type { Actor } from './actor.js';

/**
 * Creditor isolation. Agency staff work across creditors; a creditor user is confined to its own.
 * `creditorScope` gives the creditor id a query must be limited to, or null for no limit.
 */
export function creditorScope(actor: Actor): string | null {
  return actor.role === 'creditor_user' ? actor.creditorId : null;
}

export function mayAccessCreditor(actor: Actor, creditorId: string): boolean {
  const scope = creditorScope(actor);
  return scope === null || scope === creditorId;
}
