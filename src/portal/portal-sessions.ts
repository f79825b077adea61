import { appendAudit } from '../audit/append.js';
import { hashToken } from '../identity/sessions.js';
import type { Deps } from '../platform/deps.js';
import { sessionExpiry } from './core/access.js';
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
