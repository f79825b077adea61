-- Reminder letters by post (src/communications/reminder-letter.ts): a letter after the first one, its body the
-- template compliance published for the letter channel, on the first letter's sheet. Sent one by one by a campaign
-- whose channel is the letter, each decided by the contact policy in the transaction that records it; printed by the
-- next daily print run (the same PDF, manifest, posting and returned mail as the first letters).

alter table message_template_versions drop constraint message_template_versions_channel_check;
alter table message_template_versions add constraint message_template_versions_channel_check
  check (channel in ('email', 'sms', 'letter'));
-- Only an e-mail has a subject: a letter's references and date are printed by its sheet.
alter table message_template_versions drop constraint message_template_versions_check1;
alter table message_template_versions add constraint message_template_versions_subject
  check ((subject is null) = (channel <> 'email'));

alter table message_campaigns drop constraint message_campaigns_channel_check;
alter table message_campaigns add constraint message_campaigns_channel_check
  check (channel in ('email', 'sms', 'letter'));

create table reminder_letters (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  contact_id uuid not null references contacts (id),
  -- The address written to, by the debtors' rule (never one marked undeliverable).
  address_id uuid not null references debtor_addresses (id),
  -- RL-<case reference>-<n>: distinct from the first letter's LR-…, unique across runs.
  reference text not null unique,
  sent_on date not null,
  language text not null check (language in ('fr', 'en', 'it')),
  template_version integer not null check (template_version >= 0),
  first_letter_reference text not null,
  -- The body as rendered, and the SHA-256 of the letter's text (the audit entry carries it); the PDF is kept on the
  -- case as a correspondence document.
  body text not null,
  content_sha256 text not null,
  document_id uuid not null references case_documents (id),
  pages integer not null check (pages >= 1),
  -- The letter as composed (ReminderLetter, the addressee, postal code, city, country): the print run draws it again.
  composed jsonb not null,
  campaign_run_id uuid references message_campaign_runs (id),
  -- The run that prints it; null until the next run takes it.
  print_run_id uuid references print_runs (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null
);
create index reminder_letters_case on reminder_letters (case_id, created_at desc);
create index reminder_letters_unprinted on reminder_letters (created_at) where print_run_id is null;
create index reminder_letters_campaign on reminder_letters (campaign_run_id) where campaign_run_id is not null;
