-- Campaigns (src/communications/campaigns/): the strategy's written channels served every day. A campaign names a
-- channel, a template and the strategy's segments it serves; its daily run selects the open cases of those segments
-- whose treatment plans the channel, asks the contact policy for each in its own transaction (the same path as a
-- message an agent sends), queues what is allowed and counts what is refused, by rule, and what failed.
create table message_campaigns (
  id uuid primary key default uuid_time_ordered(),
  name text not null check (length(btrim(name)) between 1 and 120),
  channel text not null check (channel in ('email', 'sms')),
  template text not null check (length(template) between 1 and 80),
  -- The strategy's segments served; empty: every segment whose treatment plans the channel.
  segment_ids text[] not null default '{}',
  -- A case this campaign messaged is not messaged by it again before so many days.
  interval_days integer not null default 14 check (interval_days between 1 and 365),
  -- At most so many messages a run: the provider's and the team's capacity (answers come back by phone).
  daily_limit integer not null default 500 check (daily_limit between 1 and 100000),
  status text not null default 'paused' check (status in ('active', 'paused')),
  -- Who activated it last: the daily run acts on their authority (the contacts it records name them).
  owner_id uuid not null references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table message_campaign_runs (
  id uuid primary key default uuid_time_ordered(),
  campaign_id uuid not null references message_campaigns (id),
  -- A preview runs everything and keeps nothing but this report.
  preview boolean not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  -- Null: the daily schedule.
  started_by uuid references users (id),
  selected integer not null default 0 check (selected >= 0),
  queued integer not null default 0 check (queued >= 0),
  refused integer not null default 0 check (refused >= 0),
  failed integer not null default 0 check (failed >= 0),
  -- Refusals by reason: a policy rule (`window.hours`, `cap.…`, `opt_out`) or a problem code (`communications.no_recipient`).
  refusals jsonb not null default '{}'::jsonb
);
create index message_campaign_runs_campaign on message_campaign_runs (campaign_id, started_at desc);

alter table outbound_messages add column campaign_run_id uuid references message_campaign_runs (id);
create index outbound_messages_campaign on outbound_messages (campaign_run_id) where campaign_run_id is not null;
