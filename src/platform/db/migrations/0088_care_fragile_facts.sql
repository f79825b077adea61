-- The care report's fragile debtors (docs/reporting.md, "The care unit's figures"): per creditor, and per team of the
-- work queue, the debtors with an open case and those of them with a vulnerability record not ended. The reporting job
-- (src/reporting/refresh-care.ts) rewrites it with the portfolio facts every five minutes, so the report reads a few
-- rows, never every open case (issue 20, "Speed": a million cases took seconds).
create table care_fragile_facts (
  by_kind text not null check (by_kind in ('creditor', 'team')),
  -- A creditor's id or a team's, as by_kind says.
  group_id uuid not null,
  debtors integer not null check (debtors >= 0),
  fragile integer not null check (fragile >= 0 and fragile <= debtors),
  primary key (by_kind, group_id)
);
