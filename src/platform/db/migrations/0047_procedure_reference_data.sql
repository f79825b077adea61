-- The specialist procedures' figures of law as dated reference data (REGULATION.md §2, §10, §11; issue 15): the
-- deadlines of the over-indebtedness and judicial procedures, and the commissaire de justice's proportional fee
-- (C. com. A444-32). Figures tagged 'check' were found in secondary sources: a compliance officer or an administrator
-- corrects one by adding a row from its own date (the reference data page). Rows are never rewritten, so a deadline
-- counted yesterday is counted the same way when read again, and a new row only counts deadlines starting from it.
create table procedure_deadline_rules (
  id uuid primary key default uuid_time_ordered(),
  procedure text not null check (procedure in ('overindebtedness', 'judicial')),
  deadline text not null,
  amount integer not null check (amount between 1 and 240),
  unit text not null check (unit in ('days', 'months')),
  -- CPC 642 / c.p.c. 155: a count ending on a closed day ends on the next working day.
  moves_to_working_day boolean not null,
  tag text not null check (tag in ('law', 'check', 'choice')),
  source text not null check (length(btrim(source)) between 2 and 300),
  valid_from date not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check ((procedure = 'overindebtedness' and deadline in ('decision_expected', 'admissibility_appeal', 'stay_end', 'liabilities_proof', 'plan_refusal', 'measures_contest', 'prp_contest', 'third_party_opposition', 'occ_claim_lodging', 'occ_follow_up'))
    or (procedure = 'judicial' and deadline in ('psrpc_answer', 'psrpc_title', 'mediation_follow_up', 'agreement_follow_up', 'ordonnance_follow_up', 'service', 'opposition', 'judgment_follow_up', 'denunciation', 'attribution_contest', 'wage_debtor_month', 'wage_pv', 'seizure_follow_up', 'contest_follow_up', 'title_life'))),
  unique (procedure, deadline, valid_from)
);

insert into procedure_deadline_rules (procedure, deadline, amount, unit, moves_to_working_day, tag, source,
  valid_from) values
  ('overindebtedness', 'decision_expected', 3, 'months', true, 'check', 'C. conso R722-1, R721-4', '2016-07-01'),
  ('overindebtedness', 'admissibility_appeal', 15, 'days', true, 'law', 'C. conso R722-1', '2016-07-01'),
  ('overindebtedness', 'stay_end', 24, 'months', false, 'check', 'C. conso L722-3', '2016-07-01'),
  ('overindebtedness', 'liabilities_proof', 30, 'days', true, 'law', 'C. conso R723-3', '2016-07-01'),
  ('overindebtedness', 'plan_refusal', 30, 'days', true, 'law', 'C. conso L732-3, D732-3', '2016-07-01'),
  ('overindebtedness', 'measures_contest', 30, 'days', true, 'law', 'C. conso L733-10', '2016-07-01'),
  ('overindebtedness', 'prp_contest', 30, 'days', true, 'check', 'C. conso L741-4, R741-1', '2016-07-01'),
  ('overindebtedness', 'third_party_opposition', 2, 'months', true, 'law', 'C. conso R741-18', '2016-07-01'),
  ('overindebtedness', 'occ_claim_lodging', 30, 'days', true, 'choice', 'CCII art. 65, 270', '2022-07-15'),
  ('overindebtedness', 'occ_follow_up', 30, 'days', true, 'choice', 'CCII art. 68', '2022-07-15'),
  ('judicial', 'psrpc_answer', 1, 'months', true, 'check', 'CPCE L125-1, R125-1 à R125-8', '2020-01-01'),
  ('judicial', 'psrpc_title', 1, 'months', false, 'choice', 'CPCE L125-1', '2020-01-01'),
  ('judicial', 'mediation_follow_up', 3, 'months', false, 'choice', 'CPC 750-1', '2020-01-01'),
  ('judicial', 'agreement_follow_up', 1, 'months', false, 'choice', 'CPC 1565', '2020-01-01'),
  ('judicial', 'ordonnance_follow_up', 2, 'months', false, 'choice', 'CPC 1405', '2020-01-01'),
  ('judicial', 'service', 6, 'months', true, 'law', 'CPC 1411', '2020-01-01'),
  ('judicial', 'opposition', 1, 'months', true, 'law', 'CPC 1416', '2020-01-01'),
  ('judicial', 'judgment_follow_up', 3, 'months', false, 'choice', 'CPC 1417', '2020-01-01'),
  ('judicial', 'denunciation', 8, 'days', true, 'law', 'CPCE R211-3', '2020-01-01'),
  ('judicial', 'attribution_contest', 1, 'months', true, 'law', 'CPCE R211-11', '2020-01-01'),
  ('judicial', 'wage_debtor_month', 1, 'months', true, 'law', 'loi 2023-1059 art. 47, décret 2025-125', '2020-01-01'),
  ('judicial', 'wage_pv', 3, 'months', true, 'check', 'décret 2025-125 [CHECK article]', '2020-01-01'),
  ('judicial', 'seizure_follow_up', 1, 'months', false, 'choice', 'C. trav. L3252-1', '2020-01-01'),
  ('judicial', 'contest_follow_up', 2, 'months', false, 'choice', 'CPCE R121-11', '2020-01-01'),
  ('judicial', 'title_life', 120, 'months', false, 'law', 'CPCE L111-4', '2020-01-01');

-- The commissaire's proportional fee on the amount collected (A444-32, n° 129; the creditor's, R444-55): a floor
-- for small amounts, bands of a rate in hundredths of a percent ([{"uptoCents": n | null, "rateBp": n}], ascending,
-- the last open), and a cap.
create table judicial_fee_tables (
  id uuid primary key default uuid_time_ordered(),
  tariff text not null check (tariff in ('a444_32')),
  floor_cents integer not null check (floor_cents between 0 and 1000000),
  floor_upto_cents bigint not null check (floor_upto_cents between 0 and 100000000),
  cap_cents bigint not null check (cap_cents between floor_cents and 100000000),
  bands jsonb not null check (jsonb_typeof(bands) = 'array' and jsonb_array_length(bands) between 1 and 12),
  tag text not null check (tag in ('law', 'check')),
  source text not null check (length(btrim(source)) between 2 and 300),
  valid_from date not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (tariff, valid_from)
);

insert into judicial_fee_tables (tariff, floor_cents, floor_upto_cents, cap_cents, bands, tag, source, valid_from)
values ('a444_32', 2128, 18800, 554000,
  '[{"uptoCents": 12500, "rateBp": 1161}, {"uptoCents": 61000, "rateBp": 1064}, {"uptoCents": 152500, "rateBp": 1016}, {"uptoCents": 5240000, "rateBp": 387}, {"uptoCents": null, "rateBp": 298}]',
  'check', 'C. com. A444-32 (n° 129), arrêté du 28 février 2020 modifié [CHECK current arrêté]', '2021-01-01');
