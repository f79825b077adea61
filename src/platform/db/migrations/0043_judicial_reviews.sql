-- The reviewed move to the judicial stage (REGULATION.md §11, §12; issue 15 "The judicial stage"). A case without an
-- amicable solution for its mandate's delay waits for a person's review (GDPR art. 22: never automatic); the decision,
-- its reason, the route proposed and the one chosen, and the facts the reviewer saw are kept with it. An escalation
-- tells the debtor first: nothing may be filed before `file_not_before`.

-- Days without an amicable solution (no live plan, no payment) before a case is reviewed; the amount (principal and
-- interest still owed) below which the creditor does not want a court action [CHOICE: 300 EUR, editable per mandate].
alter table mandates add column judicial_review_days integer not null default 120
  check (judicial_review_days between 60 and 365);
alter table mandates add column judicial_threshold_cents bigint not null default 30000
  check (judicial_threshold_cents between 0 and 100000000);

create table judicial_reviews (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  creditor_id uuid not null references creditors (id),
  -- The day the case became due a review (the mandate's delay after placement, the last payment, the end of the last
  -- plan, or the date a reviewer set when keeping it amicable).
  due_on date not null,
  status text not null default 'waiting' check (status in ('waiting', 'decided')),
  decision text check (decision in ('escalate', 'keep_amicable', 'close', 'return_to_creditor')),
  reason text check (reason is null or length(btrim(reason)) between 10 and 2000),
  next_review_on date,
  proposed_route text check (proposed_route in ('psrpc', 'prior_mediation', 'injonction_de_payer', 'enforcement_with_title')),
  chosen_route text check (chosen_route in ('psrpc', 'prior_mediation', 'injonction_de_payer', 'enforcement_with_title')),
  -- What the reviewer saw when deciding (amounts, blocks, offers, contacts: never a vulnerability's details).
  facts jsonb,
  decided_by uuid references users (id),
  decided_at timestamptz,
  -- The pre-litigation notice: when the debtor was told, and the first day anything may be filed.
  debtor_told_at timestamptz,
  file_not_before date,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'decided') = (decision is not null)),
  check ((status = 'decided') = (decided_at is not null and reason is not null and facts is not null)),
  check ((decision = 'keep_amicable') = (next_review_on is not null)),
  check ((decision = 'escalate') = (chosen_route is not null)),
  check ((decision = 'escalate') = (debtor_told_at is not null and file_not_before is not null))
);
-- One review waits per case at most; the queue reads the waiting ones by due date.
create unique index judicial_reviews_one_waiting on judicial_reviews (case_id) where status = 'waiting';
create index judicial_reviews_queue on judicial_reviews (due_on, id) where status = 'waiting';
create index judicial_reviews_case on judicial_reviews (case_id, decided_at desc);
create index judicial_reviews_creditor on judicial_reviews (creditor_id, status);


-- The creditor is told of an escalation (its webhook), like a dispute's decision or a closure.
alter table creditor_notifications drop constraint creditor_notifications_event_check;
alter table creditor_notifications add constraint creditor_notifications_event_check check (event in (
  'payment.recorded', 'payment.reversed', 'dispute.evidence_requested', 'dispute.decided', 'case.closed',
  'case.reopened', 'judicial.escalated'));
