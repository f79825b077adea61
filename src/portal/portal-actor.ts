import type { AuditActor } from '../audit/append.js';

/** Who acts on the portal, in the audit trail: the debtor (the entry names which, by its target or its facts). */
export const PORTAL_ACTOR: AuditActor = { userId: null, role: 'debtor' };
