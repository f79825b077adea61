-- Complaints (REGULATION.md §9: ACPR 2022-R-01, CMF L54-11-33) and time bars (§1, §12).

-- Time bars: the prescription periods as dated reference data. A row tagged 'check' was found only in secondary
-- sources and may be corrected by an administrator (a new row with its own date; rows are never rewritten).
create table time_bar_rules (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country in ('FR', 'IT')),
  claim_kind text not null check (claim_kind in ('consumer_goods_services', 'consumer_credit', 'general', 'judgment',
    'periodic')),
  years integer not null check (years between 1 and 30),
  source text not null,
  tag text not null check (tag in ('law', 'check')),
  valid_from date not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (country, claim_kind, valid_from)
);

insert into time_bar_rules (country, claim_kind, years, source, tag, valid_from) values
  ('FR', 'consumer_goods_services', 2, 'C. conso L218-2', 'law', '2008-06-19'),
  ('FR', 'consumer_credit', 2, 'C. conso R312-35', 'law', '2008-06-19'),
  ('FR', 'general', 5, 'C. civ. 2224', 'law', '2008-06-19'),
  ('FR', 'judgment', 10, 'CPCE L111-4', 'law', '2008-06-19'),
  ('IT', 'general', 10, 'c.c. 2946', 'check', '1942-04-21'),
  ('IT', 'periodic', 5, 'c.c. 2948', 'check', '1942-04-21'),
  ('IT', 'judgment', 10, 'c.c. 2953', 'check', '1942-04-21');

-- What interrupts a bar (C. civ. 2240-2244): the debtor's acknowledgement, a judicial act, a judgment (which starts
-- the enforcement period). Payments are read from the payments and the creditor's file, not copied here.
create table claim_interruptions (
  id uuid primary key default gen_random_uuid(),
  claim_id uuid not null references claims (id),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('acknowledgement', 'judicial_act', 'judgment')),
  occurred_on date not null,
  note text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null
);
create index claim_interruptions_claim on claim_interruptions (claim_id, occurred_on);

-- Complaint deadlines as dated reference data: acknowledge within N business days, answer within M months or D days.
create table complaint_deadline_rules (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country in ('FR', 'IT')),
  acknowledge_business_days integer not null check (acknowledge_business_days between 1 and 60),
  answer_months integer not null default 0 check (answer_months between 0 and 12),
  answer_days integer not null default 0 check (answer_days between 0 and 366),
  source text not null,
  valid_from date not null,
  created_at timestamptz not null default now(),
  check (answer_months > 0 or answer_days > 0),
  unique (country, valid_from)
);
insert into complaint_deadline_rules (country, acknowledge_business_days, answer_months, answer_days, source,
  valid_from) values
  ('FR', 10, 2, 0, 'ACPR 2022-R-01', '2022-12-31'),
  ('IT', 10, 0, 60, 'Banca d''Italia, reclami (60 days)', '2022-12-31');

-- The mediator named in every refusal: a creditor's own, else its sector's, else the country's default.
create table mediators (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country in ('FR', 'IT')),
  creditor_id uuid references creditors (id),
  sector text check (sector in ('bank', 'consumer_credit', 'energy', 'housing', 'other', 'telecom')),
  name text not null,
  address text not null,
  website text,
  email text,
  valid_from date not null,
  created_at timestamptz not null default now(),
  check (creditor_id is null or sector is null)
);
create index mediators_lookup on mediators (country, creditor_id, sector, valid_from);

insert into mediators (country, sector, name, address, website, valid_from) values
  ('FR', null, 'Médiateur de l''ASF', '24 avenue de la Grande Armée, 75854 Paris Cedex 17',
    'https://lemediateur.asf-france.com', '2022-01-01'),
  ('FR', 'energy', 'Médiateur national de l''énergie', 'Libre réponse n° 59252, 75443 Paris Cedex 09',
    'https://www.energie-mediateur.fr', '2022-01-01'),
  ('FR', 'telecom', 'Médiateur des communications électroniques', 'CS 30342, 94257 Gentilly Cedex',
    'https://www.mediateur-telecom.fr', '2022-01-01'),
  ('IT', null, 'Arbitro Bancario Finanziario (ABF)', 'Via Nazionale 91, 00184 Roma',
    'https://www.arbitrobancariofinanziario.it', '2022-01-01');

create sequence complaint_numbers;

create table complaints (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  creditor_id uuid not null references creditors (id),
  channel text not null check (channel in ('phone', 'letter', 'email', 'sms', 'portal', 'in_person', 'other')),
  subject text not null check (subject in ('contact_frequency', 'amount', 'hardship_not_heard', 'fraud', 'data',
    'agent_conduct', 'other')),
  summary text not null check (length(summary) between 1 and 4000),
  received_on date not null,
  country text not null check (country in ('FR', 'IT')),
  region text,
  acknowledge_by date not null,
  answer_by date not null,
  status text not null default 'received' check (status in ('received', 'acknowledged', 'answered', 'closed',
    'mediator')),
  acknowledged_on date,
  acknowledged_by uuid references users (id),
  answered_on date,
  answered_by uuid references users (id),
  outcome text check (outcome in ('upheld', 'partially_upheld', 'refused')),
  answer text check (length(answer) <= 8000),
  root_cause text check (root_cause in ('contact_policy', 'process', 'agent_error', 'creditor_data', 'system',
    'third_party', 'no_fault')),
  measures text check (length(measures) <= 4000),
  mediator jsonb,
  closed_on date,
  registered_by uuid references users (id),
  registered_at timestamptz not null,
  updated_at timestamptz not null,
  check (acknowledge_by >= received_on and answer_by >= received_on),
  check ((status = 'received') = (acknowledged_on is null)),
  check ((answered_on is null) = (outcome is null)),
  check (outcome is distinct from 'refused' or mediator is not null)
);
create index complaints_received on complaints (received_on desc, id);
create index complaints_case on complaints (case_id);
create index complaints_open on complaints (answer_by) where status in ('received', 'acknowledged');

-- A complaint about contact frequency names the contacts it is about (each carries its policy decision).
create table complaint_contacts (
  complaint_id uuid not null references complaints (id),
  contact_id uuid not null references contacts (id),
  primary key (complaint_id, contact_id)
);
