-- Payment plans (issue 6, PRODUCT.md §4, shared/domain/REGULATION.md §2 and §7): plans on a case, their versions
-- (a change is a new version with its reason, never an edit), instalments, the approvals of team leaders, the
-- authority of each role, and review items for a person (orientation to the Banque de France, broken plans).

-- What a role may agree without a team leader's approval, as data (the agency edits it). A role without a row has
-- no authority of its own: every plan it records goes to the approvals queue. The mandate bounds every role.
create table plan_authority (
  role text primary key,
  max_plan_months integer not null check (max_plan_months between 0 and 84),
  max_discount_bp integer not null check (max_discount_bp between 0 and 10000),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

insert into plan_authority (role, max_plan_months, max_discount_bp) values
  ('agent', 12, 0),
  ('care_specialist', 12, 0),
  ('overindebtedness_specialist', 12, 0),
  ('judicial_specialist', 12, 0),
  ('team_leader', 84, 10000),
  ('manager', 84, 10000);

-- A plan on a case. `status` and `current_version` are the head of its history (plan_versions, plan_events).
create table plans (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  creditor_id uuid not null references creditors (id),
  status text not null check (status in ('proposed', 'pending_approval', 'agreed', 'active', 'completed', 'broken',
    'cancelled', 'refused')),
  current_version integer not null check (current_version >= 1),
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index plans_case on plans (case_id, created_at desc);
-- One live plan per case: a new plan waits until the last one is completed, cancelled or refused (a broken plan is
-- renegotiated as a new version of itself).
create unique index plans_one_live_per_case on plans (case_id) where status not in ('completed', 'cancelled', 'refused');

-- The terms of a plan, one row per version; never updated nor deleted.
create table plan_versions (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id),
  version integer not null check (version >= 1),
  kind text not null check (kind in ('pay_in_full', 'instalments', 'settlement')),
  reason text not null,
  balance_cents bigint not null check (balance_cents > 0),           -- what was owed when this version was made
  agreed_cents bigint not null check (agreed_cents > 0),             -- what the debtor agrees to pay in this version
  discount_cents bigint not null check (discount_cents >= 0),
  capacity_cents bigint not null check (capacity_cents >= 0),        -- the capacity of the assessment used
  assessment_id uuid not null references debtor_assessments (id),
  max_plan_months integer not null,                                  -- the mandate and the authority it was checked
  max_discount_bp integer not null,                                  -- against, as they were
  authority jsonb not null,
  approval_reasons jsonb not null,                                   -- empty when no approval was needed
  knowingly_above_capacity boolean not null,                         -- the debtor chose it knowing it exceeds capacity
  created_by uuid references users (id),
  created_at timestamptz not null,
  unique (plan_id, version),
  check (knowingly_above_capacity or not (approval_reasons ? 'above_capacity'))
);

-- The schedule of a version. The amounts of a version always sum to its agreed amount (checked by the service and
-- by tests); the status follows payments and the nightly step.
create table plan_instalments (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id),
  plan_version_id uuid not null references plan_versions (id),
  number integer not null check (number >= 1),
  due_on date not null,
  amount_cents bigint not null check (amount_cents > 0),
  status text not null default 'due' check (status in ('due', 'paid', 'late')),
  paid_on date,
  payment_reference text,                                            -- the caller's idempotency key (the ledger's entry later)
  unique (plan_version_id, number),
  check ((status = 'paid') = (paid_on is not null))
);
create index plan_instalments_open on plan_instalments (due_on) where status <> 'paid';
create unique index plan_instalments_payment_reference on plan_instalments (plan_id, payment_reference) where payment_reference is not null;

-- What happened to a plan, in order: each status change with its reason and who made it.
create table plan_events (
  seq bigint generated always as identity primary key,
  plan_id uuid not null references plans (id),
  version integer not null,
  from_status text,
  to_status text not null,
  reason text not null,
  actor_user_id uuid references users (id),
  occurred_at timestamptz not null
);
create index plan_events_plan on plan_events (plan_id, seq);

-- A team leader's approval of a version beyond the agent's authority or above the capacity.
create table plan_approvals (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id),
  version integer not null,
  reasons jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'refused', 'withdrawn')),
  requested_by uuid references users (id),
  requested_at timestamptz not null,
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_reason text,
  unique (plan_id, version),
  check ((status = 'pending') = (decided_at is null))
);
create index plan_approvals_pending on plan_approvals (requested_at) where status = 'pending';

-- Work for a person (GDPR art. 22: no automated refusal): a household oriented to the Banque de France procedure and
-- free debt advice instead of a plan, or a broken plan to follow up and renegotiate.
create table case_reviews (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  plan_id uuid references plans (id),
  kind text not null check (kind in ('orientation', 'broken_plan')),
  reasons jsonb not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  opened_by uuid references users (id),
  opened_at timestamptz not null,
  closed_by uuid references users (id),
  closed_at timestamptz,
  outcome text,
  check ((status = 'closed') = (closed_at is not null))
);
create unique index case_reviews_one_open on case_reviews (case_id, kind) where status = 'open';

create function plan_history_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: record a new version or event instead', tg_table_name;
end;
$$;
create trigger plan_versions_append_only before update or delete on plan_versions
  for each row execute function plan_history_is_append_only();
create trigger plan_events_append_only before update or delete on plan_events
  for each row execute function plan_history_is_append_only();

alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences', 'plan', 'review'));
