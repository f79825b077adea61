import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
} from '@simplewebauthn/server';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { afterFailure, retryAfterSeconds, waitUntil } from '../identity/core/login-throttle.js';
import { lockSubject, throttlePolicies, writeSubject } from '../identity/login.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { challengeExpiry, counterMovesOn, PASSKEYS, type RelyingParty } from './core/passkeys.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import { takeChallenge } from './passkeys.js';
import { openPortalSession } from './portal-sessions.js';
import { ipSubject } from './sign-in.js';

/**
 * Signing in to the portal with a passkey (docs/portal.md "Passkeys"): the discoverable-credential flow, so the page
 * asks nothing first and the device offers the person's passkey for this site. Failures count against the network
 * address like the other sign-in steps, and every refusal gets the same answer: an unknown, revoked or cloned
 * passkey, a wrong signature, a used or expired challenge.
 */

const passkeyRefused = () =>
  new AppError(
    'portal.passkey_refused',
    401,
    'This passkey does not open a file here: sign in with the access code on your letter, or call us.',
  );

/** Step 1: a challenge, for anyone (the request is throttled), answered within a few minutes, once. */
export async function passkeySignInOptions(deps: Deps, rp: RelyingParty) {
  const now = deps.now();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'required',
    timeout: PASSKEYS.challengeMinutes * 60_000,
  });
  const challenge = await deps.db.transaction().execute(async (trx) => {
    // Challenges a day past their end are not kept.
    await trx
      .deleteFrom('portal_passkey_challenges')
      .where('expires_at', '<', new Date(now.getTime() - 86_400_000))
      .execute();
    return trx
      .insertInto('portal_passkey_challenges')
      .values({
        purpose: 'authenticate',
        challenge: options.challenge,
        created_at: now,
        expires_at: challengeExpiry(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  return { challengeId: challenge.id, options: { ...options } };
}

type Outcome =
  | { kind: 'ok'; token: string; csrfToken: string; debtorId: string; endsAt: Date }
  | { kind: 'refused' }
  | { kind: 'wait'; until: Date };

export interface PasskeySignIn {
  challengeId: string;
  response: AuthenticationResponseJSON;
  ip: string;
  userAgent: string | null;
  requestId: string;
}

/** Step 2: the device's signed answer. A right one opens the same portal session as the one-time code does. */
export async function signInWithPasskey(deps: Deps, rp: RelyingParty, input: PasskeySignIn) {
  const now = deps.now();
  const policy = throttlePolicies(deps.config).ip;
  const outcome = await deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const ipState = await lockSubject(trx, ipSubject(input.ip), now);
    const wait = waitUntil(ipState, policy, now);
    if (wait) return { kind: 'wait', until: wait };
    const debtorId = await verifiedDebtor(trx, rp, input, now);
    if (typeof debtorId !== 'string') {
      await writeSubject(trx, ipSubject(input.ip), afterFailure(ipState, policy, now));
      await appendAudit(trx, {
        actor: PORTAL_ACTOR,
        action: 'portal.passkey_refused',
        targetType: 'debtor',
        targetId: debtorId.debtorId,
        requestId: input.requestId,
        at: now,
      });
      return { kind: 'refused' };
    }
    const session = await openPortalSession(trx, {
      debtorId,
      method: 'passkey',
      ip: input.ip,
      userAgent: input.userAgent,
      now,
    });
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.signed_in',
      targetType: 'debtor',
      targetId: debtorId,
      after: { method: 'passkey' },
      requestId: input.requestId,
      at: now,
    });
    return { kind: 'ok', ...session, debtorId };
  });
  if (outcome.kind === 'wait')
    throw new AppError(
      'portal.too_many_attempts',
      429,
      `Too many attempts from this network: wait ${retryAfterSeconds(outcome.until, now)} seconds, then try again.`,
      { retryAfterSeconds: retryAfterSeconds(outcome.until, now) },
    );
  if (outcome.kind === 'refused') throw passkeyRefused();
  return outcome;
}

/**
 * The person a signed answer proves, or the refusal (with the passkey's owner when the passkey is known, for the
 * audit trail). The challenge is used once whatever the outcome; the counter must move forward.
 */
async function verifiedDebtor(
  trx: Transaction<DB>,
  rp: RelyingParty,
  input: PasskeySignIn,
  now: Date,
): Promise<string | { debtorId: string | null }> {
  const challenge = await takeChallenge(trx, input.challengeId, 'authenticate', now);
  if (!challenge) return { debtorId: null };
  const passkey = await trx
    .selectFrom('portal_passkeys as k')
    .innerJoin('debtors as d', 'd.id', 'k.debtor_id')
    .select(['k.id', 'k.debtor_id', 'k.user_handle', 'k.credential_id', 'k.public_key', 'k.counter', 'k.transports'])
    .where('k.credential_id', '=', input.response.id)
    .where('k.revoked_at', 'is', null)
    .where('d.deceased_on', 'is', null)
    .forUpdate('k')
    .executeTakeFirst();
  if (!passkey) return { debtorId: null };
  const refused = { debtorId: passkey.debtor_id };
  const handle = input.response.response.userHandle;
  if (handle !== undefined && handle !== passkey.user_handle) return refused;
  const verified = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
    credential: {
      id: passkey.credential_id,
      publicKey: new Uint8Array(passkey.public_key),
      counter: Number(passkey.counter),
      transports: passkey.transports as AuthenticatorTransportFuture[],
    },
  }).catch(() => null);
  if (!verified?.verified) return refused;
  const counter = verified.authenticationInfo.newCounter;
  if (!counterMovesOn(Number(passkey.counter), counter)) return refused;
  await trx.updateTable('portal_passkeys').set({ counter, last_used_at: now }).where('id', '=', passkey.id).execute();
  return passkey.debtor_id;
}
