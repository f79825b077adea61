/**
 * Passkeys on the debtor portal (docs/portal.md "Passkeys"), as pure rules: which site the passkeys belong to, how
 * long a ceremony's challenge lives, whether a signature counter moved forward, a passkey's name, and when the portal
 * offers to create one. Time comes in as `now`.
 */

export const PASSKEYS = {
  /** A challenge (registration or sign-in) is good for this long, once. */
  challengeMinutes: 5,
  /** The longest name a person may give a passkey ("Mon téléphone"). */
  nameMaxLength: 60,
  /** Passkeys a person may keep at once (one per device is plenty). */
  maxPerDebtor: 10,
} as const;

export interface RelyingParty {
  /** The WebAuthn RP id: the host name, without scheme or port. */
  id: string;
  /** The origin the browser signs (`https://accord.example.fr`, `http://localhost:3000`). */
  origin: string;
}

/**
 * The site passkeys belong to: `PUBLIC_URL` when set (production: the address debtors reach). Unset, only a local
 * address is taken from the request (development and tests, `http://localhost` being a secure context): any other host
 * could come from a forwarded header, and a passkey bound to it would belong to whoever sent it. Null then: no
 * ceremony until `PUBLIC_URL` is set.
 */
export function relyingParty(
  publicUrl: string | undefined,
  request: { protocol: string; host: string },
): RelyingParty | null {
  const url = new URL(publicUrl ?? `${request.protocol}://${request.host}`);
  if (publicUrl === undefined && url.hostname !== 'localhost' && !url.hostname.endsWith('.localhost')) return null;
  return { id: url.hostname, origin: url.origin };
}

/** Whether a challenge may still be answered at `now`: not used, not expired. */
export function challengeOpen(challenge: { expiresAt: Date; usedAt: Date | null }, now: Date): boolean {
  return challenge.usedAt === null && now.getTime() < challenge.expiresAt.getTime();
}

/** When a new challenge stops being good. */
export function challengeExpiry(now: Date): Date {
  return new Date(now.getTime() + PASSKEYS.challengeMinutes * 60_000);
}

/**
 * Whether an authenticator's signature counter is acceptable after `stored`: it must move forward, unless the
 * authenticator keeps no counter at all (both zero, as many passkeys synced between devices do). A counter that
 * stays or goes back is the sign of a cloned authenticator.
 */
export function counterMovesOn(stored: number, received: number): boolean {
  if (stored === 0 && received === 0) return true;
  return received > stored;
}

/** A passkey's name as the person typed it: spaces collapsed, at most 60 characters; null when empty. */
export function passkeyName(typed: string | null | undefined): string | null {
  const name = (typed ?? '').replace(/\s+/g, ' ').trim().slice(0, PASSKEYS.nameMaxLength).trim();
  return name === '' ? null : name;
}

/**
 * Whether the portal offers to create a passkey in this session: only after a full sign-in (a passkey's session
 * already has one), never again once the person said "not now" or made one in this session (`closed`), and not beyond
 * the most a person may keep.
 */
export function offersPasskey(session: { method: 'code' | 'passkey'; closed: boolean; count: number }): boolean {
  return session.method === 'code' && !session.closed && session.count < PASSKEYS.maxPerDebtor;
}
