-- Administration (issue 21). Poles group teams (the judicial pole, the amicable pole, ...): a manager leads the teams
-- of a pole. A team belongs to at most one pole.
create table poles (
  id uuid primary key default uuid_time_ordered(),
  name text not null unique check (length(name) between 1 and 100),
  created_at timestamptz not null default now()
);
alter table teams add column pole_id uuid references poles (id);
alter table teams add constraint teams_name_length check (length(name) between 1 and 100);
create index teams_pole on teams (pole_id);

-- A password reset no longer carries a password chosen by the administrator: once a second person approves it, the
-- account must set a new password at its next sign-in. Resets opened before keep their hash until decided.
alter table user_access_requests drop constraint user_access_requests_password_hash_check;
alter table user_access_requests
  add constraint user_access_requests_password_hash_check
  check (password_hash is null or (kind = 'password_reset' and status = 'pending'));
alter table users add column password_change_required boolean not null default false;

-- Four-eyes on money out: a remittance is prepared by one person and released by another; its transfer file exists
-- only once released. Remittances made before were prepared and paid in one step: they count as released.
alter table remittances add column status text not null default 'released'
  check (status in ('prepared', 'released', 'cancelled'));
alter table remittances add column released_by uuid references users (id);
alter table remittances add column released_at timestamptz;
alter table remittances add column cancelled_by uuid references users (id);
alter table remittances add column cancelled_at timestamptz;
update remittances set released_at = prepared_at;
alter table remittances alter column status set default 'prepared';
alter table remittances add constraint remittances_release_check check ((status = 'released') = (released_at is not null));
alter table remittances add constraint remittances_cancel_check check ((status = 'cancelled') = (cancelled_at is not null));
-- The four-eyes rule, held by the database too: nobody releases what they prepared.
alter table remittances add constraint remittances_four_eyes check (released_by is null or released_by <> prepared_by);
create index remittances_prepared on remittances (prepared_at) where status = 'prepared';
