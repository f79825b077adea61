-- A card payment the provider confirmed but Accord could not record as it came (another currency than the checkout's,
-- or a refusal of the payments service): the money was taken, so the notice is acknowledged (no endless retries by
-- the provider), the checkout marked "to check" with the reason, and a follow-up opened for the case's team to record
-- or refund it by hand (src/portal/card-webhook.ts, docs/portal.md "Paying").
alter table portal_card_payments drop constraint portal_card_payments_status_check;
alter table portal_card_payments add constraint portal_card_payments_status_check
  check (status in ('pending', 'paid', 'failed', 'expired', 'to_check'));
alter table portal_card_payments add column check_reason text check (length(check_reason) between 1 and 100);
alter table portal_card_payments add constraint portal_card_payments_check_reason
  check ((status = 'to_check') = (check_reason is not null));

-- Its follow-up: a card payment to record or refund by hand.
alter table case_tasks drop constraint case_tasks_kind_check;
alter table case_tasks add constraint case_tasks_kind_check check (kind in ('promise_broken', 'callback_missed',
  'dispute_review', 'care_referral', 'payment_check', 'trace_contact', 'refusal_review', 'liabilities_statement',
  'vulnerability_review', 'sms_reply', 'contact_check', 'card_payment_check'));
