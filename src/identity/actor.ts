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

/**
 * The person a debt is claimed from, acting for themselves on the debtor portal: no user of Accord, the portal as the
 * source. A writer shared by staff and the portal takes an `ActingParty` and records who acted from it.
 */
export interface DebtorOnPortal {
  kind: typeof DEBTOR_ON_PORTAL;
  debtorId: string;
}
export const DEBTOR_ON_PORTAL = 'debtor_on_portal';

/** Who acts on a record: a signed-in user of Accord, or the debtor on the portal. */
export type ActingParty = Actor | DebtorOnPortal;

/** Where an act came from, as the records keep it beside the acting user (null for the portal). */
export type ActedVia = 'user' | 'portal';

export function debtorOnPortal(debtorId: string): DebtorOnPortal {
  return { kind: DEBTOR_ON_PORTAL, debtorId };
}

export function isDebtorOnPortal(party: ActingParty): party is DebtorOnPortal {
  return 'kind' in party && party.kind === DEBTOR_ON_PORTAL;
}

/** The user who acted, or null for the debtor on the portal. */
export function actingUserId(party: ActingParty): string | null {
  return isDebtorOnPortal(party) ? null : party.userId;
}

export function actedVia(party: ActingParty): ActedVia {
  return isDebtorOnPortal(party) ? 'portal' : 'user';
}

/** The acting party in the audit trail: the user and role, or no user and the role `debtor`. */
export function partyAuditActor(party: ActingParty): AuditActor {
  return isDebtorOnPortal(party) ? { userId: null, role: 'debtor' } : auditActor(party);
}
