-- Intake: debtor matching, possible matches for review, placement error reports, case references.

-- Normalised last and first names without the birth date: finds possible matches to review.
alter table debtors add column name_key text;
create index debtors_name_key on debtors (name_key) where name_key is not null;

-- Case references ACC-<year>-<number>, unique across the agency, whatever created the case.
create sequence case_reference_seq;

-- Two records that may be one person. Intake never merges on a guess: it records the candidate and a person decides.
create table debtor_possible_matches (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  candidate_debtor_id uuid not null references debtors (id),
  reason text not null,
  placement_id uuid references placements (id),
  status text not null default 'open' check (status in ('open', 'same_person', 'different_people')),
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (debtor_id, candidate_debtor_id),
  check (debtor_id <> candidate_debtor_id)
);
create index debtor_possible_matches_open on debtor_possible_matches (created_at) where status = 'open';

-- Every rejected row of a placement: the line, the column, the value and what to fix.
create table placement_errors (
  placement_id uuid not null references placements (id),
  line integer not null,
  column_name text not null,
  value text not null,
  code text not null,
  message text not null
);
create index placement_errors_placement on placement_errors (placement_id, line);

alter table placements add column format text check (format in ('csv', 'jsonl'));
alter table placements add column rows_total integer not null default 0;
