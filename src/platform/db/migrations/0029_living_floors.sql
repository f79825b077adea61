-- The floor on what a household keeps each month after its expenses and the repayment (REGULATION.md §7 leaves the
-- margin to the agency): `base_cents` for one person plus `per_extra_person_cents` for each other person, from an
-- effective date. Dated reference data like the RSA: a budget uses the row in force on its date, a correction is
-- audited with the row as it was, and a new effective date leaves the budgets evaluated before it as they were.
create table affordability_living_floors (
  effective_from date primary key,
  base_cents bigint not null check (base_cents >= 0),
  per_extra_person_cents bigint not null check (per_extra_person_cents >= 0),
  status text not null check (status in ('law', 'check', 'placeholder')),
  source text not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- The indicative figure Accord shipped in code until now, for the agency to set.
insert into affordability_living_floors (effective_from, base_cents, per_extra_person_cents, status, source) values
  ('2025-01-01', 10000, 5000, 'placeholder', 'indicative: 100 € for one person, 50 € per other person; the agency sets its own');
