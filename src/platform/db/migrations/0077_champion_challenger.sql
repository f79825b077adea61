-- Champion/challenger comparison (docs/reporting.md): per segment that had a challenger, arm, creditor, mandate and
-- cohort (the month the case entered the segment), the sufficient statistics of each figure the comparison tests:
-- cases and the sums of collected, of its square and its cube (for the mean, its variance and the skew warning);
-- promises kept and broken; cases with a complaint; satisfaction answers, their sum and sum of squares. The reporting
-- job (src/reporting/refresh-champion-challenger.ts) rewrites it with the portfolio facts every five minutes, so the
-- report reads a few rows, never the cases.
create table experiment_arm_facts (
  segment_id text not null,
  arm text not null check (arm in ('champion', 'challenger')),
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  cohort date not null check (extract(day from cohort) = 1),
  cases integer not null check (cases > 0),
  collected_cents bigint not null,
  -- Sums of squares and cubes of each case's collected cents: exact, whatever their size.
  collected_sq numeric not null,
  collected_cube numeric not null,
  paying_cases integer not null check (paying_cases >= 0),
  promises_kept integer not null check (promises_kept >= 0),
  promises_broken integer not null check (promises_broken >= 0),
  complaint_cases integer not null check (complaint_cases >= 0),
  satisfaction_answers integer not null check (satisfaction_answers >= 0),
  satisfaction_sum integer not null check (satisfaction_sum >= 0),
  satisfaction_sq integer not null check (satisfaction_sq >= 0),
  primary key (segment_id, arm, creditor_id, mandate_id, cohort)
);

-- A manager's decision on a comparison: promote the challenger (it becomes the segment's treatment), keep testing, or
-- stop the test (the champion stays alone). The figures as the manager saw them are kept with the decision.
create table experiment_decisions (
  id uuid primary key default uuid_time_ordered(),
  -- The order decisions were taken in, whatever their clock says.
  seq bigint generated always as identity,
  segment_id text not null,
  decision text not null check (decision in ('promote', 'keep', 'stop')),
  note text not null check (length(note) between 1 and 2000),
  figures jsonb not null,
  strategy_version_before integer not null references strategy_versions (version),
  -- The version published by the decision (promote or stop); null when the test goes on.
  strategy_version_after integer references strategy_versions (version),
  decided_by uuid not null references users (id),
  decided_at timestamptz not null,
  check ((decision = 'keep') = (strategy_version_after is null))
);
create index experiment_decisions_segment on experiment_decisions (segment_id, seq desc);
