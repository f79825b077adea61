import { z } from 'zod';
import { PASSKEYS } from '../core/passkeys.js';

/** Passkeys on the portal (`/api/portal/v1/passkeys`, `/api/portal/v1/sign-in/passkey`; docs/portal.md "Passkeys"). */

const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'base64url');

/** What WebAuthn's `navigator.credentials.create()` answers, as JSON (`@simplewebauthn/browser`). */
const registrationResponse = z.object({
  id: base64url(1400).min(16),
  rawId: base64url(1400).min(16),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(32_768),
    transports: z.array(z.string().max(20)).max(10).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

/** What WebAuthn's `navigator.credentials.get()` answers, as JSON. */
const authenticationResponse = z.object({
  id: base64url(1400).min(16),
  rawId: base64url(1400).min(16),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(1024),
    userHandle: base64url(128).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

/** The options to give WebAuthn as they are (PublicKeyCredential…OptionsJSON), with the ceremony to answer. */
export const ceremonySchema = z.object({
  challengeId: z.string().uuid(),
  options: z.record(z.string(), z.unknown()),
});

export const registerPasskeyBody = z.strictObject({
  challengeId: z.string().uuid(),
  response: registrationResponse,
  /** A name the person may give ("My phone"). */
  name: z.string().max(200).optional(),
});

export const passkeySignInBody = z.strictObject({
  challengeId: z.string().uuid(),
  response: authenticationResponse,
});

export const passkeySchema = z.object({
  id: z.string().uuid(),
  name: z.string().nullable(),
  createdAt: z.string().datetime(),
  lastUsedAt: z.string().datetime().nullable(),
});
export type PortalPasskey = z.infer<typeof passkeySchema>;

export const passkeysSchema = z.object({
  /** Whether to offer, now, to create a passkey on this device (after a full sign-in, once a session). */
  offer: z.boolean(),
  /** Whether this session may add one: opened with the letter's code and the one-time code, below the most. */
  canAdd: z.boolean(),
  /** The most a person may keep. */
  max: z.literal(PASSKEYS.maxPerDebtor),
  passkeys: z.array(passkeySchema),
});
export type PortalPasskeys = z.infer<typeof passkeysSchema>;

/** What the agency reads of a debtor's passkeys on a case (never a credential's id or key). */
export const debtorPasskeysSchema = z.object({
  /** Passkeys in force (not revoked). */
  count: z.number().int(),
  /** When one of them last opened the portal; null if never. */
  lastUsedAt: z.string().datetime().nullable(),
});
export type DebtorPasskeys = z.infer<typeof debtorPasskeysSchema>;

export const passkeysRevokedSchema = z.object({
  /** Passkeys revoked, and portal sessions of the person ended. */
  revoked: z.number().int(),
  sessionsEnded: z.number().int(),
});
export type PasskeysRevoked = z.infer<typeof passkeysRevokedSchema>;
