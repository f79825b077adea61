import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Actor } from './actor.js';

const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export function newSessionTokens(now: Date, ttlHours: number): NewSession {
  return {
    token: randomBytes(32).toString('base64url'),
    csrfToken: randomBytes(32).toString('base64url'),
    expiresAt: new Date(now.getTime() + ttlHours * 3_600_000),
  };
}

/**
 * Finds the live session of a cookie token and the active user behind it. The session slides: each use
 * pushes its expiry, written at most once a minute to keep reads cheap.
 */
export async function findSession(
  db: Kysely<DB>,
  token: string,
  now: Date,
  ttlHours: number,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.role',
      'users.creditor_id',
      'users.display_name',
      'users.email',
      'users.locale',
      'users.active',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + ttlHours * 3_600_000) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return {
    csrfToken: row.csrf_token,
    actor: {
      userId: row.id,
      role: row.role,
      creditorId: row.creditor_id,
      displayName: row.display_name,
      email: row.email,
      locale: row.locale,
    },
  };
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
