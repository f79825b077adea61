import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { hashToken, newSessionTokens } from '../identity/sessions.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { sessionEnd, sessionExpiry } from './core/access.js';
import { PORTAL_ACTOR } from './portal-actor.js';

/** The debtor a portal session is, as every portal route sees them. */
export interface PortalVisitor {
  debtorId: string;
  csrfToken: string;
  endsAt: Date;
}

const TOUCH_EVERY_MS = 60_000;

/**
 * The live portal session of a cookie token. It slides with use (written at most once a minute) within its absolute
 * end; a person merged into another since sign-in is followed to the surviving record.
 */
export async function findPortalSession(deps: Deps, token: string): Promise<PortalVisitor | null> {
  const now = deps.now();
  const tokenHash = hashToken(token);
  const row = await deps.db
    .selectFrom('portal_sessions as s')
    .innerJoin('debtors as d', 'd.id', 's.debtor_id')
    .select(['s.csrf_token', 's.expires_at', 's.ends_at', 's.last_seen_at', 's.debtor_id', 'd.merged_into'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await deps.db
      .updateTable('portal_sessions')
      .set({ last_seen_at: now, expires_at: sessionExpiry(now, row.ends_at) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { debtorId: row.merged_into ?? row.debtor_id, csrfToken: row.csrf_token, endsAt: row.ends_at };
}

/**
 * Opens a portal session for a person who proved who they are (the one-time code, or a passkey): the same session
 * either way, the cookie token's hash kept. Sessions past their end are cleared on the way.
 */
export async function openPortalSession(
  trx: Transaction<DB>,
  input: { debtorId: string; method: 'code' | 'passkey'; ip: string; userAgent: string | null; now: Date },
): Promise<{ token: string; csrfToken: string; endsAt: Date }> {
  const { now } = input;
  const session = newSessionTokens(now, 1);
  const endsAt = sessionEnd(now);
  await trx
    .insertInto('portal_sessions')
    .values({
      token_hash: hashToken(session.token),
      csrf_token: session.csrfToken,
      debtor_id: input.debtorId,
      method: input.method,
      created_at: now,
      last_seen_at: now,
      expires_at: sessionExpiry(now, endsAt),
      ends_at: endsAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  // What has ended is not kept.
  await trx.deleteFrom('portal_sessions').where('expires_at', '<=', now).execute();
  return { token: session.token, csrfToken: session.csrfToken, endsAt };
}

/** Signs out: the session row goes, the act is audited. */
export async function signOutOfPortal(deps: Deps, token: string, visitor: PortalVisitor, requestId: string) {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('portal_sessions').where('token_hash', '=', hashToken(token)).execute();
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.signed_out',
      targetType: 'debtor',
      targetId: visitor.debtorId,
      requestId,
      at: now,
    });
  });
}
