-- Over-indebtedness (REGULATION.md §2, §10): one procedure per debtor covers every debt, so every open case of the
-- debtor at every creditor. Each step is a dated state (the day of the commission's letter or decision) with the
-- reference of its document; the deadlines are computed from it (src/overindebtedness/core/deadline-rules.ts).
create table overindebtedness_procedures (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  country text not null check (country in ('FR', 'IT')),
  state text not null check (state in ('filed', 'admissible', 'inadmissible', 'liabilities_stated',
    'plan_conventionnel', 'mesures_imposees', 'prp_sans_liquidation', 'prp_avec_liquidation', 'plan_applies',
    'erased', 'closed', 'filed_occ', 'protective_measures', 'plan_approved', 'liquidazione_controllata')),
  state_on date not null,
  filed_on date not null,
  -- The Banque de France file number, or the OCC's.
  file_reference text not null,
  -- The contact policy's hold the state placed (filed, admissible, commission plan), while one applies.
  hold_id uuid references holds (id),
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (state_on >= filed_on)
);
create unique index overindebtedness_procedures_one_live on overindebtedness_procedures (debtor_id)
  where state not in ('closed', 'erased');

create table overindebtedness_steps (
  id uuid primary key default uuid_time_ordered(),
  procedure_id uuid not null references overindebtedness_procedures (id),
  state text not null,
  on_date date not null,
  -- The letter or decision of the step (its reference, as the commission or the court wrote it); null while missing.
  document_ref text,
  note text not null default '',
  recorded_by uuid references users (id),
  recorded_at timestamptz not null
);
create index overindebtedness_steps_procedure on overindebtedness_steps (procedure_id, recorded_at);

-- The cases a procedure covers, the stage each had before (where leaving takes it back), the commission's plan
-- imported on it and the task of the statement of liabilities.
create table overindebtedness_cases (
  procedure_id uuid not null references overindebtedness_procedures (id),
  case_id uuid not null references cases (id),
  creditor_id uuid not null references creditors (id),
  stage_before text not null,
  plan_id uuid references plans (id),
  statement_task_id uuid references case_tasks (id),
  primary key (procedure_id, case_id)
);
create index overindebtedness_cases_case on overindebtedness_cases (case_id);

-- The statement of liabilities asks the creditor's agent to prove the claim within 30 days (R723-3).
alter table case_tasks drop constraint case_tasks_kind_check;
alter table case_tasks add constraint case_tasks_kind_check check (kind in ('promise_broken', 'callback_missed',
  'dispute_review', 'care_referral', 'payment_check', 'trace_contact', 'refusal_review', 'liabilities_statement'));

-- A plan imposed by the commission is the commission's, not drawn from a budget the agency recorded.
alter table plan_versions alter column assessment_id drop not null;
