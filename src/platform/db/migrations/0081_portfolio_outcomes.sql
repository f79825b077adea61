-- Portfolio outcomes (docs/reporting.md): right-party contacts, promises, plans, days to first payment, stages and
-- the flow between them, per creditor and mandate, by vintage (the month a case was placed) or by month (agency
-- calendar). The reporting job (src/reporting/refresh-outcomes.ts) rewrites every table in the performance refresh's
-- transaction every five minutes, so the report reads a few hundred rows, never the cases.

-- Per vintage: outbound phone attempts, those that reached the debtor (a conversation), cases ever reached.
create table outcome_vintage_contacts (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  vintage date not null check (extract(day from vintage) = 1),
  attempts integer not null check (attempts >= 0),
  right_party integer not null check (right_party >= 0 and right_party <= attempts),
  reached_cases integer not null check (reached_cases >= 0),
  primary key (creditor_id, mandate_id, vintage)
);

-- Per month the contacts happened: attempts and right-party contacts, cases called or calling, cases reached.
create table outcome_month_contacts (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  month date not null check (extract(day from month) = 1),
  attempts integer not null check (attempts >= 0),
  right_party integer not null check (right_party >= 0 and right_party <= attempts),
  worked_cases integer not null check (worked_cases > 0),
  reached_cases integer not null check (reached_cases >= 0 and reached_cases <= worked_cases),
  primary key (creditor_id, mandate_id, month)
);

-- Promises by the month they were made and their status now.
create table outcome_promises (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  month date not null check (extract(day from month) = 1),
  status text not null check (status in ('open', 'kept', 'broken', 'cancelled')),
  promises integer not null check (promises > 0),
  amount_cents bigint not null check (amount_cents >= 0),
  primary key (creditor_id, mandate_id, month, status)
);

-- Plans by the month they were first agreed and where they stand now.
create table outcome_plans (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  month date not null check (extract(day from month) = 1),
  state text not null check (state in ('on_track', 'behind', 'completed', 'broken', 'ended')),
  plans integer not null check (plans > 0),
  primary key (creditor_id, mandate_id, month, state)
);

-- Days from placement to the first payment, per vintage: how many cases paid first after that many days.
create table outcome_first_payments (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  vintage date not null check (extract(day from vintage) = 1),
  days integer not null check (days >= 0),
  cases integer not null check (cases > 0),
  primary key (creditor_id, mandate_id, vintage, days)
);

-- The cases of each vintage by their stage now.
create table outcome_stage_cases (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  vintage date not null check (extract(day from vintage) = 1),
  stage text not null,
  cases integer not null check (cases > 0),
  primary key (creditor_id, mandate_id, vintage, stage)
);

-- Moves between stages per month (case_stage_history); 'placed' is where a case's first stage came from.
create table outcome_stage_flows (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  month date not null check (extract(day from month) = 1),
  from_stage text not null,
  to_stage text not null,
  moves integer not null check (moves > 0),
  primary key (creditor_id, mandate_id, month, from_stage, to_stage)
);
