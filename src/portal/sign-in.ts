import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { afterFailure, retryAfterSeconds, waitUntil } from '../identity/core/login-throttle.js';
import { laterOf, lockSubject, throttlePolicies, writeSubject } from '../identity/login.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import {
  challengeState,
  identityMatches,
  maskedEmail,
  maskedPhone,
  maySendCode,
  oneTimeCodeFrom,
  readAccessCode,
  readOneTimeCode,
  SIGN_IN,
  type IdentityAnswer,
} from './core/access.js';
import { letterPostcode, usableContactPoints } from './portal-facts.js';
import { sendOneTimeCode } from './send-code.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import { openPortalSession } from './portal-sessions.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const codeSubject = (code: string) => `portal:${sha256(code)}`;
export const ipSubject = (ip: string) => `portal_ip:${ip}`;

/** The one answer for a code that does not exist, a wrong identity and a record the portal does not open. */
const signInFailed = () =>
  new AppError(
    'portal.sign_in_failed',
    401,
    'These details do not open a file: check the access code on your letter and your birth date, or call us.',
  );

const tooManyAttempts = (seconds: number) =>
  new AppError(
    'portal.too_many_attempts',
    429,
    `Too many attempts with this code or from this network: wait ${seconds} seconds, then try again.`,
    { retryAfterSeconds: seconds },
  );

const attemptOver = () =>
  new AppError(
    'portal.attempt_over',
    401,
    'This sign-in attempt has ended (the code expired or was used, or too many wrong codes): start again with your access code.',
  );

export interface StartSignIn extends IdentityAnswer {
  accessCode: string;
  ip: string;
  requestId: string;
}

export interface Destination {
  id: string;
  channel: 'sms' | 'email';
  masked: string;
}

type StartOutcome =
  | { kind: 'ok'; challengeId: string; destinations: Destination[] }
  | { kind: 'failed' }
  | { kind: 'wait'; until: Date }
  | { kind: 'no_contact' };

/**
 * First step: the access code and the birth date (or the postcode). Both the code's and the network's failures are
 * counted like staff sign-ins (throttled, never a lock that a stranger could hold); the answer never says whether a
 * code exists. When they match, an attempt is opened and the person's verified phones and e-mail addresses are
 * offered, masked, for the one-time code.
 */
export async function startSignIn(deps: Deps, input: StartSignIn) {
  const now = deps.now();
  const code = readAccessCode(input.accessCode);
  const policies = throttlePolicies(deps.config);
  const outcome = await deps.db.transaction().execute(async (trx): Promise<StartOutcome> => {
    const ipState = await lockSubject(trx, ipSubject(input.ip), now);
    const codeState = code ? await lockSubject(trx, codeSubject(code), now) : null;
    const wait = laterOf(
      waitUntil(ipState, policies.ip, now),
      codeState ? waitUntil(codeState, policies.account, now) : null,
    );
    if (wait) return { kind: 'wait', until: wait };
    const found = code ? await caseOfCode(trx, code) : null;
    const matches =
      found !== undefined &&
      found !== null &&
      found.deceased_on === null &&
      identityMatches(
        { birthDate: found.birth_date, letterPostcode: await letterPostcode(trx, found.debtor_id) },
        input,
      );
    if (!matches) {
      await writeSubject(trx, ipSubject(input.ip), afterFailure(ipState, policies.ip, now));
      if (code && codeState) await writeSubject(trx, codeSubject(code), afterFailure(codeState, policies.account, now));
      await appendAudit(trx, {
        actor: PORTAL_ACTOR,
        action: 'portal.sign_in_failed',
        targetType: 'case',
        targetId: found?.case_id ?? null,
        requestId: input.requestId,
        at: now,
      });
      return { kind: 'failed' };
    }
    const points = await usableContactPoints(trx, found.debtor_id);
    if (points.length === 0) return { kind: 'no_contact' };
    const challenge = await trx
      .insertInto('portal_sign_in_challenges')
      .values({
        debtor_id: found.debtor_id,
        case_id: found.case_id,
        created_at: now,
        expires_at: new Date(now.getTime() + SIGN_IN.challengeMinutes * 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      kind: 'ok',
      challengeId: challenge.id,
      destinations: points.map((point) => ({
        id: point.id,
        channel: point.channel === 'email' ? ('email' as const) : ('sms' as const),
        masked: point.channel === 'email' ? maskedEmail(point.value) : maskedPhone(point.value),
      })),
    };
  });
  if (outcome.kind === 'wait') throw tooManyAttempts(retryAfterSeconds(outcome.until, now));
  if (outcome.kind === 'failed') throw signInFailed();
  if (outcome.kind === 'no_contact')
    throw new AppError(
      'portal.no_verified_contact',
      409,
      `We have no verified phone or e-mail address to send you a code: call us at ${deps.config.AGENCY_PHONE} and we will add one.`,
    );
  return { challengeId: outcome.challengeId, destinations: outcome.destinations };
}

async function caseOfCode(trx: Transaction<DB>, code: string) {
  return trx
    .selectFrom('portal_access_codes as p')
    .innerJoin('cases', 'cases.id', 'p.case_id')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .select(['cases.id as case_id', 'cases.debtor_id', 'debtors.birth_date', 'debtors.deceased_on'])
    .where('p.code', '=', code)
    .executeTakeFirst();
}

async function lockedChallenge(trx: Transaction<DB>, challengeId: string) {
  const row = await trx
    .selectFrom('portal_sign_in_challenges')
    .selectAll()
    .where('id', '=', challengeId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw attemptOver();
  return row;
}

/**
 * Second step: a one-time code to the contact point the person chose among those offered. Its SHA-256 is kept, the
 * code itself goes out after the commit through the same SMTP or SMPP door as every message; a failed send can be
 * asked again (three sends an attempt).
 */
export async function sendSignInCode(
  deps: Deps,
  input: { challengeId: string; contactPointId: string; requestId: string },
): Promise<{ sentTo: Destination; expiresAt: string }> {
  const now = deps.now();
  const code = oneTimeCodeFrom(randomBytes(32));
  if (!code) throw new Error('No unbiased one-time code in 32 random bytes');
  const expiresAt = new Date(now.getTime() + SIGN_IN.codeMinutes * 60_000);
  const { point, language } = await deps.db.transaction().execute(async (trx) => {
    const challenge = await lockedChallenge(trx, input.challengeId);
    if (!maySendCode(toFacts(challenge), now)) throw attemptOver();
    const points = await usableContactPoints(trx, challenge.debtor_id);
    const chosen = points.find((candidate) => candidate.id === input.contactPointId);
    if (!chosen)
      throw new AppError(
        'portal.destination_unknown',
        422,
        'Choose one of the phones or e-mail addresses offered for the code.',
      );
    await trx
      .updateTable('portal_sign_in_challenges')
      .set({
        contact_point_id: chosen.id,
        code_sha256: sha256(code),
        sent_at: now,
        sends: challenge.sends + 1,
        expires_at: expiresAt,
        wrong_answers: 0,
      })
      .where('id', '=', challenge.id)
      .execute();
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.code_sent',
      targetType: 'debtor',
      targetId: challenge.debtor_id,
      after: { caseId: challenge.case_id, channel: chosen.channel === 'email' ? 'email' : 'sms' },
      requestId: input.requestId,
      at: now,
    });
    const debtor = await trx
      .selectFrom('debtors')
      .select('language')
      .where('id', '=', challenge.debtor_id)
      .executeTakeFirstOrThrow();
    return { point: chosen, language: debtor.language };
  });
  await sendOneTimeCode(deps, { challengeId: input.challengeId, point, code, language });
  return {
    sentTo: {
      id: point.id,
      channel: point.channel === 'email' ? 'email' : 'sms',
      masked: point.channel === 'email' ? maskedEmail(point.value) : maskedPhone(point.value),
    },
    expiresAt: expiresAt.toISOString(),
  };
}

function toFacts(row: {
  created_at: Date;
  sent_at: Date | null;
  sends: number;
  wrong_answers: number;
  used_at: Date | null;
}) {
  return {
    createdAt: row.created_at,
    sentAt: row.sent_at,
    sends: row.sends,
    wrongAnswers: row.wrong_answers,
    usedAt: row.used_at,
  };
}

type VerifyOutcome =
  | { kind: 'ok'; token: string; csrfToken: string; debtorId: string; endsAt: Date }
  | { kind: 'wrong'; left: number }
  | { kind: 'over' };

/**
 * Last step: the one-time code. A right one opens a portal session for the person (the cookie token's hash kept);
 * a wrong one counts, against the attempt and against the access code's throttle.
 */
export async function verifySignInCode(
  deps: Deps,
  input: { challengeId: string; code: string; ip: string; userAgent: string | null; requestId: string },
): Promise<{ token: string; csrfToken: string; debtorId: string; endsAt: Date }> {
  const now = deps.now();
  const typed = readOneTimeCode(input.code);
  const policies = throttlePolicies(deps.config);
  const outcome = await deps.db.transaction().execute(async (trx): Promise<VerifyOutcome> => {
    const challenge = await lockedChallenge(trx, input.challengeId);
    if (challengeState(toFacts(challenge), now) !== 'code_sent' || !challenge.code_sha256) return { kind: 'over' };
    const access = await trx
      .selectFrom('portal_access_codes')
      .select('code')
      .where('case_id', '=', challenge.case_id)
      .executeTakeFirstOrThrow();
    const subject = codeSubject(access.code);
    const state = await lockSubject(trx, subject, now);
    const right =
      typed !== null && timingSafeEqual(Buffer.from(sha256(typed), 'hex'), Buffer.from(challenge.code_sha256, 'hex'));
    if (!right) {
      const wrong = challenge.wrong_answers + 1;
      await trx
        .updateTable('portal_sign_in_challenges')
        .set({ wrong_answers: wrong })
        .where('id', '=', challenge.id)
        .execute();
      await writeSubject(trx, subject, afterFailure(state, policies.account, now));
      return wrong >= SIGN_IN.maxWrongAnswers
        ? { kind: 'over' }
        : { kind: 'wrong', left: SIGN_IN.maxWrongAnswers - wrong };
    }
    // A right answer forgets the code's failures (a count of none is no row).
    await trx.deleteFrom('login_throttles').where('subject', '=', subject).execute();
    await trx.updateTable('portal_sign_in_challenges').set({ used_at: now }).where('id', '=', challenge.id).execute();
    const session = await openPortalSession(trx, {
      debtorId: challenge.debtor_id,
      method: 'code',
      ip: input.ip,
      userAgent: input.userAgent,
      now,
    });
    await trx
      .deleteFrom('portal_sign_in_challenges')
      .where('expires_at', '<', new Date(now.getTime() - 86_400_000))
      .execute();
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.signed_in',
      targetType: 'debtor',
      targetId: challenge.debtor_id,
      after: { caseId: challenge.case_id, method: 'code' },
      requestId: input.requestId,
      at: now,
    });
    return { kind: 'ok', ...session, debtorId: challenge.debtor_id };
  });
  if (outcome.kind === 'over') throw attemptOver();
  if (outcome.kind === 'wrong')
    throw new AppError(
      'portal.code_wrong',
      401,
      `This code is not the one we sent: check it and try again (${outcome.left} tries left).`,
      { triesLeft: outcome.left },
    );
  return outcome;
}
