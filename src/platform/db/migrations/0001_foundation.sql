-- Accord foundation schema. PostgreSQL 15 features only (the embedded engine is newer; servers may not be).
-- Money is bigint cents; calendar dates are date; instants are timestamptz.

create table teams (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  kind text not null check (kind in ('amicable', 'care', 'overindebtedness', 'judicial', 'management', 'compliance', 'administration')),
  created_at timestamptz not null default now()
);

create table creditors (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
  name text not null check (length(name) between 1 and 200),
  legal_name text not null check (length(legal_name) between 1 and 200),
  registration_number text,
  sector text not null check (sector in ('bank', 'consumer_credit', 'energy', 'telecom', 'housing', 'other')),
  country text not null check (country ~ '^[A-Z]{2}$'),
  address_line1 text not null,
  address_line2 text,
  postal_code text not null,
  city text not null,
  contact_email text,
  contact_phone text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email) and position('@' in email) > 1),
  display_name text not null check (length(display_name) between 1 and 120),
  role text not null check (role in ('agent', 'team_leader', 'care_specialist', 'overindebtedness_specialist',
    'judicial_specialist', 'compliance_officer', 'manager', 'creditor_user', 'administrator')),
  creditor_id uuid references creditors (id),
  team_id uuid references teams (id),
  locale text not null default 'fr' check (locale in ('fr', 'en', 'it')),
  password_hash text not null,
  active boolean not null default true,
  failed_login_count integer not null default 0 check (failed_login_count >= 0),
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A creditor user is bound to exactly one creditor; agency staff to none.
  constraint users_creditor_binding check ((role = 'creditor_user') = (creditor_id is not null))
);

-- Server-side sessions: the cookie carries a random token, the table only its SHA-256.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);
create index sessions_expiry on sessions (expires_at);

-- The written agreement with a creditor (CPCE R124-3) and the limits it sets on agents.
create table mandates (
  id uuid primary key default gen_random_uuid(),
  creditor_id uuid not null references creditors (id),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
  kind text not null check (kind in ('collection', 'purchased')),
  commission_rate_bp integer not null check (commission_rate_bp between 0 and 10000),
  max_discount_bp integer not null default 0 check (max_discount_bp between 0 and 10000),
  max_plan_months integer not null default 24 check (max_plan_months between 1 and 84),
  settlements_allowed boolean not null default false,
  remittance_frequency text not null default 'monthly' check (remittance_frequency in ('weekly', 'fortnightly', 'monthly')),
  remittance_max_days integer not null default 30 check (remittance_max_days between 1 and 31),
  allocation_order jsonb not null default '["debtor_choice", "due_first", "interest_before_principal", "oldest_first"]',
  payment_grace_days integer not null default 10 check (payment_grace_days between 0 and 60),
  reject_file_on_error boolean not null default false,
  starts_on date not null,
  ends_on date,
  created_at timestamptz not null default now(),
  unique (creditor_id, code),
  check (ends_on is null or ends_on >= starts_on)
);

create table placements (
  id uuid primary key default gen_random_uuid(),
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  placed_on date not null,
  source_file_name text,
  source_sha256 text,
  status text not null check (status in ('pending', 'running', 'completed', 'rejected', 'failed')),
  claims_created integer not null default 0,
  claims_updated integer not null default 0,
  rows_rejected integer not null default 0,
  report jsonb,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  completed_at timestamptz
);
create index placements_creditor on placements (creditor_id, created_at desc);

-- One person, one debtor record, across placements and creditors.
create table debtors (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('person', 'company')),
  title text,
  first_name text,
  last_name text,
  birth_name text,
  birth_date date,
  birth_place text,
  company_name text,
  registration_number text,
  language text not null default 'fr' check (language in ('fr', 'en', 'it')),
  -- Normalised last name, first name and birth date: the second matching key after the creditor's reference.
  match_key text,
  deceased_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'person' and last_name is not null) or (kind = 'company' and company_name is not null))
);
create index debtors_match_key on debtors (match_key) where match_key is not null;
create index debtors_last_name on debtors (lower(last_name) text_pattern_ops);

create table debtor_references (
  creditor_id uuid not null references creditors (id),
  reference text not null,
  debtor_id uuid not null references debtors (id),
  primary key (creditor_id, reference)
);
create index debtor_references_debtor on debtor_references (debtor_id);

create table debtor_addresses (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  line1 text not null,
  line2 text,
  postal_code text not null,
  city text not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  -- French département or Italian province: calendars (Alsace-Moselle, overseas) and time zones follow it.
  subdivision text,
  time_zone text not null,
  is_primary boolean not null default false,
  source text not null default 'creditor' check (source in ('creditor', 'debtor', 'agent', 'enrichment')),
  verified_at timestamptz,
  created_at timestamptz not null default now()
);
create index debtor_addresses_debtor on debtor_addresses (debtor_id);

create table debtor_contact_points (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  channel text not null check (channel in ('phone', 'email')),
  value text not null,
  usage text not null check (usage in ('mobile', 'home', 'work', 'personal')),
  source text not null default 'creditor' check (source in ('creditor', 'debtor', 'agent', 'enrichment')),
  verified_at timestamptz,
  consent text not null default 'unknown' check (consent in ('unknown', 'given', 'withdrawn')),
  opted_out_at timestamptz,
  created_at timestamptz not null default now(),
  unique (debtor_id, channel, value)
);

-- The unit agents work: one debtor's claims for one creditor.
create table cases (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  debtor_id uuid not null references debtors (id),
  stage text not null check (stage in ('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'closed')),
  status text not null default 'open' check (status in ('open', 'on_hold', 'closed')),
  close_reason text check (close_reason in ('paid', 'recalled', 'time_barred', 'deceased', 'personal_recovery', 'settled', 'written_off', 'other')),
  currency text not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  -- Cached outstanding amount for lists and queues; rebuilt from the claims (and, later, the ledger) and checked.
  balance_cents bigint not null default 0 check (balance_cents >= 0),
  opened_on date not null,
  closed_on date,
  stage_changed_at timestamptz not null default now(),
  first_letter_reference text,
  first_letter_sent_on date,
  assigned_team_id uuid references teams (id),
  assigned_user_id uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'closed') = (closed_on is not null)),
  check (status <> 'closed' or close_reason is not null)
);
create unique index cases_one_open_per_debtor_and_creditor on cases (creditor_id, debtor_id) where status <> 'closed';
create index cases_creditor_stage on cases (creditor_id, stage, status);
create index cases_debtor on cases (debtor_id);
create index cases_balance on cases (balance_cents);
create index cases_opened on cases (opened_on);

create table claims (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  creditor_id uuid not null references creditors (id),
  placement_id uuid references placements (id),
  reference text not null,
  contract_type text not null check (contract_type in ('consumer_credit', 'overdraft', 'energy', 'telecom', 'rent', 'other')),
  original_creditor text,
  currency text not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  principal_cents bigint not null check (principal_cents >= 0),
  interest_cents bigint not null default 0 check (interest_cents >= 0),
  fees_cents bigint not null default 0 check (fees_cents >= 0),
  default_on date not null,
  last_payment_on date,
  status text not null default 'open' check (status in ('open', 'recalled', 'paid', 'closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (creditor_id, reference)
);
create index claims_case on claims (case_id);

create table case_stage_history (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  from_stage text,
  to_stage text not null,
  changed_at timestamptz not null default now(),
  changed_by uuid references users (id),
  reason text not null
);
create index case_stage_history_case on case_stage_history (case_id, changed_at);

-- The timeline of a case: letters, contacts, notes, reported payments.
create table case_events (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  occurred_at timestamptz not null,
  kind text not null check (kind in ('placement', 'letter', 'call_attempt', 'conversation', 'sms', 'email', 'note',
    'stage_change', 'promise', 'payment_reported', 'hold')),
  channel text check (channel in ('phone', 'sms', 'email', 'letter', 'portal')),
  direction text check (direction in ('outbound', 'inbound')),
  outcome text,
  summary text not null,
  actor_user_id uuid references users (id),
  data jsonb not null default '{}'
);
create index case_events_case on case_events (case_id, occurred_at desc);
create index case_events_debtor on case_events (debtor_id, occurred_at desc);

-- Holds stop or narrow collection. Each is dated: an end or a review date is mandatory.
create table holds (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  case_id uuid references cases (id),
  kind text not null check (kind in ('overindebtedness_filed', 'overindebtedness_admissible', 'commission_plan',
    'dispute', 'vulnerability', 'debt_advice', 'represented', 'deceased', 'time_barred')),
  reason text not null,
  starts_at timestamptz not null,
  ends_at timestamptz,
  review_at timestamptz,
  status text not null default 'active' check (status in ('active', 'lifted', 'lapsed')),
  lifted_at timestamptz,
  lifted_by uuid references users (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  constraint holds_are_dated check (ends_at is not null or review_at is not null),
  check (ends_at is null or ends_at > starts_at)
);
create index holds_debtor_active on holds (debtor_id) where status = 'active';

-- The audit trail: append-only and hash-chained. Each entry's hash covers its content and the previous hash,
-- and audit_head holds the newest hash, so an edited, deleted or truncated entry breaks the chain.
create table audit_log (
  seq bigint generated always as identity primary key,
  id uuid not null unique default gen_random_uuid(),
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_role text,
  action text not null,
  target_type text not null,
  target_id text,
  creditor_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_target on audit_log (target_type, target_id);
create index audit_log_actor on audit_log (actor_user_id, occurred_at desc);

create table audit_head (
  singleton boolean primary key default true check (singleton),
  last_seq bigint,
  last_hash text not null,
  entry_count bigint not null
);
insert into audit_head (singleton, last_seq, last_hash, entry_count) values (true, null, 'genesis', 0);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();

-- Daily figures per creditor and stage, written by the nightly refresh; the base of liquidation curves.
create table portfolio_snapshots (
  snapshot_on date not null,
  creditor_id uuid not null references creditors (id),
  stage text not null,
  open_cases integer not null,
  balance_cents bigint not null,
  placed_cents bigint not null,
  primary key (snapshot_on, creditor_id, stage)
);
