-- Portfolio performance and outcomes by placement (docs/reporting.md, "Portfolio performance"): each fact keeps the
-- placement (the intake batch, `placements`) of its cases, so the reports can be read for one placement. A case's
-- placement is the placement of its first claim (the earliest created); null for a case whose first claim came
-- through no placement (created one by one). The facts stay one row per creditor, mandate, placement and key: the
-- primary keys become unique keys in which no placement (null) is one value like any other.

alter table vintage_placed add column placement_id uuid references placements (id);
alter table vintage_placed drop constraint vintage_placed_pkey;
alter table vintage_placed add constraint vintage_placed_key unique nulls not distinct (creditor_id, mandate_id, vintage, placement_id);

alter table vintage_collected add column placement_id uuid references placements (id);
alter table vintage_collected drop constraint vintage_collected_pkey;
alter table vintage_collected add constraint vintage_collected_key unique nulls not distinct (creditor_id, mandate_id, vintage, months_since, placement_id);

alter table outcome_vintage_contacts add column placement_id uuid references placements (id);
alter table outcome_vintage_contacts drop constraint outcome_vintage_contacts_pkey;
alter table outcome_vintage_contacts add constraint outcome_vintage_contacts_key unique nulls not distinct (creditor_id, mandate_id, vintage, placement_id);

alter table outcome_month_contacts add column placement_id uuid references placements (id);
alter table outcome_month_contacts drop constraint outcome_month_contacts_pkey;
alter table outcome_month_contacts add constraint outcome_month_contacts_key unique nulls not distinct (creditor_id, mandate_id, month, placement_id);

alter table outcome_promises add column placement_id uuid references placements (id);
alter table outcome_promises drop constraint outcome_promises_pkey;
alter table outcome_promises add constraint outcome_promises_key unique nulls not distinct (creditor_id, mandate_id, month, status, placement_id);

alter table outcome_plans add column placement_id uuid references placements (id);
alter table outcome_plans drop constraint outcome_plans_pkey;
alter table outcome_plans add constraint outcome_plans_key unique nulls not distinct (creditor_id, mandate_id, month, state, placement_id);

alter table outcome_first_payments add column placement_id uuid references placements (id);
alter table outcome_first_payments drop constraint outcome_first_payments_pkey;
alter table outcome_first_payments add constraint outcome_first_payments_key unique nulls not distinct (creditor_id, mandate_id, vintage, days, placement_id);

alter table outcome_stage_cases add column placement_id uuid references placements (id);
alter table outcome_stage_cases drop constraint outcome_stage_cases_pkey;
alter table outcome_stage_cases add constraint outcome_stage_cases_key unique nulls not distinct (creditor_id, mandate_id, vintage, stage, placement_id);

alter table outcome_stage_flows add column placement_id uuid references placements (id);
alter table outcome_stage_flows drop constraint outcome_stage_flows_pkey;
alter table outcome_stage_flows add constraint outcome_stage_flows_key unique nulls not distinct (creditor_id, mandate_id, month, from_stage, to_stage, placement_id);
