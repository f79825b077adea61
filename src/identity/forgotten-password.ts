import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { HOUR_MS } from '../platform/calendar/index.js';
import { requestPasswordReset } from './access-requests.js';
import { afterFailure, retryAfterSeconds, waitUntil, type ThrottlePolicy } from './core/login-throttle.js';
import { assertAcceptablePassword, hashPassword } from './passwords.js';

/**
 * Asking for a new password from the sign-in page (no mail delivery exists, so no link is sent): the person gives
 * their e-mail address and the new password they choose; for an active account, a password reset request waits for
 * a manager or a compliance officer, who checks with the person (by a number the agency already knows) before
 * approving. The new password holds only from the approval; meanwhile the current one still signs in (a request
 * from a stranger cannot lock the person out). The answer is the same whether the address has an account or not.
 */

/** Three requests an hour from one address or for one account, then a doubling wait (up to a day). */
const ASK_POLICY: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: HOUR_MS,
  maxDelayMs: 24 * HOUR_MS,
  forgetAfterMs: 24 * HOUR_MS,
};

const tooManyRequests = (seconds: number) =>
  new AppError(
    'auth.too_many_reset_requests',
    429,
    `Too many password requests for this address or from this network: wait ${seconds} seconds, then try again.`,
    { retryAfterSeconds: seconds },
  );

/** The throttle rows of these requests (beside the sign-in's, by their own prefix); the address only hashed. */
const subjects = (email: string, ip: string | null) => [
  `account:reset:${createHash('sha256').update(email).digest('hex')}`,
  ...(ip ? [`ip:reset:${ip}`] : []),
];

async function countRequest(trx: Transaction<DB>, subject: string, now: Date): Promise<Date | null> {
  await trx
    .insertInto('login_throttles')
    .values({ subject, failed_count: 0, last_failure_at: now })
    .onConflict((oc) => oc.column('subject').doNothing())
    .execute();
  const row = await trx
    .selectFrom('login_throttles')
    .select(['failed_count', 'last_failure_at'])
    .where('subject', '=', subject)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const state = { failedCount: row.failed_count, lastFailureAt: row.failed_count === 0 ? null : row.last_failure_at };
  const wait = waitUntil(state, ASK_POLICY, now);
  if (wait) return wait;
  const next = afterFailure(state, ASK_POLICY, now);
  await trx
    .updateTable('login_throttles')
    .set({ failed_count: next.failedCount, last_failure_at: next.lastFailureAt! })
    .where('subject', '=', subject)
    .execute();
  return null;
}

export async function askForNewPassword(
  deps: Deps,
  input: { email: string; newPassword: string; ip: string | null; requestId: string | null },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  // The rule is checked before anything is looked up, so a refusal says nothing about the account.
  assertAcceptablePassword(input.newPassword, email);
  // Hashed whether or not the account exists: the answer takes as long either way.
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    for (const subject of subjects(email, input.ip)) {
      const wait = await countRequest(trx, subject, now);
      if (wait) throw tooManyRequests(retryAfterSeconds(wait, now));
    }
    const account = await trx
      .selectFrom('users')
      .select(['id', 'role', 'creditor_id'])
      .where('email', '=', email)
      .where('active', '=', true)
      .forUpdate()
      .executeTakeFirst();
    if (!account) return;
    // The person asks for themselves: the request is theirs, audited as theirs, and decided by an approver.
    await requestPasswordReset(trx, account, { userId: account.id, role: account.role }, input.requestId, now, {
      passwordHash,
    });
  });
}
