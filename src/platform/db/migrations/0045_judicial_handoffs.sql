-- The judicial handoff (REGULATION.md §11 point 5): the partners a judicial case is handed to (a commissaire de
-- justice or the creditor's lawyer, with the channel they receive files by) and each built version of a case's
-- handoff file: its JSON and PDF kept as built, their SHA-256, and whether it was sent, acknowledged or withdrawn.
create table judicial_partners (
  id uuid primary key default uuid_time_ordered(),
  firm_name text not null check (length(firm_name) between 1 and 200),
  kind text not null check (kind in ('commissaire_de_justice', 'lawyer')),
  contact_name text check (length(contact_name) between 1 and 200),
  email text check (position('@' in email) > 1 and length(email) <= 300),
  phone text check (length(phone) between 1 and 40),
  address text not null check (length(address) between 1 and 500),
  channel text not null check (channel in ('email', 'portal', 'post')),
  -- The cour d'appel whose area the partner works in (a PSRPC goes to a commissaire of the debtor's area, R125-1).
  area text not null check (length(area) between 1 and 120),
  active boolean not null default true,
  created_at timestamptz not null,
  created_by uuid references users (id),
  updated_at timestamptz not null,
  updated_by uuid references users (id),
  check (channel <> 'email' or email is not null)
);

create table judicial_handoffs (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null references cases (id),
  creditor_id uuid not null references creditors (id),
  version integer not null check (version >= 1),
  partner_id uuid references judicial_partners (id),
  built_at timestamptz not null,
  built_by uuid references users (id),
  -- The JSON exactly as hashed, and the PDF's bytes in base64 (kept with the row: one transaction writes both).
  json_text text not null,
  json_sha256 text not null check (json_sha256 ~ '^[0-9a-f]{64}$'),
  pdf_base64 text not null,
  pdf_sha256 text not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  status text not null default 'built' check (status in ('built', 'sent', 'acknowledged', 'withdrawn')),
  sent_at timestamptz,
  sent_by uuid references users (id),
  channel text check (channel in ('email', 'portal', 'post')),
  acknowledged_at timestamptz,
  acknowledged_by uuid references users (id),
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id),
  unique (case_id, version),
  check (status in ('built', 'withdrawn') or sent_at is not null),
  check ((sent_at is null) = (channel is null) and (sent_at is null or partner_id is not null)),
  check ((status = 'acknowledged') = (acknowledged_at is not null) and (acknowledged_at is null or sent_at is not null)),
  check ((status = 'withdrawn') = (withdrawn_at is not null))
);
create index judicial_handoffs_creditor on judicial_handoffs (creditor_id, built_at);
