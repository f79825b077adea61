import { randomBytes } from 'node:crypto';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { caseInScope } from '../cases/scope.js';
import type { Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import {
  challengeExpiry,
  challengeOpen,
  offersPasskey,
  PASSKEYS,
  passkeyName,
  type RelyingParty,
} from './core/passkeys.js';
import type { DebtorPasskeys, PortalPasskey, PortalPasskeys } from './passkeys/contract.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import type { PortalVisitor } from './portal-sessions.js';

/**
 * Passkeys on the portal (docs/portal.md "Passkeys"): made after a full sign-in, listed and removed by the person,
 * revoked all at once by the agency. The credential's id and public key are kept; neither reaches a log or the audit
 * trail (which names the passkey by its own id).
 */

const registrationRefused = () =>
  new AppError(
    'portal.passkey_not_created',
    422,
    'The passkey could not be created (the request expired or the device’s answer does not hold): try again.',
  );

/** The session a visitor's request came with, as the server keeps it. */
export interface VisitorSession extends PortalVisitor {
  tokenHash: string;
}

const ACTIVE = (trx: Transaction<DB> | Deps['db'], debtorId: string) =>
  trx.selectFrom('portal_passkeys').where('debtor_id', '=', debtorId).where('revoked_at', 'is', null);

/**
 * A passkey is added only in a session opened with the access code, the birth date and the one-time code: whoever
 * holds one device (a lost phone, a shared account) must not enrol another that outlives the lost one's removal.
 */
async function requireCodeSession(trx: Transaction<DB>, tokenHash: string): Promise<void> {
  const row = await trx
    .selectFrom('portal_sessions')
    .select('method')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row?.method !== 'code')
    throw new AppError(
      'portal.passkey_needs_code',
      403,
      'A passkey is added after signing in with the letter’s code and the one-time code: sign in that way first.',
    );
}

/** The person's passkeys in use, locked by their debtor row, then counted: two ceremonies at once cannot pass the cap. */
async function holdPasskeyRoom(trx: Transaction<DB>, debtorId: string) {
  await trx.selectFrom('debtors').select('id').where('id', '=', debtorId).forUpdate().executeTakeFirst();
  const existing = await ACTIVE(trx, debtorId).select(['credential_id', 'transports']).execute();
  if (existing.length >= PASSKEYS.maxPerDebtor)
    throw conflict('portal.passkeys_full', `A person keeps ${PASSKEYS.maxPerDebtor} passkeys at most: remove one.`);
  return existing;
}

/**
 * Step 1 of making a passkey: the options to give the browser, with a challenge kept for this session a few minutes.
 * The user handle is the person's opaque random one (their first passkey's, or a new one): never a name, a
 * reference or a birth date.
 */
export async function passkeyRegistrationOptions(deps: Deps, session: VisitorSession, rp: RelyingParty) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await requireCodeSession(trx, session.tokenHash);
    const existing = await holdPasskeyRoom(trx, session.debtorId);
    const handle = await trx
      .selectFrom('portal_passkeys')
      .select('user_handle')
      .where('debtor_id', '=', session.debtorId)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    const userHandle = handle?.user_handle ?? randomBytes(32).toString('base64url');
    const options = await generateRegistrationOptions({
      rpName: deps.config.AGENCY_NAME,
      rpID: rp.id,
      userID: Buffer.from(userHandle, 'base64url'),
      // What the device shows beside the passkey: the agency's space, nothing of the person.
      userName: deps.config.AGENCY_NAME,
      userDisplayName: deps.config.AGENCY_NAME,
      timeout: PASSKEYS.challengeMinutes * 60_000,
      attestationType: 'none',
      excludeCredentials: existing.map((row) => ({
        id: row.credential_id,
        transports: row.transports as AuthenticatorTransportFuture[],
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    });
    const challenge = await trx
      .insertInto('portal_passkey_challenges')
      .values({
        purpose: 'register',
        challenge: options.challenge,
        session_token_hash: session.tokenHash,
        user_handle: userHandle,
        created_at: now,
        expires_at: challengeExpiry(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { challengeId: challenge.id, options: { ...options } };
  });
}

/**
 * Step 2: the device's answer. The challenge must be this session's, open, and is used once whatever the outcome;
 * the attestation is checked ('none' accepted: the device's make is not asked), with the person verified on it.
 */
export async function registerPasskey(
  deps: Deps,
  session: VisitorSession,
  rp: RelyingParty,
  input: { challengeId: string; response: RegistrationResponseJSON; name?: string | undefined; requestId: string },
): Promise<PortalPasskey> {
  const now = deps.now();
  const made = await deps.db.transaction().execute(async (trx) => {
    const challenge = await takeChallenge(trx, input.challengeId, 'register', now);
    if (!challenge || challenge.session_token_hash !== session.tokenHash) return null;
    await requireCodeSession(trx, session.tokenHash);
    await holdPasskeyRoom(trx, session.debtorId);
    const verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    }).catch(() => null);
    if (!verified?.verified) return null;
    const { credential } = verified.registrationInfo;
    const row = await trx
      .insertInto('portal_passkeys')
      .values({
        debtor_id: session.debtorId,
        user_handle: challenge.user_handle!,
        credential_id: credential.id,
        public_key: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: passkeyName(input.name),
        created_at: now,
      })
      .onConflict((oc) => oc.column('credential_id').doNothing())
      .returning(['id', 'name', 'created_at', 'last_used_at'])
      .executeTakeFirst();
    if (!row) return null;
    await closeOffer(trx, session.tokenHash);
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.passkey_created',
      targetType: 'debtor',
      targetId: session.debtorId,
      after: { passkeyId: row.id, userVerified: verified.registrationInfo.userVerified },
      requestId: input.requestId,
      at: now,
    });
    return row;
  });
  // A refused answer commits with the challenge used: a replayed answer meets a used challenge. (A session that may not
  // add a passkey, or a full list, is refused before any answer is checked: that refusal rolls back.)
  if (!made) throw registrationRefused();
  return toPasskey(made);
}

/**
 * A ceremony's challenge for `purpose`, if still open: used at once (in the caller's transaction), so that whatever
 * the outcome it answers only once. Null when unknown, of the other purpose, expired or used.
 */
export async function takeChallenge(
  trx: Transaction<DB>,
  challengeId: string,
  purpose: 'register' | 'authenticate',
  now: Date,
) {
  const challenge = await trx
    .selectFrom('portal_passkey_challenges')
    .selectAll()
    .where('id', '=', challengeId)
    .forUpdate()
    .executeTakeFirst();
  if (
    !challenge ||
    challenge.purpose !== purpose ||
    !challengeOpen({ expiresAt: challenge.expires_at, usedAt: challenge.used_at }, now)
  )
    return null;
  await trx.updateTable('portal_passkey_challenges').set({ used_at: now }).where('id', '=', challenge.id).execute();
  return challenge;
}

const closeOffer = (trx: Transaction<DB>, tokenHash: string) =>
  trx.updateTable('portal_sessions').set({ passkey_offer_closed: true }).where('token_hash', '=', tokenHash).execute();

function toPasskey(row: { id: string; name: string | null; created_at: Date; last_used_at: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** The person's passkeys (not the revoked ones), and whether to offer one now. */
export async function portalPasskeys(deps: Deps, session: VisitorSession): Promise<PortalPasskeys> {
  const [rows, own] = await Promise.all([
    ACTIVE(deps.db, session.debtorId)
      .select(['id', 'name', 'created_at', 'last_used_at'])
      .orderBy('created_at')
      .execute(),
    deps.db
      .selectFrom('portal_sessions')
      .select(['method', 'passkey_offer_closed'])
      .where('token_hash', '=', session.tokenHash)
      .executeTakeFirst(),
  ]);
  const offer =
    own !== undefined && offersPasskey({ method: own.method, closed: own.passkey_offer_closed, count: rows.length });
  const canAdd = own?.method === 'code' && rows.length < PASSKEYS.maxPerDebtor;
  return { offer, canAdd, max: PASSKEYS.maxPerDebtor, passkeys: rows.map(toPasskey) };
}

/** "Not now": the offer is not made again in this session. */
export async function declinePasskeyOffer(deps: Deps, session: VisitorSession, requestId: string) {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await closeOffer(trx, session.tokenHash);
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.passkey_declined',
      targetType: 'debtor',
      targetId: session.debtorId,
      requestId,
      at: now,
    });
  });
}

/** The person removes one of their passkeys: revoked at once, it opens nothing any more. 404 if not theirs. */
export async function removePasskey(deps: Deps, visitor: PortalVisitor, passkeyId: string, requestId: string) {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .updateTable('portal_passkeys')
      .set({ revoked_at: now })
      .where('id', '=', passkeyId)
      .where('debtor_id', '=', visitor.debtorId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!removed) throw notFound('The passkey');
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.passkey_removed',
      targetType: 'debtor',
      targetId: visitor.debtorId,
      after: { passkeyId },
      requestId,
      at: now,
    });
  });
}

/** The agency's view of a case's debtor's passkeys: how many are in force, and when one was last used. */
export async function debtorPasskeys(deps: Deps, actor: Actor, caseId: string): Promise<DebtorPasskeys> {
  const found = await caseInScope(deps.db, actor, caseId);
  const row = await deps.db
    .selectFrom('portal_passkeys')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('last_used_at').as('last_used_at')])
    .where('debtor_id', '=', found.debtor_id)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  const lastUsed = row.last_used_at as Date | string | null;
  return {
    count: Number(row.count),
    lastUsedAt: lastUsed === null ? null : new Date(lastUsed).toISOString(),
  };
}

/**
 * The agency resets a person's portal access from one of their cases (a lost phone, a doubt): every passkey of the
 * person is revoked and their open portal sessions end. The access code and the one-time code still let them in.
 */
export async function revokeDebtorPasskeys(deps: Deps, actor: Actor, caseId: string, requestId: string) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const found = await caseInScope(trx, actor, caseId);
    const revoked = await trx
      .updateTable('portal_passkeys')
      .set({ revoked_at: now })
      .where('debtor_id', '=', found.debtor_id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    const ended = await trx
      .deleteFrom('portal_sessions')
      .where('debtor_id', '=', found.debtor_id)
      .returning('token_hash')
      .execute();
    await appendAudit(trx, {
      actor: { userId: actor.userId, role: actor.role },
      action: 'portal.passkeys_revoked',
      targetType: 'debtor',
      targetId: found.debtor_id,
      creditorId: found.creditor_id,
      after: { caseId, count: revoked.length, sessionsEnded: ended.length },
      requestId,
      at: now,
    });
    return { revoked: revoked.length, sessionsEnded: ended.length };
  });
}
