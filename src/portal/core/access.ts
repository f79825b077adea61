export {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_LENGTH,
  accessCodeFrom,
  printedAccessCode,
  readAccessCode,
} from '../../cases/core/access-code.js';

/**
 * How a debtor gets into the portal, as pure rules (docs/portal.md): the access code printed on the case's letters
 * (`cases/core/access-code.ts`), the identity check that goes with it, the one-time code sent to a verified contact point, and the session's life.
 * Randomness comes in as bytes, time as `now`: nothing here draws or reads a clock.
 */

/** The figures of the sign-in (the agency's choice, not law). */
export const SIGN_IN = {
  /** A one-time code is good for this long after it is sent. */
  codeMinutes: 10,
  /** Wrong one-time codes before the attempt ends (the person starts again from the access code). */
  maxWrongAnswers: 5,
  /** Codes sent for one attempt (a first one and two more "send again"). */
  maxSends: 3,
  /** An attempt whose code was never asked for lapses after this long. */
  challengeMinutes: 15,
} as const;

export const PORTAL_SESSION = {
  /** A session not used for this long ends (a shared or lost phone). */
  idleMinutes: 20,
  /** And ends at the latest this long after sign-in, used or not. */
  maxHours: 4,
} as const;

/** A six-digit one-time code from random bytes, drawn without bias (values of 4 bytes above the last whole million are redrawn). */
export function oneTimeCodeFrom(bytes: Uint8Array): string | null {
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const value = ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
    if (value < limit) return String(value % 1_000_000).padStart(6, '0');
  }
  return null;
}

/** The one-time code as typed: digits only, six of them; null otherwise. */
export function readOneTimeCode(typed: string): string | null {
  const digits = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** What the person gives with the access code: the birth date, or the postcode of the letters when no birth date is on file. */
export interface IdentityAnswer {
  birthDate?: string | undefined;
  postcode?: string | undefined;
}

export interface IdentityOnFile {
  birthDate: string | null;
  /** The postcode of the address the case's letters go to, when known. */
  letterPostcode: string | null;
}

const postcodeKey = (postcode: string) => postcode.replace(/\s/g, '').toUpperCase();

/**
 * Whether the answer matches the file: the birth date when the file has one (a postcode then proves nothing); the
 * letters' postcode only for a person with no birth date on file (a company, a record without it).
 */
export function identityMatches(onFile: IdentityOnFile, answer: IdentityAnswer): boolean {
  if (onFile.birthDate !== null) return answer.birthDate === onFile.birthDate;
  if (onFile.letterPostcode === null || !answer.postcode) return false;
  return postcodeKey(answer.postcode) === postcodeKey(onFile.letterPostcode);
}

/** An e-mail address as shown to whoever holds the access code: its first letter and domain (`j•••@example.fr`). */
export function maskedEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

/** A phone number as shown: its last two digits only (`•• •• •• •• 42`). */
export function maskedPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return `•• •• •• •• ${digits.slice(-2)}`;
}

export interface ChallengeFacts {
  createdAt: Date;
  sentAt: Date | null;
  sends: number;
  wrongAnswers: number;
  usedAt: Date | null;
}

export type ChallengeState = 'waiting_for_send' | 'code_sent' | 'used' | 'expired' | 'exhausted';

/** Where a sign-in attempt is at `now`. */
export function challengeState(challenge: ChallengeFacts, now: Date): ChallengeState {
  if (challenge.usedAt) return 'used';
  if (challenge.wrongAnswers >= SIGN_IN.maxWrongAnswers) return 'exhausted';
  const minutes = (from: Date) => (now.getTime() - from.getTime()) / 60_000;
  if (challenge.sentAt === null)
    return minutes(challenge.createdAt) >= SIGN_IN.challengeMinutes ? 'expired' : 'waiting_for_send';
  return minutes(challenge.sentAt) >= SIGN_IN.codeMinutes ? 'expired' : 'code_sent';
}

/** Whether one more code may be sent for this attempt now. */
export function maySendCode(challenge: ChallengeFacts, now: Date): boolean {
  const state = challengeState(challenge, now);
  return (state === 'waiting_for_send' || state === 'code_sent') && challenge.sends < SIGN_IN.maxSends;
}

/** A session's end after a use at `now`: the idle window, never past its absolute end. */
export function sessionExpiry(now: Date, endsAt: Date): Date {
  const idle = now.getTime() + PORTAL_SESSION.idleMinutes * 60_000;
  return new Date(Math.min(idle, endsAt.getTime()));
}

/** A new session's absolute end. */
export function sessionEnd(signedInAt: Date): Date {
  return new Date(signedInAt.getTime() + PORTAL_SESSION.maxHours * 3_600_000);
}
