import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { appendAudit } from '../audit/append.js';
import { afterFailure, afterSuccess, isLocked } from './core/lockout.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { hashToken, newSessionTokens, type NewSession } from './sessions.js';

export interface LoginInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

const invalidCredentials = () =>
  new AppError('auth.invalid_credentials', 401, 'The email or the password is wrong. Check both and try again.');

const locked = (until: Date) =>
  new AppError(
    'auth.locked',
    423,
    `Too many failed sign-ins: this account is locked until ${until.toISOString()}. Try again then, or ask an administrator to unlock it.`,
    { lockedUntil: until.toISOString() },
  );

/**
 * Signs a user in. The password is checked before the transaction (argon2 is deliberately slow and must not
 * hold locks); the lockout state is then re-read and updated under a row lock, so parallel guesses count.
 */
export async function login(deps: Deps, input: LoginInput): Promise<NewSession & { userId: string }> {
  const email = input.email.trim().toLowerCase();
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.active) throw invalidCredentials();

  const policy = { maxFailures: deps.config.LOGIN_MAX_FAILURES, lockMinutes: deps.config.LOGIN_LOCK_MINUTES };
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const fresh = await trx
      .selectFrom('users')
      .select(['failed_login_count', 'locked_until', 'role', 'creditor_id'])
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const state = { failedCount: fresh.failed_login_count, lockedUntil: fresh.locked_until };
    const actor = { userId: user.id, role: fresh.role };
    if (isLocked(state, now)) return { kind: 'locked' as const, until: state.lockedUntil! };

    if (!passwordOk) {
      const next = afterFailure(state, policy, now);
      await trx
        .updateTable('users')
        .set({ failed_login_count: next.failedCount, locked_until: next.lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, {
        actor,
        action: next.lockedUntil ? 'auth.locked_out' : 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        creditorId: fresh.creditor_id,
        before: { failedLoginCount: state.failedCount },
        after: { failedLoginCount: next.failedCount, lockedUntil: next.lockedUntil },
        requestId: input.requestId,
        at: now,
      });
      return next.lockedUntil ? { kind: 'locked' as const, until: next.lockedUntil } : { kind: 'failed' as const };
    }

    const session = newSessionTokens(now, deps.config.SESSION_TTL_HOURS);
    const reset = afterSuccess();
    await trx
      .updateTable('users')
      .set({ failed_login_count: reset.failedCount, locked_until: reset.lockedUntil, last_login_at: now })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(session.token),
        user_id: user.id,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      creditorId: fresh.creditor_id,
      after: { sessionExpiresAt: session.expiresAt },
      requestId: input.requestId,
      at: now,
    });
    return { kind: 'ok' as const, session };
  });

  if (outcome.kind === 'locked') throw locked(outcome.until);
  if (outcome.kind === 'failed') throw invalidCredentials();
  return { ...outcome.session, userId: user.id };
}

export async function logout(deps: Deps, token: string, requestId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('sessions')
      .where('token_hash', '=', hashToken(token))
      .returning(['user_id'])
      .executeTakeFirst();
    if (!removed) return;
    const user = await trx
      .selectFrom('users')
      .select(['role', 'creditor_id'])
      .where('id', '=', removed.user_id)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: { userId: removed.user_id, role: user.role },
      action: 'auth.logout',
      targetType: 'user',
      targetId: removed.user_id,
      creditorId: user.creditor_id,
      requestId,
      at: deps.now(),
    });
  });
}
