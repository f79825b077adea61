import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, invalid } from '../platform/errors.js';
import { appendAudit } from '../audit/append.js';
import {
  afterFailure,
  afterSuccess,
  retryAfterSeconds,
  waitUntil,
  type ThrottlePolicy,
  type ThrottleState,
} from './core/login-throttle.js';
import { pendingPasswordReset } from './access-requests.js';
import { assertAcceptablePassword, dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { hashToken, newSessionTokens, type NewSession } from './sessions.js';
import { DAY_MS } from '../platform/calendar/index.js';

export interface LoginInput {
  email: string;
  password: string;
  /** The new password, read only when the account must set one (a reset approved by a second person). */
  newPassword?: string | undefined;
  /** The client's address as Fastify sees it: the socket's peer, or X-Forwarded-For from a proxy in TRUST_PROXY. */
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

const invalidCredentials = () =>
  new AppError('auth.invalid_credentials', 401, 'The email or the password is wrong. Check both and try again.');

/** Only to someone who gave the account's password, old or new: nothing is said about an account otherwise. */
const passwordResetPending = () =>
  new AppError(
    'auth.password_reset_pending',
    401,
    'An administrator set a new password for this account: it cannot sign in until a manager or a compliance officer ' +
      'approves it. Ask one of them, then sign in with the new password.',
  );

/** Only to someone who gave the account's password: after an approved reset, the person chooses a new one. */
const passwordChangeRequired = () =>
  new AppError(
    'auth.password_change_required',
    409,
    'Your password was reset: sign in with your current password and choose a new one (newPassword).',
  );

/** The same answer whether the address has an account or not, and whichever count imposed the wait. */
const tooManyAttempts = (seconds: number) =>
  new AppError(
    'auth.too_many_attempts',
    429,
    `Too many failed sign-ins with this email or from this network: wait ${seconds} seconds, then try again. ` +
      'If you have forgotten your password, ask an administrator to set a new one.',
    { retryAfterSeconds: seconds },
  );

const BASE_DELAY_MS = 30_000;

export function throttlePolicies(config: Deps['config']): { account: ThrottlePolicy; ip: ThrottlePolicy } {
  const common = { baseDelayMs: BASE_DELAY_MS, maxDelayMs: config.LOGIN_LOCK_MINUTES * 60_000, forgetAfterMs: DAY_MS };
  return {
    account: { ...common, freeFailures: config.LOGIN_MAX_FAILURES },
    ip: { ...common, freeFailures: config.LOGIN_IP_MAX_FAILURES },
  };
}

/** The throttle row of an address that no account has: a hash, so the table never lists who tried what. */
export function accountSubject(email: string): string {
  return `account:${createHash('sha256').update(email).digest('hex')}`;
}

const ipSubject = (ip: string) => `ip:${ip}`;

type Db = Deps['db'] | Transaction<DB>;

async function readSubject(db: Db, subject: string, forUpdate: boolean): Promise<ThrottleState> {
  let query = db
    .selectFrom('login_throttles')
    .select(['failed_count', 'last_failure_at'])
    .where('subject', '=', subject);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? { failedCount: row.failed_count, lastFailureAt: row.last_failure_at }
    : { failedCount: 0, lastFailureAt: null };
}

export async function writeSubject(trx: Transaction<DB>, subject: string, state: ThrottleState): Promise<void> {
  await trx
    .insertInto('login_throttles')
    .values({ subject, failed_count: state.failedCount, last_failure_at: state.lastFailureAt! })
    .onConflict((oc) =>
      oc.column('subject').doUpdateSet({ failed_count: state.failedCount, last_failure_at: state.lastFailureAt! }),
    )
    .execute();
}

/** The later of the two waits, or null. */
export function laterOf(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** Locks a throttle row, making it first if it does not exist yet (a count of 0 waits for nothing). */
export async function lockSubject(trx: Transaction<DB>, subject: string, now: Date): Promise<ThrottleState> {
  await trx
    .insertInto('login_throttles')
    .values({ subject, failed_count: 0, last_failure_at: now })
    .onConflict((oc) => oc.column('subject').doNothing())
    .execute();
  return readSubject(trx, subject, true);
}

type Outcome =
  | { kind: 'ok'; session: NewSession }
  | { kind: 'failed' }
  | { kind: 'wait'; until: Date }
  | { kind: 'reset_pending' }
  | { kind: 'change_required' };

/**
 * Signs a user in. Two counts throttle it (core/login-throttle.ts): the e-mail address's, on the account's row or in
 * login_throttles when no account has the address, and the client address's. An attempt during a wait is refused
 * before the password is even checked. The password is checked outside the transaction (argon2 is deliberately slow
 * and must not hold locks); the counts are then re-read under row locks, so parallel guesses count, and written in
 * the same transaction as the audit entry.
 *
 * While a new password set by an administrator waits for approval (separation of duties), the account signs in with
 * neither the old password nor the new one; whoever gives either is told why, and it does not count as a failure.
 * Once a reset is approved, the account signs in only by choosing a new password (`newPassword`), which nobody else
 * ever knew.
 */
export async function login(deps: Deps, input: LoginInput): Promise<NewSession & { userId: string }> {
  const email = input.email.trim().toLowerCase();
  const policies = throttlePolicies(deps.config);
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active', 'failed_login_count', 'last_failed_login_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  await refuseDuringWait(deps, email, user, input.ip, policies);

  const resetBefore = user ? await pendingPasswordReset(deps.db, user.id) : undefined;
  const currentOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  const passwordOk =
    currentOk || (resetBefore?.password_hash ? await verifyPassword(resetBefore.password_hash, input.password) : false);

  const newPasswordHash = passwordOk && user ? await newPasswordHashOf(user, email, input.newPassword) : null;
  const attempt: Attempt = { email, user, input, policies, resetBefore, currentOk, passwordOk, newPasswordHash };
  const outcome = await deps.db.transaction().execute((trx) => settleAttempt(trx, deps, attempt));

  if (outcome.kind === 'wait') throw tooManyAttempts(retryAfterSeconds(outcome.until, deps.now()));
  if (outcome.kind === 'failed') throw invalidCredentials();
  if (outcome.kind === 'reset_pending') throw passwordResetPending();
  if (outcome.kind === 'change_required') throw passwordChangeRequired();
  return { ...outcome.session, userId: user!.id };
}

interface KnownUser {
  id: string;
  password_hash: string;
  failed_login_count: number;
  last_failed_login_at: Date | null;
}

/** What the attempt established before its transaction (the slow password checks included). */
interface Attempt {
  email: string;
  user: KnownUser | undefined;
  input: LoginInput;
  policies: { account: ThrottlePolicy; ip: ThrottlePolicy };
  resetBefore: Awaited<ReturnType<typeof pendingPasswordReset>>;
  currentOk: boolean;
  passwordOk: boolean;
  newPasswordHash: string | null;
}

/** An attempt during a wait is refused before the password is even checked. */
async function refuseDuringWait(
  deps: Deps,
  email: string,
  user: KnownUser | undefined,
  clientIp: string | null,
  policies: Attempt['policies'],
): Promise<void> {
  const accountBefore = user
    ? { failedCount: user.failed_login_count, lastFailureAt: user.last_failed_login_at }
    : await readSubject(deps.db, accountSubject(email), false);
  const ipBefore = clientIp ? await readSubject(deps.db, ipSubject(clientIp), false) : null;
  const checkedAt = deps.now();
  const waiting = laterOf(
    waitUntil(accountBefore, policies.account, checkedAt),
    ipBefore ? waitUntil(ipBefore, policies.ip, checkedAt) : null,
  );
  if (waiting) throw tooManyAttempts(retryAfterSeconds(waiting, checkedAt));
}

type FreshUser = Awaited<ReturnType<typeof lockUser>>;

function lockUser(trx: Transaction<DB>, userId: string) {
  return trx
    .selectFrom('users')
    .select([
      'failed_login_count',
      'last_failed_login_at',
      'role',
      'creditor_id',
      'active',
      'password_hash',
      'password_change_required',
    ])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The attempt's outcome under the throttle rows' locks, written with its audit entry. */
async function settleAttempt(trx: Transaction<DB>, deps: Deps, attempt: Attempt): Promise<Outcome> {
  const { email, user, input, policies, passwordOk } = attempt;
  const now = deps.now();
  // The account's count first, then the client address's: one order, so parallel sign-ins cannot deadlock.
  const fresh = user ? await lockUser(trx, user.id) : null;
  const account = fresh
    ? { failedCount: fresh.failed_login_count, lastFailureAt: fresh.last_failed_login_at }
    : await lockSubject(trx, accountSubject(email), now);
  const ip = input.ip ? await lockSubject(trx, ipSubject(input.ip), now) : null;
  // A parallel attempt may have failed meanwhile: its wait holds for this one too.
  const until = laterOf(waitUntil(account, policies.account, now), ip ? waitUntil(ip, policies.ip, now) : null);
  if (until) return { kind: 'wait', until };

  // The password checked must still be the account's: a reset approved meanwhile makes the old one wrong.
  // A reset the person asked for themselves (a forgotten password) does not stop the current password: only its
  // new one waits for the approval. One an administrator asked for stops both.
  const pending = attempt.resetBefore ?? (user !== undefined ? await pendingPasswordReset(trx, user.id) : undefined);
  const resetPending = pending !== undefined && (pending.requested_by !== user?.id || !attempt.currentOk);
  const stillTheSame = fresh !== null && fresh.password_hash === user?.password_hash;
  if (passwordOk && fresh?.active && resetPending) {
    await appendAudit(trx, {
      actor: { userId: user!.id, role: fresh.role },
      action: 'auth.login_refused',
      targetType: 'user',
      targetId: user!.id,
      creditorId: fresh.creditor_id,
      after: { reason: 'password_reset_pending' },
      requestId: input.requestId,
      at: now,
    });
    return { kind: 'reset_pending' };
  }

  if (!passwordOk || !fresh || !fresh.active || !stillTheSame) {
    await recordFailure(trx, now, attempt, fresh, account, ip);
    return { kind: 'failed' };
  }

  if (fresh.password_change_required) {
    if (!attempt.newPasswordHash) return { kind: 'change_required' };
    await setPasswordAtSignIn(trx, now, attempt.newPasswordHash, user!.id, fresh, input.requestId);
  }
  return { kind: 'ok', session: await startSession(trx, deps, now, input, user!.id, fresh) };
}

/** Counts the failure on the account (or the address's row) and on the client address, and forgets old counts. */
async function recordFailure(
  trx: Transaction<DB>,
  now: Date,
  { email, user, input, policies }: Attempt,
  fresh: FreshUser | null,
  account: ThrottleState,
  ip: ThrottleState | null,
): Promise<void> {
  const nextAccount = afterFailure(account, policies.account, now);
  const accountWait = waitUntil(nextAccount, policies.account, now);
  if (fresh && user) {
    await trx
      .updateTable('users')
      .set({ failed_login_count: nextAccount.failedCount, last_failed_login_at: now, locked_until: accountWait })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, {
      actor: { userId: user.id, role: fresh.role },
      action: accountWait ? 'auth.locked_out' : 'auth.login_failed',
      targetType: 'user',
      targetId: user.id,
      creditorId: fresh.creditor_id,
      before: { failedLoginCount: account.failedCount },
      after: { failedLoginCount: nextAccount.failedCount, lockedUntil: accountWait },
      requestId: input.requestId,
      at: now,
    });
  } else {
    await writeSubject(trx, accountSubject(email), nextAccount);
  }
  if (ip && input.ip) await writeSubject(trx, ipSubject(input.ip), afterFailure(ip, policies.ip, now));
  // Counts a day old no longer count (core/login-throttle.ts): their rows go.
  await trx
    .deleteFrom('login_throttles')
    .where('last_failure_at', '<', new Date(now.getTime() - DAY_MS))
    .execute();
}

async function setPasswordAtSignIn(
  trx: Transaction<DB>,
  now: Date,
  passwordHash: string,
  userId: string,
  fresh: FreshUser,
  requestId: string,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, password_change_required: false, updated_at: now })
    .where('id', '=', userId)
    .execute();
  await appendAudit(trx, {
    actor: { userId, role: fresh.role },
    action: 'user.password_set_at_sign_in',
    targetType: 'user',
    targetId: userId,
    creditorId: fresh.creditor_id,
    requestId,
    at: now,
  });
}

/** Clears the counts, opens the session and audits the sign-in. */
async function startSession(
  trx: Transaction<DB>,
  deps: Deps,
  now: Date,
  input: LoginInput,
  userId: string,
  fresh: FreshUser,
): Promise<NewSession> {
  const session = newSessionTokens(now, deps.config.SESSION_TTL_HOURS);
  const reset = afterSuccess();
  await trx
    .updateTable('users')
    .set({
      failed_login_count: reset.failedCount,
      last_failed_login_at: reset.lastFailureAt,
      locked_until: null,
      last_login_at: now,
    })
    .where('id', '=', userId)
    .execute();
  await trx
    .insertInto('sessions')
    .values({
      token_hash: hashToken(session.token),
      user_id: userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  await appendAudit(trx, {
    actor: { userId, role: fresh.role },
    action: 'auth.login',
    targetType: 'user',
    targetId: userId,
    creditorId: fresh.creditor_id,
    after: { sessionExpiresAt: session.expiresAt },
    requestId: input.requestId,
    at: now,
  });
  return session;
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

/**
 * The hash of the new password a person chooses at sign-in, checked against the password rule and different from the
 * current one; null when none was given. Hashed before the transaction (argon2 is slow and must not hold locks).
 */
async function newPasswordHashOf(
  user: { password_hash: string },
  email: string,
  newPassword: string | undefined,
): Promise<string | null> {
  if (newPassword === undefined) return null;
  assertAcceptablePassword(newPassword, email);
  if (await verifyPassword(user.password_hash, newPassword)) {
    throw invalid('password.same_as_before', 'Choose a new password: it must differ from the one you signed in with.');
  }
  return hashPassword(newPassword);
}
