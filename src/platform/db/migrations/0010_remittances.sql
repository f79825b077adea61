-- Remittance to creditors (CPCE R124-6: within one month of encashment unless the mandate says otherwise): a
-- statement of every amount collected, the commission, the net paid over by credit transfer; and the creditor is
-- informed of each payment (R124-5) in its view and, optionally, by a signed webhook.

alter table creditors add column remittance_iban text;
alter table creditors add column remittance_bic text;
alter table creditors add column webhook_url text check (webhook_url is null or webhook_url ~ '^https?://');
-- The shared secret that signs webhook deliveries (HMAC-SHA256); never shown back once set.
alter table creditors add column webhook_secret text;

create sequence remittance_number_seq;

create table remittances (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  creditor_id uuid not null references creditors (id),
  -- Collections up to the end of this day (Europe/Paris) are included; earlier ones not yet remitted too.
  period_to date not null,
  collected_cents bigint not null,
  commission_cents bigint not null,
  net_cents bigint not null,
  lines integer not null,
  -- The payment over in the ledger; none when nothing is owed (a purchased debt's collections are the agency's).
  transaction_id uuid unique references ledger_transactions (id),
  prepared_by uuid references users (id),
  prepared_at timestamptz not null,
  check (net_cents = collected_cents - commission_cents)
);
create index remittances_creditor on remittances (creditor_id, period_to desc);

-- Which allocation (or reversal of one) each remittance settled: a ledger transaction is remitted once.
create table remittance_lines (
  remittance_id uuid not null references remittances (id),
  transaction_id uuid not null unique references ledger_transactions (id),
  payment_id uuid references payments (id),
  case_reference text not null,
  occurred_on date not null,
  collected_cents bigint not null,
  commission_cents bigint not null,
  primary key (remittance_id, transaction_id)
);

-- Deliveries of payment notices to creditors' webhooks: written in the payment's transaction, sent by a job.
create table creditor_notifications (
  id uuid primary key default gen_random_uuid(),
  creditor_id uuid not null references creditors (id),
  payment_id uuid not null references payments (id),
  event text not null check (event in ('payment.recorded', 'payment.reversed')),
  payload jsonb not null,
  created_at timestamptz not null,
  delivered_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  unique (payment_id, event)
);
create index creditor_notifications_pending on creditor_notifications (created_at) where delivered_at is null;
