-- Deceased debtors (REGULATION.md §12): a case whose debtor died is at the `deceased` stage while the estate is
-- followed; the estate's steps, its parties (notary, heirs, relatives) and the deadlines as dated reference data.
alter table cases drop constraint cases_stage_check;
alter table cases add constraint cases_stage_check
  check (stage in ('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'deceased', 'closed'));
alter table case_stage_history drop constraint case_stage_history_from_stage_check;
alter table case_stage_history add constraint case_stage_history_from_stage_check
  check (from_stage in ('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'deceased', 'closed'));
alter table case_stage_history drop constraint case_stage_history_to_stage_check;
alter table case_stage_history add constraint case_stage_history_to_stage_check
  check (to_stage in ('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'deceased', 'closed'));

-- The estate's deadlines, in months from their start (the death; the publication of an acceptance up to net assets).
create table estate_deadline_rules (
  id uuid primary key default uuid_time_ordered(),
  deadline text not null check (deadline in ('option_period', 'summons_to_opt', 'claim_declaration', 'option_lapse')),
  months integer not null check (months between 1 and 360),
  source text not null,
  tag text not null check (tag in ('law', 'check')),
  valid_from date not null,
  created_at timestamptz not null default now(),
  unique (deadline, valid_from)
);
insert into estate_deadline_rules (deadline, months, source, tag, valid_from) values
  ('option_period', 4, 'C. civ. 771', 'law', '2007-01-01'),
  ('summons_to_opt', 2, 'C. civ. 772', 'law', '2007-01-01'),
  ('claim_declaration', 15, 'C. civ. 792', 'law', '2007-01-01'),
  ('option_lapse', 120, 'C. civ. 780', 'check', '2007-01-01');

-- One estate per case: reported (contact stops), proven (the death certificate), the notary known, the claim lodged.
create table estates (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null unique references cases (id),
  debtor_id uuid not null references debtors (id),
  creditor_id uuid not null references creditors (id),
  step text not null check (step in ('reported', 'proven', 'notary', 'claim_lodged')),
  reported_on date not null,
  reported_by uuid references users (id),
  report_note text not null,
  hold_id uuid references holds (id),
  died_on date,
  certificate_document_id uuid references case_documents (id),
  proven_at timestamptz,
  option_ends_on date,
  net_assets_published_on date,
  claim_declared_on date,
  claim_deadline_on date,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((step = 'reported') = (died_on is null)),
  check ((died_on is null) = (option_ends_on is null))
);
create index estates_debtor on estates (debtor_id);

-- Who the agency deals with for the estate. Heirs carry their option (C. civ. 768); relatives are never asked to pay.
create table estate_parties (
  id uuid primary key default uuid_time_ordered(),
  estate_id uuid not null references estates (id),
  role text not null check (role in ('notary', 'heir', 'relative')),
  name text not null,
  contact text not null,
  heir_option text check (heir_option in ('undecided', 'accept', 'net_assets', 'renounce')),
  option_on date,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null,
  check ((role = 'heir') = (heir_option is not null))
);
create index estate_parties_estate on estate_parties (estate_id);
