import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';

/**
 * The password rule for every password a person chooses (API and command line): long enough, not the public demo
 * password, not the e-mail address, and not among the leaked or common passwords. The last check is zxcvbn's
 * estimate with its offline lists (@zxcvbn-ts/language-common: 30,000 leaked passwords, keyboard patterns, common
 * words), given the e-mail as the user's own words: a password it expects to find in fewer than 10^10 guesses is
 * refused. No network call. The demo's seed hashes its password directly and is not subject to this rule.
 */
export type PasswordRefusal =
  'password.too_short' | 'password.too_long' | 'password.demo' | 'password.contains_email' | 'password.too_common';

/** Printed on the demo's console and in the README: whoever reaches a server knows it. Equal to demo/seed.ts's. */
export const DEMO_PASSWORD = 'accord-demo-2026';

/** 10^10 guesses: zxcvbn's "very unguessable" score, beyond an offline attack on a fast hash for a while. */
export const MIN_GUESSES_LOG10 = 10;

let estimator: ZxcvbnFactory | undefined;
function guessesLog10(password: string, userInputs: string[]): number {
  // The lists take about a second to load: once, on the first password checked.
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password, userInputs).guessesLog10;
}

export function refusePassword(password: string, email: string): PasswordRefusal | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password.too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password.too_long';
  const lower = password.toLowerCase();
  if (lower.includes(DEMO_PASSWORD)) return 'password.demo';
  const address = email.trim().toLowerCase();
  const user = address.split('@')[0] ?? '';
  // A user name of a few letters would forbid half the passwords; zxcvbn still weighs it below.
  if (lower.includes(address) || (user.length >= 4 && lower.includes(user))) return 'password.contains_email';
  if (guessesLog10(password, [address, user, ...user.split(/[._+-]/)]) < MIN_GUESSES_LOG10)
    return 'password.too_common';
  return null;
}

export const PASSWORD_REFUSALS: Record<PasswordRefusal, string> = {
  'password.too_short': `The password is too short: use at least ${PASSWORD_MIN_LENGTH} characters (a sentence is easiest to remember).`,
  'password.too_long': `The password is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`,
  'password.demo': 'The demo password is public: choose another password.',
  'password.contains_email':
    'The password must not contain the email address or its user name: choose another password.',
  'password.too_common':
    'This password is among the leaked or common passwords, or close to one: choose a longer, personal one (a sentence of several words works well).',
};
