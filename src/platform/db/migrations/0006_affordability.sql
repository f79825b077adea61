-- Affordability (shared/domain/REGULATION.md §2, §7): the reference data of the repayment capacity, as dated rows an
-- administrator corrects (figures tagged [CHECK] there are 'check'; standard allowances are placeholders), and the
-- household budgets (bilans) recorded for a debtor, kept as versions.

-- Wage-seizure scale of a calendar year (Code du travail R3252-2) and its per-dependant uplift (R3252-3), yearly cents.
-- brackets: [{ "upToCents": n | null, "numerator": n, "denominator": n }, ...], thresholds rising, the last one open.
create table affordability_seizure_scales (
  year integer primary key check (year between 2000 and 2100),
  brackets jsonb not null,
  uplift_per_dependant_cents bigint not null check (uplift_per_dependant_cents >= 0),
  status text not null check (status in ('law', 'check', 'placeholder')),
  source text not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- RSA lump sum (CASF L262-2) by household composition, monthly cents, from an effective date (each 1 April).
create table affordability_rsa_amounts (
  effective_from date primary key,
  single_cents bigint not null check (single_cents > 0),
  couple_cents bigint not null check (couple_cents > 0),                          -- or a single person + 1 child
  couple_one_child_cents bigint not null check (couple_one_child_cents > 0),      -- or a single person + 2 children
  couple_two_children_cents bigint not null check (couple_two_children_cents > 0),
  further_person_cents bigint not null check (further_person_cents > 0),          -- each further child
  status text not null check (status in ('law', 'check', 'placeholder')),
  source text not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- Standard allowances (forfaits) per expense category: base for one person plus an amount per other person.
create table affordability_standard_allowances (
  category text not null,
  effective_from date not null,
  base_cents bigint not null check (base_cents >= 0),
  per_extra_person_cents bigint not null check (per_extra_person_cents >= 0),
  status text not null check (status in ('law', 'check', 'placeholder')),
  source text not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (category, effective_from)
);

-- A household budget recorded for a debtor: a new version each time, never overwritten. `input` is the assessment as
-- entered, `result` the computation with its trace and the reference rows it used.
create table debtor_assessments (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  version integer not null check (version >= 1),
  assessed_on date not null,
  input jsonb not null,
  result jsonb not null,
  capacity_cents bigint not null check (capacity_cents >= 0),
  binding_constraint text not null check (binding_constraint in ('seizable_share', 'rsa', 'expenses')),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  unique (debtor_id, version)
);

create function debtor_assessments_are_versions() returns trigger language plpgsql as $$
begin
  raise exception 'debtor_assessments is append-only: record a new version instead';
end;
$$;
create trigger debtor_assessments_no_update_or_delete before update or delete on debtor_assessments
  for each row execute function debtor_assessments_are_versions();

-- The figures of REGULATION.md. 2026 and the RSA from 2026-04-01 are [CHECK] there.
insert into affordability_seizure_scales (year, brackets, uplift_per_dependant_cents, status, source) values
  (2024, '[{"upToCents":437000,"numerator":1,"denominator":20},{"upToCents":852000,"numerator":1,"denominator":10},{"upToCents":1269000,"numerator":1,"denominator":5},{"upToCents":1682000,"numerator":1,"denominator":4},{"upToCents":2097000,"numerator":1,"denominator":3},{"upToCents":2520000,"numerator":2,"denominator":3},{"upToCents":null,"numerator":1,"denominator":1}]',
    169000, 'law', 'Code du travail R3252-2, R3252-3 (2024 scale)'),
  (2025, '[{"upToCents":444000,"numerator":1,"denominator":20},{"upToCents":866000,"numerator":1,"denominator":10},{"upToCents":1289000,"numerator":1,"denominator":5},{"upToCents":1709000,"numerator":1,"denominator":4},{"upToCents":2130000,"numerator":1,"denominator":3},{"upToCents":2560000,"numerator":2,"denominator":3},{"upToCents":null,"numerator":1,"denominator":1}]',
    172000, 'law', 'Code du travail R3252-2, R3252-3; décret 2024-1231'),
  (2026, '[{"upToCents":448000,"numerator":1,"denominator":20},{"upToCents":873000,"numerator":1,"denominator":10},{"upToCents":1300000,"numerator":1,"denominator":5},{"upToCents":1723000,"numerator":1,"denominator":4},{"upToCents":2147000,"numerator":1,"denominator":3},{"upToCents":2581000,"numerator":2,"denominator":3},{"upToCents":null,"numerator":1,"denominator":1}]',
    174000, 'check', 'Code du travail R3252-2, R3252-3 (2026 scale: secondary sources, to check)');

insert into affordability_rsa_amounts (effective_from, single_cents, couple_cents, couple_one_child_cents, couple_two_children_cents,
    further_person_cents, status, source) values
  ('2025-04-01', 64652, 96978, 116374, 135770, 25861, 'law', 'CASF L262-2 (from 1 April 2025)'),
  ('2026-04-01', 65233, 97850, 117419, 136990, 26093, 'check', 'CASF L262-2 (from 1 April 2026: secondary sources, to check)');

-- PLACEHOLDERS, not Banque de France figures (those are not public in primary sources): replace before use.
insert into affordability_standard_allowances (category, effective_from, base_cents, per_extra_person_cents, status, source) values
  ('food_household', '2024-01-01', 30000, 12000, 'placeholder', 'placeholder: replace with the agency''s figure'),
  ('energy', '2024-01-01', 9000, 3000, 'placeholder', 'placeholder: replace with the agency''s figure'),
  ('water', '2024-01-01', 3000, 1000, 'placeholder', 'placeholder: replace with the agency''s figure'),
  ('transport', '2024-01-01', 8000, 4000, 'placeholder', 'placeholder: replace with the agency''s figure'),
  ('health', '2024-01-01', 3000, 1500, 'placeholder', 'placeholder: replace with the agency''s figure'),
  ('insurance', '2024-01-01', 4000, 1000, 'placeholder', 'placeholder: replace with the agency''s figure'),
  ('telephone_internet', '2024-01-01', 4000, 1000, 'placeholder', 'placeholder: replace with the agency''s figure');
