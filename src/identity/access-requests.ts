import type { Transaction } from 'kysely';
import type { Deps } from '../platform/deps.js';
import type { DB, Role } from '../platform/db/schema.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { appendAudit, type AuditActor } from '../audit/append.js';
import { accessDecisionRefusal, needsAccessApproval } from './core/access-approval.js';
import type { Actor } from './actor.js';
import { auditActor } from './actor.js';
import type { AccessRequestStatus, AccessRequestView, PendingAccess } from './contract.js';

/**
 * Access requests (separation of duties, core/access-approval.ts): a new account, or a raised role, that would read
 * case data waits here until a manager or a compliance officer other than the requester approves it. Until then a
 * new account is inactive and a raised user keeps its old role.
 */

/** What the account gains: access (a new account, a raised role), or a password set by someone else. */
export type AccessKind = 'creation' | 'role_change';
export type AccessRequestKind = AccessKind | 'password_reset';

/** The two families of requests pending side by side: one about the account's access, one password reset. */
type RequestFamily = 'access' | 'password';
const familyKinds = (family: RequestFamily): AccessRequestKind[] =>
  family === 'password' ? ['password_reset'] : ['creation', 'role_change'];
const familyOf = (kind: AccessRequestKind): RequestFamily => (kind === 'password_reset' ? 'password' : 'access');

interface RequestSummary<Kind extends AccessRequestKind> {
  requestId: string;
  kind: Kind;
  role: Role;
  creditorId: string | null;
  requestedAt: string;
}

/**
 * Opens a request (withdrawing any of the same family the user still had pending) and audits it, in the caller's
 * transaction. A password reset carries the new password's hash, never audited.
 */
export async function openAccessRequest<Kind extends AccessRequestKind>(
  trx: Transaction<DB>,
  input: {
    userId: string;
    kind: Kind;
    fromRole: Role | null;
    role: Role;
    creditorId: string | null;
    actor: AuditActor;
    requestId: string | null;
    at: Date;
    passwordHash?: string;
  },
): Promise<RequestSummary<Kind>> {
  if (!input.actor.userId) throw new Error('an access request needs a person as requester');
  if (input.kind !== 'password_reset' && input.passwordHash !== undefined)
    throw new Error('only a password reset carries a password hash');
  await withdrawPendingAccess(trx, input.userId, input.actor, input.requestId, input.at, familyOf(input.kind));
  const row = await trx
    .insertInto('user_access_requests')
    .values({
      user_id: input.userId,
      kind: input.kind,
      from_role: input.fromRole,
      role: input.role,
      creditor_id: input.creditorId,
      requested_by: input.actor.userId,
      requested_at: input.at,
      password_hash: input.passwordHash ?? null,
    })
    .returning(['id', 'kind', 'role', 'creditor_id', 'requested_at'])
    .executeTakeFirstOrThrow();
  const pending = toPending(row) as RequestSummary<Kind>;
  await appendAudit(trx, {
    actor: input.actor,
    action: 'user_access.requested',
    targetType: 'user',
    targetId: input.userId,
    creditorId: input.creditorId,
    after: { ...pending, fromRole: input.fromRole },
    requestId: input.requestId,
    at: input.at,
  });
  return pending;
}

/**
 * The administrator changed its mind (another role, a lowering, another new password): the pending request of that
 * family is withdrawn, audited; a withdrawn password reset's hash is discarded.
 */
export async function withdrawPendingAccess(
  trx: Transaction<DB>,
  userId: string,
  actor: AuditActor,
  requestId: string | null,
  at: Date,
  family: RequestFamily = 'access',
) {
  const withdrawn = await trx
    .updateTable('user_access_requests')
    .set({ status: 'withdrawn', decided_at: at, password_hash: null })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .where('kind', 'in', familyKinds(family))
    .returning(['id', 'kind', 'role', 'creditor_id'])
    .execute();
  for (const row of withdrawn) {
    await appendAudit(trx, {
      actor,
      action: 'user_access.withdrawn',
      targetType: 'user',
      targetId: userId,
      creditorId: row.creditor_id,
      after: { requestId: row.id, kind: row.kind, role: row.role },
      requestId,
      at,
    });
  }
}

/** The pending requests about access of some users, by user id (for the users list; password resets are listed apart). */
export async function pendingAccessOf(
  db: Deps['db'] | Transaction<DB>,
  userIds: readonly string[],
): Promise<Map<string, PendingAccess>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('user_access_requests')
    .select(['id', 'user_id', 'kind', 'role', 'creditor_id', 'requested_at'])
    .where('user_id', 'in', userIds)
    .where('status', '=', 'pending')
    .where('kind', 'in', familyKinds('access'))
    .execute();
  return new Map(rows.map((row) => [row.user_id, toPending(row) as PendingAccess]));
}

/**
 * Resets the password of someone else's account the four-eyes way (issue 21): nobody but the account's person ever
 * chooses it. The request waits for a manager or a compliance officer; meanwhile the account cannot sign in
 * (login.ts); once approved, it must choose a new password at its next sign-in. The caller ends the account's
 * sessions in the same transaction. (Requests opened before carried an administrator's password hash: still honoured.)
 * A person who forgot their password asks from the sign-in page (`forgotten-password.ts`): the request is theirs and
 * carries the hash of the password they chose, put on the account at approval.
 */
export async function requestPasswordReset(
  trx: Transaction<DB>,
  account: { id: string; role: Role; creditor_id: string | null },
  actor: AuditActor,
  requestId: string | null,
  at: Date,
  chosen: { passwordHash?: string } = {},
) {
  const input = {
    userId: account.id,
    kind: 'password_reset' as const,
    fromRole: account.role,
    role: account.role,
    creditorId: account.creditor_id,
  };
  return openAccessRequest(trx, { ...input, actor, requestId, at, ...chosen });
}

/** The new password waiting for approval on an account, if any (sign-in refuses the account meanwhile). */
export async function pendingPasswordReset(db: Deps['db'] | Transaction<DB>, userId: string) {
  return db
    .selectFrom('user_access_requests')
    .select(['id', 'password_hash', 'requested_by'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'password_reset')
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** The latest creation request of a user, if it was created through one. */
export async function lastCreationRequest(trx: Transaction<DB>, userId: string) {
  return trx
    .selectFrom('user_access_requests')
    .select(['id', 'status'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'creation')
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

function toPending(row: {
  id: string;
  kind: AccessRequestKind;
  role: Role;
  creditor_id: string | null;
  requested_at: Date;
}): RequestSummary<AccessRequestKind> {
  return {
    requestId: row.id,
    kind: row.kind,
    role: row.role,
    creditorId: row.creditor_id,
    requestedAt: row.requested_at.toISOString(),
  };
}

export async function listAccessRequests(
  deps: Deps,
  filter: { status?: AccessRequestStatus; id?: string; limit: number; offset: number },
): Promise<AccessRequestView[]> {
  let query = deps.db
    .selectFrom('user_access_requests as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('users as q', 'q.id', 'r.requested_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .select([
      'r.id',
      'r.kind',
      'r.role',
      'r.from_role',
      'r.creditor_id',
      'r.requested_at',
      'r.status',
      'r.decided_at',
      'r.reason',
      'u.id as user_id',
      'u.email as user_email',
      'u.display_name as user_name',
      'u.role as user_role',
      'u.active as user_active',
      'q.id as requester_id',
      'q.display_name as requester_name',
      'd.id as decider_id',
      'd.display_name as decider_name',
    ]);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.id) query = query.where('r.id', '=', filter.id);
  const rows = await query
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map((row) => ({
    ...toPending(row),
    user: {
      id: row.user_id,
      email: row.user_email,
      displayName: row.user_name,
      role: row.user_role,
      active: row.user_active,
    },
    fromRole: row.from_role,
    requestedBy: { id: row.requester_id, displayName: row.requester_name },
    status: row.status,
    decidedBy: row.decider_id && row.decider_name ? { id: row.decider_id, displayName: row.decider_name } : null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    reason: row.reason,
  }));
}

const REFUSALS = {
  not_an_approver: () =>
    new AppError('auth.forbidden', 403, 'Only a manager or a compliance officer approves access to case data.'),
  not_pending: () =>
    conflict(
      'user_access.already_decided',
      'This request was already decided or withdrawn: reload the list of pending requests.',
    ),
  own_request: () =>
    conflict(
      'user_access.own_request',
      'You asked for this access yourself: another manager or compliance officer must decide it (four-eyes rule).',
    ),
  own_account: () =>
    conflict(
      'user_access.own_account',
      'This request gives access to your own account: another manager or compliance officer must decide it.',
    ),
};

/**
 * Approves or refuses a pending request, in one transaction under a lock of the request: an approved creation
 * activates the account, an approved role change gives the role, an approved password reset puts the new password on
 * the account, or makes it choose one at its next sign-in (both end the user's sessions); a refusal leaves the account as it was (after a refused reset, the old
 * password signs in again). A decided reset's hash is discarded. Each decision is audited with its reason.
 */
export async function decideAccessRequest(
  deps: Deps,
  actor: Actor,
  requestId: string,
  decision: { approve: boolean; reason: string | null },
  httpRequestId: string | null = null,
): Promise<AccessRequestView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('user_access_requests')
      .selectAll()
      .where('id', '=', requestId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw notFound('The access request');
    const refusal = accessDecisionRefusal(actor, {
      userId: request.user_id,
      requestedBy: request.requested_by,
      status: request.status,
    });
    if (refusal) throw REFUSALS[refusal]();
    if (!decision.approve && !decision.reason) {
      throw new AppError(
        'user_access.reason_required',
        422,
        'Say why you refuse this access: the reason is kept in the audit trail and shown to the administrator.',
      );
    }
    await trx
      .updateTable('user_access_requests')
      .set({
        status: decision.approve ? 'approved' : 'refused',
        decided_by: actor.userId,
        decided_at: now,
        reason: decision.reason,
        password_hash: null,
      })
      .where('id', '=', requestId)
      .execute();
    if (decision.approve) {
      const change =
        request.kind === 'creation'
          ? { active: true }
          : request.kind === 'role_change'
            ? { role: request.role, creditor_id: request.creditor_id }
            : {
                ...(request.password_hash
                  ? { password_hash: request.password_hash }
                  : { password_change_required: true }),
                failed_login_count: 0,
                last_failed_login_at: null,
                locked_until: null,
              };
      await trx
        .updateTable('users')
        .set({ ...change, updated_at: now })
        .where('id', '=', request.user_id)
        .execute();
      // A new role or a new password ends the sessions opened before it.
      if (request.kind !== 'creation')
        await trx.deleteFrom('sessions').where('user_id', '=', request.user_id).execute();
    }
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: decision.approve ? 'user_access.approved' : 'user_access.refused',
      targetType: 'user',
      targetId: request.user_id,
      creditorId: request.creditor_id,
      before: {
        requestId,
        kind: request.kind,
        fromRole: request.from_role,
        role: request.role,
        requestedBy: request.requested_by,
      },
      after: { status: decision.approve ? 'approved' : 'refused', reason: decision.reason },
      requestId: httpRequestId,
      at: now,
    });
  });
  const [view] = await listAccessRequests(deps, { id: requestId, limit: 1, offset: 0 });
  return view!;
}

/**
 * What an update does to the account's access: a raise to a role that reads case data, or activating an account
 * whose creation was refused or withdrawn, opens an access request and leaves the access as it was; a lowering is
 * immediate and withdraws what was pending. While a new account waits, it can be neither activated nor given
 * another role.
 */
export async function accessChange(
  trx: Transaction<DB>,
  before: { id: string; role: Role; creditor_id: string | null; active: boolean },
  wanted: { role: Role; creditorId: string | null; active: boolean | undefined },
  actor: AuditActor,
  requestId: string | null,
  at: Date,
): Promise<{ role: Role; creditorId: string | null; active: boolean; opened: PendingAccess | null }> {
  const target = { role: wanted.role, creditorId: wanted.creditorId };
  const creation = await lastCreationRequest(trx, before.id);
  const roleChanged = wanted.role !== before.role || wanted.creditorId !== before.creditor_id;
  if (creation !== undefined && creation.status !== 'approved' && !before.active) {
    if (creation.status === 'pending' && (roleChanged || wanted.active === true)) {
      throw conflict(
        'users.access_pending',
        'This account waits for a manager or a compliance officer to approve its access: activate it or change its role once they have decided.',
      );
    }
    if (wanted.active === true && needsAccessApproval(null, target)) {
      const opened = await openAccessRequest(trx, {
        userId: before.id,
        kind: 'creation',
        fromRole: null,
        ...target,
        actor,
        requestId,
        at,
      });
      return { ...target, active: false, opened };
    }
    return { ...target, active: wanted.active ?? before.active, opened: null };
  }
  const active = wanted.active ?? before.active;
  if (!roleChanged) return { ...target, active, opened: null };
  if (needsAccessApproval({ role: before.role, creditorId: before.creditor_id }, target)) {
    const opened = await openAccessRequest(trx, {
      userId: before.id,
      kind: 'role_change',
      fromRole: before.role,
      ...target,
      actor,
      requestId,
      at,
    });
    return { role: before.role, creditorId: before.creditor_id, active, opened };
  }
  await withdrawPendingAccess(trx, before.id, actor, requestId, at);
  return { ...target, active, opened: null };
}
