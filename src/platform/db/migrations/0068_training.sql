-- Training ("la Ruche", src/training/, docs/training.md): modules written in Markdown in the repository, each with
-- a quiz. An attempt records the questions drawn for it (from a seed), the answers given and the score; a passed
-- attempt of every module a certification asks for earns the certification, dated, with its expiry. Certifications
-- gate the specialist queues (care, over-indebtedness, judicial).

create table training_attempts (
  id uuid primary key default uuid_time_ordered(),
  user_id uuid not null references users (id),
  module_id text not null check (module_id ~ '^[a-z][a-z0-9-]{1,40}$'),
  module_version integer not null check (module_version > 0),
  language text not null check (language in ('fr', 'en', 'it')),
  seed integer not null,
  question_ids text[] not null check (cardinality(question_ids) > 0),
  started_at timestamptz not null,
  -- The option chosen for each question drawn, by question id (null until submitted).
  answers jsonb,
  correct integer check (correct is null or correct >= 0),
  pass_mark integer not null check (pass_mark between 1 and 100),
  passed boolean,
  submitted_at timestamptz,
  check ((submitted_at is null) = (answers is null)),
  check ((submitted_at is null) = (correct is null)),
  check ((submitted_at is null) = (passed is null))
);
create index training_attempts_user on training_attempts (user_id, module_id, started_at desc);

create table certifications (
  id uuid primary key default uuid_time_ordered(),
  user_id uuid not null references users (id),
  kind text not null check (kind in ('contact_policy', 'care_unit', 'overindebtedness', 'judicial')),
  earned_at timestamptz not null,
  -- The last day it is valid (agency calendar); from the next day the person no longer takes cases it gates.
  valid_until date not null,
  -- The contact policy version in force when it was earned: a newer version makes a contact-policy certification stale.
  policy_version integer,
  -- The passed attempts it was earned on, one per module it asks for.
  attempt_ids uuid[] not null
);
create index certifications_user on certifications (user_id, kind, earned_at desc);
