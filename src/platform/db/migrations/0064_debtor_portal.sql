-- The debtor portal (src/portal/, docs/portal.md): a person signs in with the access code printed on the case's
-- letters and their birth date (or, when none is on file, the postcode the letters go to), then a one-time code sent
-- to a phone or an e-mail address already on file and verified. A portal session sees that person's cases only.

-- The access code of a case, printed on its letters. It opens nothing alone (the birth date and a one-time code to a
-- verified contact are asked with it), so it is kept as is and printed again on every letter.
create table portal_access_codes (
  case_id uuid primary key references cases (id),
  code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
  created_at timestamptz not null
);

-- One sign-in in progress: the details matched, a one-time code is (or is about to be) sent to one of the person's
-- verified contact points. Only the code's SHA-256 is kept; it expires, it is used once, and a few wrong answers end
-- the attempt.
create table portal_sign_in_challenges (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  case_id uuid not null references cases (id),
  created_at timestamptz not null,
  contact_point_id uuid references debtor_contact_points (id),
  code_sha256 text check (code_sha256 is null or code_sha256 ~ '^[0-9a-f]{64}$'),
  sent_at timestamptz,
  sends integer not null default 0 check (sends between 0 and 3),
  expires_at timestamptz not null,
  wrong_answers integer not null default 0 check (wrong_answers between 0 and 5),
  used_at timestamptz,
  check ((code_sha256 is null) = (sent_at is null)),
  check ((sent_at is null) = (contact_point_id is null))
);
create index portal_sign_in_challenges_expires on portal_sign_in_challenges (expires_at);

-- A signed-in debtor. Like staff sessions, only the cookie token's SHA-256 is kept; the session slides with use and
-- ends for good at its absolute end.
create table portal_sessions (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  csrf_token text not null,
  debtor_id uuid not null references debtors (id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ends_at timestamptz not null,
  ip text,
  user_agent text check (user_agent is null or length(user_agent) <= 500)
);
create index portal_sessions_debtor on portal_sessions (debtor_id);
create index portal_sessions_expires on portal_sessions (expires_at);

-- The portal's failed sign-ins are counted like staff ones (identity/core/login-throttle.ts), per access code and per
-- client address, in the same table under subjects of their own.
alter table login_throttles drop constraint login_throttles_subject_check;
alter table login_throttles add constraint login_throttles_subject_check
  check (subject ~ '^(account|ip|portal|portal_ip):');

-- A difficulty the debtor declared on the portal, with their consent to its use: a signal for a person of the care
-- unit (vulnerability_signals kind 'debtor_declaration'), never a record by itself.
create table portal_declarations (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('job_loss', 'illness', 'bereavement', 'separation', 'other')),
  -- What the person chose to say, as typed: special-category data, read under need-to-know.
  note text check (note is null or length(btrim(note)) between 1 and 1000),
  consent_at timestamptz not null,
  declared_at timestamptz not null,
  signal_id uuid references vulnerability_signals (id)
);
create index portal_declarations_debtor on portal_declarations (debtor_id, declared_at desc);

-- Who recorded a debtor's wishes: a person of the agency, or the debtor on the portal.
alter table contact_callbacks add column via text not null default 'agent' check (via in ('agent', 'portal'));
alter table contact_preferences add column via text not null default 'agent' check (via in ('agent', 'portal'));
