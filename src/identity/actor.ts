import type { Locale, Role } from '../platform/db/schema.js';
import type { AuditActor } from '../audit/append.js';

/** The signed-in person making a request. */
export interface Actor {
  userId: string;
  role: Role;
  /** Set for creditor users only: the one creditor whose data they may see. */
  creditorId: string | null;
  displayName: string;
  email: string;
  locale: Locale;
}

export function auditActor(actor: Actor): AuditActor {
  return { userId: actor.userId, role: actor.role };
}
