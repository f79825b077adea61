import type { Transaction } from 'kysely';
import type { Deps } from '../platform/deps.js';
import type { DB, Locale, Role } from '../platform/db/schema.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { appendAudit, type AuditActor } from '../audit/append.js';
import {
  accessChange,
  openAccessRequest,
  pendingAccessOf,
  pendingPasswordReset,
  requestPasswordReset,
} from './access-requests.js';
import type { PendingAccess, UserDetail, UserListQuery, UserView } from './contract.js';
import { needsAccessApproval, passwordResetNeedsApproval } from './core/access-approval.js';
import { assertAcceptablePassword, hashPassword } from './passwords.js';

const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'role',
  'creditor_id',
  'team_id',
  'locale',
  'active',
  'locked_until',
  'last_login_at',
] as const;

type UserRow = {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  creditor_id: string | null;
  team_id: string | null;
  locale: Locale;
  active: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
};

export function toUserView(row: UserRow, pendingAccess: PendingAccess | null = null): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    creditorId: row.creditor_id,
    teamId: row.team_id,
    locale: row.locale,
    active: row.active,
    lockedUntil: row.locked_until?.toISOString() ?? null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    pendingAccess,
  };
}

export async function listUsers(deps: Deps, filter: UserListQuery): Promise<UserView[]> {
  let query = deps.db.selectFrom('users').select(USER_COLUMNS);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['display_name']), 'like', like)]));
  }
  const rows = await query.orderBy('display_name').limit(filter.limit).offset(filter.offset).execute();
  const pending = await pendingAccessOf(
    deps.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toUserView(row, pending.get(row.id) ?? null));
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  creditorId?: string | null;
  teamId?: string | null;
  locale?: Locale;
  password: string;
}

function checkCreditorBinding(role: Role, creditorId: string | null | undefined) {
  if (role === 'creditor_user' && !creditorId) {
    throw invalid('users.creditor_required', 'A creditor user must be bound to a creditor: set creditorId.');
  }
  if (role !== 'creditor_user' && creditorId) {
    throw invalid('users.creditor_not_allowed', 'Only creditor users are bound to a creditor: remove creditorId.');
  }
}

/** A creditor or team id that names nothing is the caller's mistake: a 422 saying which, not a foreign-key error. */
async function checkReferences(
  trx: Transaction<DB>,
  creditorId: string | null | undefined,
  teamId: string | null | undefined,
) {
  if (creditorId && !(await trx.selectFrom('creditors').select('id').where('id', '=', creditorId).executeTakeFirst())) {
    throw invalid(
      'users.unknown_creditor',
      `The creditorId ${creditorId} names no creditor: pick one from GET /api/v1/creditors.`,
      { creditorId },
    );
  }
  if (teamId && !(await trx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) {
    throw invalid('users.unknown_team', `The teamId ${teamId} names no team: use the id of an existing team.`, {
      teamId,
    });
  }
}

/**
 * Creates an account. One whose role reads case data is created inactive, with an access request that a manager or
 * a compliance officer approves (separation of duties); `operator: true` is for the operator acting on the server
 * (the first-administrator CLI), who creates it active.
 */
export async function createUser(
  deps: Deps,
  actor: AuditActor,
  input: CreateUserInput,
  requestId: string | null = null,
  options: { operator?: boolean } = {},
): Promise<UserView> {
  checkCreditorBinding(input.role, input.creditorId);
  const access = { role: input.role, creditorId: input.creditorId ?? null };
  const needsApproval = !options.operator && needsAccessApproval(null, access);
  assertAcceptablePassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const email = input.email.trim().toLowerCase();
    const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw conflict('users.email_taken', `A user with the email ${email} already exists.`);
    await checkReferences(trx, input.creditorId, input.teamId);
    const row = await trx
      .insertInto('users')
      .values({
        email,
        display_name: input.displayName.trim(),
        role: input.role,
        creditor_id: input.creditorId ?? null,
        team_id: input.teamId ?? null,
        locale: input.locale ?? 'fr',
        password_hash: passwordHash,
        active: !needsApproval,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'user.created',
      targetType: 'user',
      targetId: row.id,
      creditorId: row.creditor_id,
      after: toUserView(row),
      requestId,
      at: deps.now(),
    });
    const pending = needsApproval
      ? await openAccessRequest(trx, {
          userId: row.id,
          kind: 'creation',
          fromRole: null,
          ...access,
          actor,
          requestId,
          at: deps.now(),
        })
      : null;
    return toUserView(row, pending);
  });
}

export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  creditorId?: string | null;
  teamId?: string | null;
  locale?: Locale;
  active?: boolean;
  /** Lifts a login lockout. */
  unlock?: boolean;
  password?: string;
}

export async function updateUser(
  deps: Deps,
  actor: AuditActor,
  userId: string,
  input: UpdateUserInput,
  requestId: string | null = null,
): Promise<UserView> {
  // Nobody chooses another person's password (issue 21): an administrator resets it (resetPassword) and the person
  // chooses the new one at sign-in. The operator on the server (no user id) may still set one.
  if (input.password && actor.userId !== null && actor.userId !== userId) {
    throw invalid(
      'users.password_chosen_by_user',
      'You cannot choose another person’s password: reset it (POST /api/v1/users/{id}/password-reset) and they will choose a new one at their next sign-in.',
    );
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('The user');
    if (input.password) assertAcceptablePassword(input.password, before.email);
    const role = input.role ?? before.role;
    const creditorId = input.creditorId !== undefined ? input.creditorId : before.creditor_id;
    checkCreditorBinding(role, creditorId);
    if (actor.userId === userId && (input.active === false || (input.role && input.role !== before.role))) {
      throw invalid(
        'users.self_lockout',
        'You cannot deactivate yourself or change your own role; ask another administrator.',
      );
    }
    // Separation of duties: a raise waits for approval (access-requests.ts); the account keeps its access meanwhile.
    const access = await accessChange(
      trx,
      before,
      { role, creditorId, active: input.active },
      actor,
      requestId,
      deps.now(),
    );
    await checkReferences(trx, input.creditorId, input.teamId);
    const after = await trx
      .updateTable('users')
      .set({
        display_name: input.displayName?.trim() ?? before.display_name,
        role: access.role,
        creditor_id: access.creditorId,
        team_id: input.teamId !== undefined ? input.teamId : before.team_id,
        locale: input.locale ?? before.locale,
        active: access.active,
        ...(input.unlock ? { failed_login_count: 0, locked_until: null } : {}),
        ...(passwordHash ? { password_hash: passwordHash, password_change_required: false } : {}),
        updated_at: deps.now(),
      })
      .where('id', '=', userId)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    // A deactivated user, a new role or a new password ends the sessions opened under the old state.
    if (input.active === false || after.role !== before.role || passwordHash) {
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    }
    await appendAudit(trx, {
      actor,
      action: passwordHash ? 'user.updated_with_password' : 'user.updated',
      targetType: 'user',
      targetId: userId,
      creditorId: after.creditor_id,
      before: toUserView(before),
      after: toUserView(after),
      requestId,
      at: deps.now(),
    });
    const pending = access.opened ?? (await pendingAccessOf(trx, [userId])).get(userId) ?? null;
    return toUserView(after, pending);
  });
}

/** One account, with what waits for approval about it. */
export async function getUser(deps: Deps, userId: string): Promise<UserDetail> {
  const row = await deps.db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_change_required'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound('The user');
  const pending = await pendingAccessOf(deps.db, [userId]);
  const reset = await pendingPasswordReset(deps.db, userId);
  return {
    ...toUserView(row, pending.get(userId) ?? null),
    passwordResetPending: reset !== undefined,
    passwordChangeRequired: row.password_change_required,
  };
}

/**
 * Resets another person's password (issue 21): the administrator neither learns nor chooses it. The account's
 * sessions end at once and it cannot sign in until a manager or a compliance officer approves the reset; then it
 * chooses a new password at its next sign-in. One transaction with the audit entries.
 */
export async function resetPassword(
  deps: Deps,
  actor: AuditActor,
  userId: string,
  requestId: string | null = null,
): Promise<UserDetail> {
  await deps.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('users')
      .select(['id', 'role', 'creditor_id', 'active'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!account) throw notFound('The user');
    if (!passwordResetNeedsApproval(actor.userId, userId)) {
      throw invalid(
        'users.own_password_reset',
        'You cannot reset your own password: sign in and change it, or ask another administrator.',
      );
    }
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    await requestPasswordReset(trx, account, actor, requestId, deps.now());
    await appendAudit(trx, {
      actor,
      action: 'user.sessions_revoked',
      targetType: 'user',
      targetId: userId,
      creditorId: account.creditor_id,
      after: { reason: 'password_reset', sessions: Number(ended.numDeletedRows) },
      requestId,
      at: deps.now(),
    });
  });
  return getUser(deps, userId);
}
