-- Judicial procedure tracking (REGULATION.md §11; issue 15 "Procedure tracking"). A case at the judicial stage has at
-- most one procedure: its route (PSRPC, prior mediation, injonction de payer, enforcement of a title already held),
-- its state with the day it was entered and the state's legal deadline, the title and its 10-year life (L111-4).
-- Each step is a dated row with the deadline it started; each cost a line with its legal basis and who bears it.
create table judicial_procedures (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null unique references cases (id),
  debtor_id uuid not null references debtors (id),
  creditor_id uuid not null references creditors (id),
  route text not null
    check (route in ('psrpc', 'prior_mediation', 'injonction_de_payer', 'enforcement_with_title')),
  state text not null check (state in ('psrpc_to_invite', 'psrpc_invited', 'psrpc_agreed', 'mediation_to_start',
    'mediation_pending', 'agreement', 'requete_to_file', 'requete_filed', 'ordonnance_issued', 'served', 'opposed',
    'titled', 'attribution_seized', 'attribution_denounced', 'wage_commandement', 'wage_seizure', 'contested',
    'ended')),
  state_since date not null,
  -- The current state's legal (or follow-up) deadline, kept for the judicial queue's order; null when none runs.
  deadline_on date,
  -- The commissaire de justice or lawyer handling it: a judicial partner (migration 0045, `judicial_partners`); a
  -- plain uuid so this table does not depend on that one's order of landing.
  partner_id uuid,
  -- The review that chose the route (migration 0043, `judicial_reviews`), when there was one.
  review_id uuid,
  -- Nothing may be filed before this day (the debtor was told first: the review's `file_not_before`).
  file_not_before date,
  title_obtained_on date,
  title_expires_on date,
  outcome text check (outcome in ('paid', 'withdrawn', 'rejected', 'dismissed', 'title_expired', 'other')),
  opened_by uuid not null references users (id),
  opened_at timestamptz not null,
  updated_at timestamptz not null,
  check ((title_obtained_on is null) = (title_expires_on is null)),
  check ((state = 'ended') = (outcome is not null))
);
create index judicial_procedures_queue on judicial_procedures (deadline_on, id) where state <> 'ended';
create index judicial_procedures_creditor on judicial_procedures (creditor_id);

create table judicial_procedure_steps (
  id uuid primary key default uuid_time_ordered(),
  procedure_id uuid not null references judicial_procedures (id),
  kind text not null,
  occurred_on date not null,
  from_state text,
  to_state text not null,
  -- The legal deadline this step started (the service's 6 months, the opposition's month, the 8 days…).
  deadline_kind text,
  deadline_on date,
  -- Who says so: the agency's own act, or the partner's update entered by a person (no partner API key exists).
  reported_by text not null check (reported_by in ('agency', 'partner')),
  note text not null default '' check (length(note) <= 2000),
  payment_id uuid references payments (id),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null
);
create index judicial_procedure_steps_procedure on judicial_procedure_steps (procedure_id, recorded_at, id);

create table judicial_costs (
  id uuid primary key default uuid_time_ordered(),
  procedure_id uuid not null references judicial_procedures (id),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('court_fee', 'service_act', 'enforcement_act', 'commissaire_a444_31',
    'commissaire_a444_32', 'lawyer_fee', 'amicable_collection_fee', 'other')),
  amount_cents bigint not null check (amount_cents > 0 and amount_cents <= 100000000),
  legal_basis text not null check (length(btrim(legal_basis)) between 2 and 200),
  chargeable_to text not null check (chargeable_to in ('debtor', 'creditor')),
  incurred_on date not null,
  note text not null default '' check (length(note) <= 2000),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  -- Amicable collection costs stay with the creditor (CPCE L111-8): never a line on the debtor.
  check (not (kind = 'amicable_collection_fee' and chargeable_to = 'debtor')),
  -- The commissaire's proportional fee A444-32 is the creditor's (R444-55); A444-31 the debtor's.
  check (not (kind = 'commissaire_a444_32' and chargeable_to = 'debtor'))
);
create index judicial_costs_procedure on judicial_costs (procedure_id, incurred_on, id);
