/**
 * When a message whose transport failed is tried again: soon at first (a relay restarting), then further apart, and
 * given up after a day, when what it said may no longer be true. Pure, for the dispatcher.
 */
export const MAX_SEND_ATTEMPTS = 8;

const DELAYS_MINUTES = [1, 5, 15, 30, 60, 180, 480] as const;

/** The delay before the next attempt after `attempts` failed ones, or null when the message is given up. */
export function retryDelayMs(attempts: number): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts counts failed tries, from 1');
  if (attempts >= MAX_SEND_ATTEMPTS) return null;
  return DELAYS_MINUTES[Math.min(attempts, DELAYS_MINUTES.length) - 1]! * 60_000;
}

/** How long a claimed message is left to its dispatcher before another may take it (a crashed process). */
export const CLAIM_LEASE_MS = 5 * 60_000;
