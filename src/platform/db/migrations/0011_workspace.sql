-- The agent workspace: strategies (versions, never edited), segment controls, one queue entry per open case,
-- promises to pay, follow-up tasks, the guided conversation's checklist stored with each call.

create table strategy_versions (
  version integer primary key check (version > 0),
  document jsonb not null,
  note text not null default '',
  published_by uuid references users (id),
  published_at timestamptz not null
);

-- Operational levers of team leaders and managers, without a new strategy version: pause a segment, boost it.
create table segment_controls (
  segment_id text primary key,
  paused boolean not null default false,
  priority_boost integer not null default 0 check (priority_boost between -500 and 500),
  note text not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null
);

create table case_queue (
  case_id uuid primary key references cases (id),
  debtor_id uuid not null references debtors (id),
  creditor_id uuid not null references creditors (id),
  team_id uuid references teams (id),
  -- Set by a team leader: the team stays as chosen until the case closes, whatever the strategy says.
  team_pinned boolean not null default false,
  -- A case a team leader gave to one agent: only that agent takes it.
  assigned_user_id uuid references users (id),
  strategy_version integer not null references strategy_versions (version),
  segment_id text not null,
  arm text not null check (arm in ('champion', 'challenger')),
  channels text[] not null,
  -- 3 callback due, 2 promise due or broken, 1 follow-up due, 0 standard.
  tier smallint not null check (tier between 0 and 3),
  priority integer not null,
  reasons jsonb not null,
  -- When the contact policy next allows a call; null: no call until someone acts, or no call planned.
  callable_from timestamptz,
  -- Held back by an act (already paid: wait for the payment to show), whatever the policy says.
  snoozed_until timestamptz,
  paused boolean not null default false,
  leased_by uuid references users (id),
  lease_until timestamptz,
  leased_at timestamptz,
  refreshed_at timestamptz not null,
  check ((leased_by is null) = (lease_until is null))
);
-- Next case: the team's callable entries in queue order.
create index case_queue_next on case_queue (team_id, tier desc, priority desc, callable_from)
  where callable_from is not null and not paused;
-- The agent's counts of what waits: callable now, and later.
create index case_queue_team_callable on case_queue (team_id, callable_from) where callable_from is not null and not paused;
create index case_queue_debtor on case_queue (debtor_id);
create index case_queue_lease on case_queue (leased_by) where leased_by is not null;

-- Which segment and arm each case was given, and when: the base of champion/challenger comparisons.
create table strategy_assignments (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id),
  strategy_version integer not null references strategy_versions (version),
  segment_id text not null,
  arm text not null check (arm in ('champion', 'challenger')),
  assigned_at timestamptz not null
);
create index strategy_assignments_case on strategy_assignments (case_id, assigned_at desc);

-- Debtors whose queue entries must be refreshed: written by triggers, emptied by the workspace sweep.
create table queue_dirty (
  debtor_id uuid primary key,
  marked_at timestamptz not null default now()
);

create table promises (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null default 'EUR',
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'kept', 'broken', 'cancelled')),
  -- Paid on the case since the promise was made (payments net of reversals), up to its amount.
  paid_cents bigint not null default 0 check (paid_cents >= 0),
  contact_id uuid references contacts (id),
  created_by uuid references users (id),
  created_at timestamptz not null,
  resolved_at timestamptz,
  cancel_reason text,
  check ((status = 'open') = (resolved_at is null)),
  check (status <> 'cancelled' or cancel_reason is not null)
);
create index promises_case on promises (case_id, created_at desc);
create index promises_open_due on promises (due_on) where status = 'open';
create unique index promises_one_open_per_case on promises (case_id) where status = 'open';

create table case_tasks (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  kind text not null check (kind in ('promise_broken', 'callback_missed', 'dispute_review', 'care_referral',
    'payment_check', 'trace_contact', 'refusal_review')),
  due_at timestamptz not null,
  team_id uuid references teams (id),
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  source jsonb not null default '{}',
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null,
  done_at timestamptz,
  done_by uuid references users (id),
  check ((status = 'open') = (done_at is null))
);
create index case_tasks_case on case_tasks (case_id, created_at desc);
create index case_tasks_open on case_tasks (team_id, due_at) where status = 'open';

-- The guided conversation stored with its call: the script's steps checked off and what the call came to.
create table call_records (
  contact_id uuid primary key references contacts (id),
  case_id uuid not null references cases (id),
  checklist jsonb not null,
  result text check (result in ('promise', 'callback', 'refusal', 'dispute', 'hardship', 'already_paid', 'information')),
  contact_point_id uuid references debtor_contact_points (id),
  started_at timestamptz,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null
);
create index call_records_case on call_records (case_id, recorded_at desc);
create index call_records_agent on call_records (recorded_by, recorded_at desc);

-- A number that reached someone else: kept (history), never dialled again.
alter table debtor_contact_points add column wrong_number_at timestamptz;

alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences', 'plan', 'review', 'payment', 'payment_reversed', 'task', 'assignment'));

-- Events that can change a queue entry mark the debtor dirty; the sweep refreshes the entries.
create function queue_mark_dirty() returns trigger language plpgsql as $$
begin
  insert into queue_dirty (debtor_id) values (new.debtor_id) on conflict (debtor_id) do nothing;
  return null;
end;
$$;
create trigger contacts_queue_dirty after insert on contacts for each row execute function queue_mark_dirty();
create trigger holds_queue_dirty after insert or update on holds for each row execute function queue_mark_dirty();
create trigger callbacks_queue_dirty after insert or update on contact_callbacks for each row execute function queue_mark_dirty();
create trigger opt_outs_queue_dirty after insert or update on contact_opt_outs for each row execute function queue_mark_dirty();
create trigger payments_queue_dirty after insert or update on payments for each row execute function queue_mark_dirty();
create trigger plans_queue_dirty after insert or update on plans for each row execute function queue_mark_dirty();
create trigger promises_queue_dirty after insert or update on promises for each row execute function queue_mark_dirty();
create trigger tasks_queue_dirty after insert or update on case_tasks for each row execute function queue_mark_dirty();
-- Not on assigned_team_id: the queue refresh itself sets it, and a team leader's assignment refreshes its case at once.
create trigger cases_queue_dirty after update of stage, status, balance_cents, debtor_id on cases
  for each row execute function queue_mark_dirty();

-- Version 1 is the shipped default (src/workspace/core/default-strategy.ts; a test keeps the two equal).
insert into strategy_versions (version, document, note, published_by, published_at)
values (1, '{"title":"Stratégie par défaut","segments":[{"id":"fragile","name":"Fragilité signalée : équipe d’accompagnement","when":{"vulnerable":true},"treatment":{"team":"care","channels":["phone","letter"],"priority":600}},{"id":"overindebtedness","name":"Surendettement : équipe spécialisée, par courrier","when":{"stages":["overindebtedness"]},"treatment":{"team":"overindebtedness","channels":["letter"],"priority":100}},{"id":"judicial","name":"Phase judiciaire : pôle judiciaire","when":{"stages":["judicial"]},"treatment":{"team":"judicial","channels":["letter","phone"],"priority":100}},{"id":"dispute","name":"Contestation : en attente du créancier","when":{"stages":["dispute"]},"treatment":{"team":"amicable","channels":["letter"],"priority":50}},{"id":"broken-promises","name":"Promesses non tenues","when":{"stages":["amicable","plan"],"minBrokenPromises":1},"treatment":{"team":"amicable","channels":["phone","sms","email"],"priority":800}},{"id":"plan-late","name":"Plan en retard","when":{"planStates":["late","broken"]},"treatment":{"team":"amicable","channels":["phone","sms","email"],"priority":750}},{"id":"plan-on-track","name":"Plan en cours : suivi par écrit","when":{"stages":["plan"]},"treatment":{"team":"amicable","channels":["email","letter"],"priority":150}},{"id":"new-large","name":"Nouveaux dossiers, montants élevés","when":{"stages":["amicable"],"maxAgeDays":90,"minBalanceCents":300000},"treatment":{"team":"amicable","channels":["phone","letter"],"priority":700},"challenger":{"sharePercent":20,"treatment":{"team":"amicable","channels":["sms","email","phone"],"priority":650},"note":"Un premier message écrit avant l’appel fait-il mieux qu’un appel d’emblée ?"}},{"id":"new","name":"Nouveaux dossiers","when":{"stages":["amicable"],"maxAgeDays":90},"treatment":{"team":"amicable","channels":["phone","sms","letter"],"priority":600}},{"id":"no-contact-yet","name":"Jamais joints","when":{"stages":["amicable"],"lastOutcomes":["none","no_answer","busy","voicemail"]},"treatment":{"team":"amicable","channels":["phone","sms","email","letter"],"priority":450}},{"id":"standard","name":"Amiable : autres dossiers","when":{},"treatment":{"team":"amicable","channels":["phone","sms","email","letter"],"priority":400}}]}', 'Stratégie par défaut livrée avec Accord', null, '2026-11-24T00:00:00Z');
