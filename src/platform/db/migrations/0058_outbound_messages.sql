-- E-mails and SMS that Accord sends itself (src/communications/, docs/communications.md). A message is decided and
-- recorded in one transaction: the contact policy allows it, the contact is written, and the rendered message waits
-- here as the outbox. A dispatcher hands it to the transport (SMTP, SMPP) after the commit, so a transport that is
-- down delays a message and never loses or doubles the decision. The exact content is kept, with its hash in the
-- audit record, for proof of what the debtor received.
create table outbound_messages (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  case_id uuid not null references cases (id),
  -- The contact the policy allowed: the message is that contact's content.
  contact_id uuid not null unique references contacts (id),
  channel text not null check (channel in ('email', 'sms')),
  contact_point_id uuid not null references debtor_contact_points (id),
  -- The address or number as it was when the message was decided (the contact point may change later).
  recipient text not null check (length(recipient) between 3 and 320),
  template text not null check (length(template) between 1 and 80),
  language text not null check (language in ('fr', 'en', 'it')),
  subject text check ((channel = 'email') = (subject is not null)),
  body text not null check (length(body) between 1 and 20000),
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  -- The secret of the one-click opt-out link of an e-mail (RFC 8058); null for an SMS.
  unsubscribe_token text unique check ((channel = 'email') = (unsubscribe_token is not null)),
  status text not null default 'queued'
    check (status in ('queued', 'sent', 'delivered', 'failed', 'bounced', 'complained')),
  -- The transport's own identifier: the SMTP Message-ID, the SMPP message_id. Receipts and bounces find it by this.
  provider_id text,
  attempts integer not null default 0 check (attempts >= 0),
  last_error text check (last_error is null or length(last_error) <= 1000),
  queued_at timestamptz not null,
  -- When the dispatcher may try again after a transport failure.
  next_attempt_at timestamptz not null,
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz,
  created_by uuid references users (id),
  check ((status in ('sent', 'delivered', 'bounced', 'complained')) <= (sent_at is not null))
);
create index outbound_messages_due on outbound_messages (next_attempt_at) where status = 'queued';
create index outbound_messages_case on outbound_messages (case_id, queued_at desc);
create index outbound_messages_provider on outbound_messages (channel, provider_id) where provider_id is not null;

-- An e-mail address that bounced for good, or a number the operator reports unknown: never used again until a
-- person confirms it anew (the contact policy reads it as not reachable, like a wrong number).
alter table debtor_contact_points add column undeliverable_at timestamptz;
alter table debtor_contact_points add column undeliverable_reason text
  check (undeliverable_reason is null or length(undeliverable_reason) <= 500);
alter table debtor_contact_points add constraint debtor_contact_points_undeliverable_reason
  check ((undeliverable_at is null) = (undeliverable_reason is null));

-- How an opt-out reached Accord: recorded by a person, a "STOP" SMS reply, the e-mail's one-click link, or a spam
-- complaint from the debtor's mailbox provider (which Accord treats as "no more e-mail").
alter table contact_opt_outs add column via text not null default 'person'
  check (via in ('person', 'sms_reply', 'email_link', 'email_complaint'));
