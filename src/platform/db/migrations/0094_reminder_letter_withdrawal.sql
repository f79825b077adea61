-- A reminder letter issued but not yet printed is checked again when a print run takes it
-- (src/communications/print-run/reminder-lines.ts): a hold, an opt-out, a closed case, a payment or a new address
-- since it was written withdraw it instead of printing it; the next campaign writes again if it must.
alter table reminder_letters add column withdrawn_at timestamptz;
-- Why, as the check said it: 'no_longer_allowed' (with the policy's rules), 'amount_changed', 'address_changed'.
alter table reminder_letters add column withdrawn_reason text
  check (withdrawn_reason in ('no_longer_allowed', 'amount_changed', 'address_changed'));
alter table reminder_letters add column withdrawn_rules text[];
alter table reminder_letters add constraint reminder_letters_withdrawn
  check ((withdrawn_at is null) = (withdrawn_reason is null) and (withdrawn_at is null or print_run_id is null));

drop index reminder_letters_unprinted;
create index reminder_letters_unprinted on reminder_letters (created_at)
  where print_run_id is null and withdrawn_at is null;
