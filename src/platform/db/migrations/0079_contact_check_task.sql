-- A new address or phone the person gives on the portal opens a task for an agent to verify it (docs/portal.md):
-- unverified, it stays beside the others until someone checks it the usual way.
alter table case_tasks drop constraint case_tasks_kind_check;
alter table case_tasks add constraint case_tasks_kind_check check (kind in ('promise_broken', 'callback_missed',
  'dispute_review', 'care_referral', 'payment_check', 'trace_contact', 'refusal_review', 'liabilities_statement',
  'vulnerability_review', 'sms_reply', 'contact_check'));
