-- The care unit for fragile debtors (REGULATION §4: GDPR art. 9, CCD2 art. 36; §5: FCA FG21/1). A vulnerability is
-- recorded as its drivers and the minimum a colleague needs to adapt ("written contact only"), never a diagnosis,
-- with its legal basis, the debtor's consent, who recorded it and a review date it cannot do without. Adaptations
-- narrow the contact policy for the debtor. Signals computed from facts Accord already has suggest one to a person,
-- who confirms or dismisses it. Referrals to organisations that help are proposed with consent, sent, followed up and
-- closed with their outcome. Every table here is special-category data: read only under need-to-know, audited.

create table vulnerabilities (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  -- FG21/1's four drivers: one or more.
  drivers text[] not null check (cardinality(drivers) between 1 and 4
    and drivers <@ array['health', 'life_event', 'resilience', 'capability']::text[]),
  -- How colleagues adapt, in the recorder's words: the minimum, never a diagnosis.
  note text not null check (length(btrim(note)) between 1 and 500),
  -- Machine-readable adaptations (care/core/adaptations.ts): channels, hours, pace, a third party present.
  adaptations jsonb not null default '{}'::jsonb,
  legal_basis text not null check (legal_basis in ('explicit_consent', 'legal_claims')),
  consent text not null check (consent in ('given', 'refused', 'not_asked')),
  consent_at timestamptz,
  -- A review date it cannot do without: when it passes, the record lapses to a review (status review_due).
  review_on date not null,
  status text not null default 'active' check (status in ('active', 'review_due', 'ended')),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  -- The signal a person confirmed into this record, when one did.
  signal_id uuid,
  ended_at timestamptz,
  ended_by uuid references users (id),
  end_reason text check (end_reason is null or length(btrim(end_reason)) between 1 and 500),
  updated_at timestamptz not null,
  check ((consent = 'not_asked') = (consent_at is null)),
  check (legal_basis <> 'explicit_consent' or consent = 'given'),
  check ((status = 'ended') = (ended_at is not null)),
  check ((ended_at is null) = (ended_by is null))
);
create index vulnerabilities_debtor on vulnerabilities (debtor_id, recorded_at desc);
create index vulnerabilities_review on vulnerabilities (review_on) where status = 'active';
create index vulnerabilities_open on vulnerabilities (status, review_on) where status <> 'ended';

-- Each review of a record: kept (a new review date), changed (drivers, note or adaptations) or ended.
create table vulnerability_reviews (
  id uuid primary key default uuid_time_ordered(),
  vulnerability_id uuid not null references vulnerabilities (id),
  reviewed_at timestamptz not null,
  reviewed_by uuid not null references users (id),
  outcome text not null check (outcome in ('kept', 'changed', 'ended')),
  review_on_before date not null,
  review_on_after date,
  note text check (note is null or length(btrim(note)) between 1 and 500),
  check ((outcome = 'ended') = (review_on_after is null))
);
create index vulnerability_reviews_record on vulnerability_reviews (vulnerability_id, reviewed_at);

-- A signal: facts that suggest a possible vulnerability, shown to a person with their reasons. It never creates a
-- record by itself; a person confirms it (recording a vulnerability) or dismisses it, and both are kept.
create table vulnerability_signals (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  case_id uuid references cases (id),
  kind text not null check (kind in ('no_capacity', 'below_minimum_income', 'hardship_outcome',
    'bereavement_outcome', 'broken_promises_after_life_event', 'debtor_declaration')),
  -- The facts behind it, as parameters the reader's page words (amounts in cents, dates, counts).
  reasons jsonb not null,
  detected_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'confirmed', 'dismissed')),
  decided_at timestamptz,
  decided_by uuid references users (id),
  decision_note text check (decision_note is null or length(btrim(decision_note)) between 1 and 500),
  vulnerability_id uuid references vulnerabilities (id),
  check ((status = 'open') = (decided_at is null)),
  check ((decided_at is null) = (decided_by is null)),
  check ((status = 'confirmed') = (vulnerability_id is not null))
);
-- One open signal of a kind per debtor: a detection run that finds it again adds nothing.
create unique index vulnerability_signals_one_open on vulnerability_signals (debtor_id, kind) where status = 'open';
create index vulnerability_signals_open on vulnerability_signals (detected_at) where status = 'open';
create index vulnerability_signals_debtor on vulnerability_signals (debtor_id, detected_at desc);
alter table vulnerabilities add constraint vulnerabilities_signal_fk foreign key (signal_id)
  references vulnerability_signals (id);

-- The directory of organisations that help (reference data an administrator edits): what each helps with, where it
-- acts (the whole country, a region or a département), and how to reach it.
create table care_organisations (
  id uuid primary key default uuid_time_ordered(),
  country text not null check (country in ('FR', 'IT')),
  name text not null check (length(btrim(name)) between 1 and 200),
  helps_with text[] not null check (cardinality(helps_with) >= 1 and helps_with <@ array['over_indebtedness',
    'budget_advice', 'social_support', 'job_loss', 'family_benefits', 'housing', 'health', 'legal_advice',
    'consumer_rights']::text[]),
  coverage text not null check (coverage in ('national', 'region', 'department')),
  -- The region or département code (INSEE in France, the province or region in Italy); null when national.
  area text check (area is null or length(btrim(area)) between 1 and 40),
  phone text check (phone is null or length(btrim(phone)) between 3 and 40),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
  website text check (website is null or website ~ '^https?://'),
  address text check (address is null or length(btrim(address)) between 1 and 300),
  description text check (description is null or length(btrim(description)) between 1 and 1000),
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by uuid references users (id),
  check ((coverage = 'national') = (area is null)),
  check (phone is not null or email is not null or website is not null or address is not null)
);
create index care_organisations_country on care_organisations (country, active, name);

-- A referral: proposed to the debtor with their consent, sent (a letter, an e-mail with the contact details, or a
-- warm handoff recorded), followed up on a date, closed with its outcome. A debtor who declines is a closed
-- referral with the outcome `refused`.
create table care_referrals (
  id uuid primary key default uuid_time_ordered(),
  debtor_id uuid not null references debtors (id),
  case_id uuid references cases (id),
  organisation_id uuid not null references care_organisations (id),
  -- What the debtor needs help with, in a few words.
  need text not null check (length(btrim(need)) between 1 and 300),
  status text not null default 'proposed' check (status in ('proposed', 'sent', 'closed')),
  consent_at timestamptz not null,
  proposed_at timestamptz not null,
  proposed_by uuid not null references users (id),
  sent_at timestamptz,
  sent_by uuid references users (id),
  sent_how text check (sent_how in ('letter', 'email', 'warm_handoff')),
  follow_up_on date not null,
  outcome text check (outcome in ('helped', 'not_reached', 'refused', 'file_lodged')),
  outcome_note text check (outcome_note is null or length(btrim(outcome_note)) between 1 and 500),
  closed_at timestamptz,
  closed_by uuid references users (id),
  check ((sent_at is null) = (sent_how is null) and (sent_at is null) = (sent_by is null)),
  check ((status = 'closed') = (closed_at is not null)),
  check ((closed_at is null) = (outcome is null) and (closed_at is null) = (closed_by is null)),
  check (status <> 'sent' or sent_at is not null)
);
create index care_referrals_debtor on care_referrals (debtor_id, proposed_at desc);
create index care_referrals_follow_up on care_referrals (follow_up_on) where status <> 'closed';

-- A breathing space is a vulnerability hold (30 days by default) that may be renewed once, with a reason.
alter table holds add column renewed_at timestamptz;
alter table holds add column renewed_by uuid references users (id);
alter table holds add column renewal_reason text;
alter table holds add constraint holds_renewal_complete check ((renewed_at is null) = (renewal_reason is null)
  and (renewed_at is null) = (renewed_by is null));

-- Care acts on the case timeline, never in the creditor's view (which lists the kinds it reads).
alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences', 'plan', 'review', 'payment', 'payment_reversed', 'task', 'assignment', 'dispute', 'complaint',
  'estate', 'judicial', 'care'));

-- Reads of a referral reveal a vulnerability: recorded like the record's.
alter table sensitive_reads drop constraint sensitive_reads_subject_check;
alter table sensitive_reads add constraint sensitive_reads_subject_check
  check (subject in ('budget', 'vulnerability', 'audit_trail', 'document', 'care_referral'));
