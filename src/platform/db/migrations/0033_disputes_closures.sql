-- Disputes of a claim (REGULATION.md §9) and a person's closures and reopenings of a case.
--   recorded ─► evidence_requested (the creditor is asked, with a deadline from the mandate) ─► answered (confirmed,
--   adjusted or withdrawn, with its documents) ─► decided (a person: resume, adjust or close; the debtor is told).
-- A second dispute on the same claim and grounds while the first is undecided is kept, linked to the first.

-- How many days the creditor has to send its evidence on a dispute (the agency's default: 30).
alter table mandates add column dispute_evidence_days integer not null default 30
  check (dispute_evidence_days between 5 and 120);

-- The reasons a person closes a case for: returned unpaid to the creditor, and an over-indebtedness erasure.
alter table cases drop constraint cases_close_reason_check;
alter table cases add constraint cases_close_reason_check check (close_reason in ('paid', 'recalled', 'time_barred',
  'deceased', 'personal_recovery', 'settled', 'written_off', 'merged', 'other', 'returned_unpaid',
  'overindebtedness_erasure'));

alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences', 'plan', 'review', 'payment', 'payment_reversed', 'task', 'assignment', 'dispute'));

create table disputes (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null references cases (id),
  claim_id uuid not null references claims (id),
  -- The case's creditor and debtor, copied for scope without a join (a case never changes either).
  creditor_id uuid not null references creditors (id),
  debtor_id uuid not null references debtors (id),
  grounds text not null check (grounds in ('not_mine', 'amount_wrong', 'already_paid', 'not_delivered',
    'identity_theft', 'other')),
  note text not null check (length(note) between 1 and 2000),
  -- The first undecided dispute of the same claim on the same grounds: this one follows its outcome.
  linked_to uuid references disputes (id),
  status text not null check (status in ('evidence_requested', 'answered', 'decided', 'linked')),
  -- The hold that stops collection while the dispute is open (lifted by the decision).
  hold_id uuid references holds (id),
  evidence_due_on date not null,
  -- The evidence asked of the creditor, as stable keys the web app words (REGULATION.md §9).
  evidence_requested jsonb not null,
  opened_by uuid not null references users (id),
  opened_at timestamptz not null,
  answer text check (answer in ('confirmed', 'adjusted', 'withdrawn')),
  answer_note text check (length(answer_note) <= 2000),
  -- An adjusted answer: the correction of one component, in cents (negative lowers what is owed).
  adjustment_component text check (adjustment_component in ('principal', 'interest', 'fees')),
  adjustment_cents bigint check (adjustment_cents <> 0),
  answered_by uuid references users (id),
  answered_at timestamptz,
  decision text check (decision in ('resume', 'adjust', 'close')),
  decision_note text check (length(decision_note) <= 2000),
  decided_by uuid references users (id),
  decided_at timestamptz,
  check ((status = 'linked') = (linked_to is not null)),
  check ((answer is null) = (answered_at is null)),
  check ((adjustment_cents is null) = (adjustment_component is null)),
  check (answer = 'adjusted' or adjustment_cents is null),
  check ((decision is null) = (decided_at is null)),
  check (status <> 'decided' or decision is not null)
);
create index disputes_case on disputes (case_id, opened_at);
create index disputes_open_by_creditor on disputes (creditor_id, evidence_due_on) where status in ('evidence_requested', 'answered');
create index disputes_overdue on disputes (evidence_due_on) where status = 'evidence_requested';

-- The documents of a dispute: the debtor's or the agent's (`dispute`) and the creditor's evidence (`answer`).
create table dispute_documents (
  dispute_id uuid not null references disputes (id),
  document_id uuid not null references case_documents (id),
  part text not null check (part in ('dispute', 'answer')),
  primary key (dispute_id, document_id)
);

-- The creditor's outbox carries case events too: an evidence request, a dispute's decision, a closure, a reopening.
alter table creditor_notifications alter column payment_id drop not null;
alter table creditor_notifications add column case_id uuid references cases (id);
alter table creditor_notifications drop constraint creditor_notifications_event_check;
alter table creditor_notifications add constraint creditor_notifications_event_check check (event in (
  'payment.recorded', 'payment.reversed', 'dispute.evidence_requested', 'dispute.decided', 'case.closed',
  'case.reopened'));
alter table creditor_notifications add constraint creditor_notifications_subject check (
  (payment_id is not null) or (case_id is not null));
