-- A vulnerability record whose review date passed opens a review task for the care team (src/care/review-lapse.ts).
alter table case_tasks drop constraint case_tasks_kind_check;
alter table case_tasks add constraint case_tasks_kind_check check (kind in ('promise_broken', 'callback_missed',
  'dispute_review', 'care_referral', 'payment_check', 'trace_contact', 'refusal_review', 'liabilities_statement',
  'vulnerability_review'));
