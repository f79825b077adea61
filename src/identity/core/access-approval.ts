import { can, permissionsOf } from './permissions.js';
import type { Role } from './roles.js';

/**
 * Separation of duties (issue 13): an administrator manages accounts but may not, alone, give an account access to
 * debtor data. Whether a change of account needs a second person's approval is decided here, purely.
 */

/** A role that reads case data (holds `cases.read`): giving it to someone is a four-eyes act. */
export function readsCaseData(role: Role): boolean {
  return can(role, 'cases.read');
}

/** Roles that approve or refuse such requests; never the person who asked, never the account concerned. */
export const ACCESS_APPROVER_ROLES = ['compliance_officer', 'manager'] as const satisfies readonly Role[];

export interface AccountAccess {
  role: Role;
  creditorId: string | null;
}

/**
 * Does moving an account from `from` (null: a new account) to `to` need approval? A new account needs it when its
 * role reads case data. A change of an existing account needs it whenever it adds something (issue 21): a permission
 * the old role did not have, or another creditor binding, so a creditor's user never becomes agency staff (nor the
 * reverse) without a second person. Lowering a role (the new permissions a subset of the old ones, same creditor) is
 * immediate.
 */
export function needsAccessApproval(from: AccountAccess | null, to: AccountAccess): boolean {
  if (from === null) return readsCaseData(to.role);
  if (to.creditorId !== from.creditorId) return true;
  const before = new Set(permissionsOf(from.role));
  return permissionsOf(to.role).some((permission) => !before.has(permission));
}

export type AccessDecisionRefusal = 'not_an_approver' | 'own_request' | 'own_account' | 'not_pending';

/** Who may decide a pending request: an approver role, not the requester, not the account it concerns. */
export function accessDecisionRefusal(
  approver: { userId: string; role: Role },
  request: { userId: string; requestedBy: string; status: string },
): AccessDecisionRefusal | null {
  if (!(ACCESS_APPROVER_ROLES as readonly Role[]).includes(approver.role)) return 'not_an_approver';
  if (request.status !== 'pending') return 'not_pending';
  if (approver.userId === request.requestedBy) return 'own_request';
  if (approver.userId === request.userId) return 'own_account';
  return null;
}

/**
 * Does setting a new password on `accountId` need approval? Whenever a person sets it on someone else's account:
 * knowing it, they could sign in as that person. Not only for roles that read case data today, since an
 * administrator may lower a role at once (to administrator, say), reset the password and ask to raise it back, and
 * the approver of that raise would not know who holds the password. A person setting their own is not concerned,
 * nor the operator on the server (`actorUserId` null), who already holds the database.
 */
export function passwordResetNeedsApproval(actorUserId: string | null, accountId: string): boolean {
  return actorUserId !== null && actorUserId !== accountId;
}
