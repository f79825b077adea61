import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../platform/errors.js';
import { PASSWORD_REFUSALS, refusePassword } from './core/password-rule.js';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './core/password-policy.js';

/**
 * Refuses a password a person chose (API, command line) that breaks the rule of core/password-rule.ts: too short,
 * the public demo password, the e-mail address, or a leaked or common password. The demo's seed does not come here.
 */
export function assertAcceptablePassword(password: string, email: string): void {
  const refusal = refusePassword(password, email);
  if (refusal) throw invalid(refusal, PASSWORD_REFUSALS[refusal]);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this keeps a login for an unknown email as slow as one for a known email. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('accord-timing-equaliser-not-a-password');
  return dummyHash;
}
