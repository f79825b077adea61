-- A print run left "preparing" by a crash is finished (resumed) or abandoned, its letters then carried into the next
-- run (src/communications/print-run/recover.ts); and the SMS replies other than STOP are kept on their case
-- (src/communications/sms/sms-replies.ts).

alter table print_runs drop constraint print_runs_status_check;
alter table print_runs add constraint print_runs_status_check
  check (status in ('preparing', 'ready', 'posted', 'abandoned'));
alter table print_runs add column abandoned_at timestamptz;
-- null with abandoned_at set: abandoned by the nightly job.
alter table print_runs add column abandoned_by uuid references users (id);
alter table print_runs add constraint print_runs_abandoned check ((status = 'abandoned') = (abandoned_at is not null));
-- A run's last sign of life: when it started, then each letter it issued or case it refused.
alter table print_runs add column active_at timestamptz;
update print_runs set active_at = prepared_at;
alter table print_runs alter column active_at set not null;
create index print_runs_preparing on print_runs (active_at) where status = 'preparing';

-- The letter as composed when it was issued (FirstLetter, the addressee's name and the postal code, city and country
-- written to), so the run's PDF is drawn from it after a crash exactly as it was kept on its case; null before 0063.
alter table print_run_letters add column composed jsonb;
-- A letter of an abandoned run printed in a later run: the later run's row names the first, the first names the later.
alter table print_run_letters add column carried_from_run_id uuid references print_runs (id);
alter table print_run_letters add column superseded_by_run_id uuid references print_runs (id);
-- A letter is printed once: at most one row of a reference is not superseded.
drop index print_run_letters_reference;
create unique index print_run_letters_reference on print_run_letters (letter_reference)
  where superseded_by_run_id is null;
create index print_run_letters_held on print_run_letters (print_run_id) where superseded_by_run_id is null;

-- An SMS a debtor wrote that is not a STOP, kept with the case it answers (the latest SMS sent to that number), or
-- with no case when the number is no debtor's verified phone: the list a manager reads. Its text is never logged
-- nor audited (it may hold special-category data): the audit carries its SHA-256.
create table inbound_sms (
  id uuid primary key default uuid_time_ordered(),
  received_at timestamptz not null,
  from_number text not null,
  to_number text not null,
  body text not null,
  content_sha256 text not null,
  debtor_id uuid references debtors (id),
  case_id uuid references cases (id),
  -- The outbound SMS it answers: the latest sent to that number for that debtor.
  reply_to_message_id uuid references outbound_messages (id),
  task_id uuid references case_tasks (id),
  check ((case_id is null) = (debtor_id is null))
);
create index inbound_sms_case on inbound_sms (case_id, received_at desc) where case_id is not null;
create index inbound_sms_unmatched on inbound_sms (received_at desc) where case_id is null;

alter table case_tasks drop constraint case_tasks_kind_check;
alter table case_tasks add constraint case_tasks_kind_check check (kind in ('promise_broken', 'callback_missed',
  'dispute_review', 'care_referral', 'payment_check', 'trace_contact', 'refusal_review', 'liabilities_statement',
  'vulnerability_review', 'sms_reply'));
