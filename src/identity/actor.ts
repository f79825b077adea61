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

/** A member of the agency's staff (no creditor) acting as themselves, in French: scripts, demo data, benchmarks. */
export function staffActor(user: { id: string; role: Role; display_name: string; email: string }): Actor {
  return {
    userId: user.id,
    role: user.role,
    creditorId: null,
    displayName: user.display_name,
    email: user.email,
    locale: 'fr',
  };
}
