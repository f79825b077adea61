-- Passkeys (WebAuthn) for returning visits to the debtor portal (src/portal/passkeys.ts, docs/portal.md "Passkeys").
-- After a full sign-in (access code, birth date, one-time code) a person may create a passkey on their device; later
-- it alone opens the same kind of portal session. Kept: the credential's id and public key, its signature counter and
-- transports, a name the person may give; never a private key, never a biometric. A passkey is revoked, not deleted
-- (by the person, or by the agency when it resets the person's portal access).
create table portal_passkeys (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  -- The opaque random user handle given to the authenticator for this person (the same for all their passkeys):
  -- never their name, reference or birth date.
  user_handle text not null check (user_handle ~ '^[A-Za-z0-9_-]{16,64}$'),
  -- base64url, as WebAuthn's API gives it.
  credential_id text not null unique check (credential_id ~ '^[A-Za-z0-9_-]+$' and length(credential_id) between 16 and 1400),
  public_key bytea not null,
  counter bigint not null default 0 check (counter >= 0),
  transports text[] not null default '{}',
  name text check (name is null or length(btrim(name)) between 1 and 60),
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index portal_passkeys_debtor on portal_passkeys (debtor_id) where revoked_at is null;

-- One WebAuthn ceremony in progress: the challenge the server gave, used once, for a few minutes. A registration's is
-- bound to the portal session that asked for it (the SHA-256 of its token); a sign-in's to nobody yet.
create table portal_passkey_challenges (
  id uuid primary key default uuid_time_ordered(),
  purpose text not null check (purpose in ('register', 'authenticate')),
  challenge text not null check (challenge ~ '^[A-Za-z0-9_-]{16,128}$'),
  session_token_hash text check (session_token_hash is null or session_token_hash ~ '^[0-9a-f]{64}$'),
  -- The user handle a registration gave the authenticator, kept with the passkey it makes.
  user_handle text check (user_handle is null or user_handle ~ '^[A-Za-z0-9_-]{16,64}$'),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  check ((purpose = 'register') = (session_token_hash is not null)),
  check ((purpose = 'register') = (user_handle is not null))
);
create index portal_passkey_challenges_expires on portal_passkey_challenges (expires_at);

-- How a portal session was opened, and whether its offer to create a passkey is closed (the person said "not now",
-- or made one): never offered twice in a session.
alter table portal_sessions add column method text not null default 'code' check (method in ('code', 'passkey'));
alter table portal_sessions add column passkey_offer_closed boolean not null default false;
