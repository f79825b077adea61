-- Separation of duties: an administrator manages accounts, but giving an account a role that reads case data (a new
-- account, or a raised role) waits here for a second person (a manager or a compliance officer, never the requester).
create table user_access_requests (
  id uuid primary key default uuid_time_ordered(),
  user_id uuid not null references users (id),
  kind text not null check (kind in ('creation', 'role_change')),
  from_role text,
  role text not null check (role in ('agent', 'team_leader', 'care_specialist', 'overindebtedness_specialist',
    'judicial_specialist', 'compliance_officer', 'manager', 'creditor_user', 'administrator')),
  creditor_id uuid references creditors (id),
  requested_by uuid not null references users (id),
  requested_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'withdrawn')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  reason text check (length(reason) <= 1000),
  -- The four-eyes rule, held by the database too: nobody decides their own request.
  check (decided_by is null or decided_by <> requested_by),
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'refused' or reason is not null)
);
create unique index user_access_requests_one_pending on user_access_requests (user_id) where status = 'pending';
create index user_access_requests_pending on user_access_requests (requested_at) where status = 'pending';

-- Webhook secrets are encrypted by the application (AES-256-GCM, key SECRETS_KEY); plaintext values left by earlier
-- versions are encrypted at the first start with a key. Only the last four characters are ever shown again.
alter table creditors add column webhook_secret_last4 text;
update creditors set webhook_secret_last4 = right(webhook_secret, 4) where webhook_secret is not null;

-- Upload quota per creditor: the bytes of each stored placement file.
alter table placements add column source_bytes bigint check (source_bytes >= 0);
create index placements_creditor_active on placements (creditor_id) where status in ('pending', 'running');
