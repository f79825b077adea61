-- A vulnerability record whose review date passed opens a review task for the care team (src/care/lapse-reviews.ts).
alter table case_tasks drop constraint case_tasks_kind_check;
alter table case_tasks add constraint case_tasks_kind_check check (kind in ('promise_broken', 'callback_missed',
  'dispute_review', 'care_referral', 'payment_check', 'trace_contact', 'refusal_review', 'liabilities_statement',
  'vulnerability_review'));

-- The nightly signal detection (src/care/detect-signals.ts) finds the debtors with fresh facts by these, not a scan.
create index debtor_assessments_recorded on debtor_assessments (recorded_at);
create index call_records_hardship on call_records (recorded_at) where result = 'hardship';
create index promises_broken on promises (resolved_at) where status = 'broken';
