-- Debtor satisfaction (src/satisfaction/, docs/listening.md, REGULATION.md §15): after a completed interaction (a call
-- with the debtor reached, a plan agreed, a payment, a dispute decided, a complaint closed) the debtor is invited once
-- to rate the exchange on 1-5, through an allowed channel and the contact policy. The invitation keeps who and what it
-- is about (the agent, the team, the creditor, the strategy arm), the answer is recorded once through a single-use
-- token, and the figures are read from these two tables.

-- The settings of the survey, as reference data: one row, read by the job and the figures.
create table satisfaction_settings (
  id boolean primary key default true check (id),
  -- At most one invitation per debtor in this many days.
  invitation_gap_days integer not null check (invitation_gap_days between 1 and 365),
  -- An interaction older than this many days is no longer worth a survey.
  interaction_window_days integer not null check (interaction_window_days between 1 and 30),
  -- How long the survey link stays usable.
  token_valid_days integer not null check (token_valid_days between 1 and 60),
  -- Groups with fewer answers are shown as "too few answers", never as a rate.
  minimum_answers integer not null check (minimum_answers between 1 and 1000),
  source text not null check (length(source) between 1 and 500),
  updated_at timestamptz not null default now()
);
insert into satisfaction_settings (invitation_gap_days, interaction_window_days, token_valid_days, minimum_answers, source)
values (30, 3, 14, 5, 'Accord default [CHOICE]: one survey a month at most, REGULATION.md §15');

create table satisfaction_invitations (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  case_id uuid not null references cases (id),
  creditor_id uuid not null references creditors (id),
  interaction_kind text not null
    check (interaction_kind in ('call', 'plan_agreed', 'payment', 'dispute_decided', 'complaint_closed')),
  -- The row the interaction is (a contact, a plan, a payment, a dispute, a complaint): one invitation per interaction.
  interaction_id uuid not null,
  interaction_at timestamptz not null,
  agent_id uuid not null references users (id),
  team_id uuid references teams (id),
  strategy_arm text check (strategy_arm in ('champion', 'challenger')),
  channel text not null check (channel in ('email', 'sms')),
  -- The message in the outbox that carried the link (null for an invitation loaded as demo history).
  message_id uuid references outbound_messages (id),
  -- SHA-256 of the link's token: the token itself is only in the message.
  token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  language text not null check (language in ('fr', 'en', 'it')),
  sent_at timestamptz not null,
  expires_at timestamptz not null,
  answered_at timestamptz,
  check (expires_at > sent_at),
  unique (interaction_kind, interaction_id)
);
create index satisfaction_invitations_debtor on satisfaction_invitations (debtor_id, sent_at desc);
create index satisfaction_invitations_sent on satisfaction_invitations (sent_at);

-- The answer, once per invitation. The comment is kept minimised (e-mails, phone numbers, IBANs removed).
create table satisfaction_answers (
  invitation_id uuid primary key references satisfaction_invitations (id),
  score integer not null check (score between 1 and 5),
  -- "It was easy to get done": 1-7 agreement (CES), optional.
  ease integer check (ease between 1 and 7),
  comment text check (comment is null or length(comment) between 1 and 1000),
  answered_at timestamptz not null
);

-- The survey is a message template like the others, which compliance may rewrite.
alter table message_template_versions drop constraint message_template_versions_template_check;
alter table message_template_versions add constraint message_template_versions_template_check
  check (template in ('reminder', 'call_us', 'balance_statement', 'satisfaction_survey'));
